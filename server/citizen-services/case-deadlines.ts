import {
  type ComplaintInstance,
  INFORMATION_REQUEST_ARTICLES,
  type LegalLimit,
  type LegalReading,
  legalTierLimits,
} from '#src/schema/legal-deadlines.ts';
import {
  COMPLAINT_KINDS,
  INFORMATION_REQUEST_LIMITS,
  limitsFor,
  type ComplaintKind,
  type ServiceId,
  type Services,
} from '#src/schema/service-process.ts';
import {
  addCalendarDays,
  addWorkingDays,
  deadlineStatus,
  dueDate,
  type DeadlineStatus,
  type TimeLimit,
  vietnamDate,
  type WorkingCalendar,
  workingDaysBetween,
} from '#src/calendar/working-days.ts';
import type { CasePatch, CaseRecord, CaseStatus } from '#server/platform/storage/case-records.ts';
import { ExtensionNotAllowedError, SignedLetterRequiredError } from './errors.ts';
import { isFinal, type TransitionName } from './case-workflow.ts';

/**
 * Deadlines of a case, as the law writes them (docs/adr/0056): the
 * department's declared process (Điều 14, `sites/<id>.yaml`), the law's
 * tiers (`src/schema/legal-deadlines.ts`: first and second instance,
 * remote areas, extensions, suspension), the province's reading of "ngày"
 * and the working-day calendar (docs/adr/0050). Acceptance counts from the
 * signed letter where the law asks for one (docs/adr/0057), resolution from
 * acceptance (Luật Khiếu nại 2011 Điều 28, 37; Luật Tố cáo 2018 Điều 30).
 */
export interface DeadlineRules {
  services: Services;
  calendar: WorkingCalendar;
  reading: LegalReading;
}

/** A limit and the article it comes from; null where the department's own declaration is the source. */
export interface CaseLimit {
  limit: TimeLimit;
  article: string | null;
}

export interface CaseLimits {
  accept: CaseLimit;
  acceptExtended: CaseLimit | null;
  resolve: CaseLimit;
  complexResolve: CaseLimit | null;
  extension: (CaseLimit & { max: number }) | null;
  /** The article allowing a suspension, or null when the law has none for this case. */
  suspension: string | null;
}

/** What the deadlines of a case depend on. */
export type DeadlineFacts = Pick<CaseRecord, 'service' | 'kind' | 'payload' | 'remoteArea'>;

function complaintKind(service: ServiceId, kind: string | null): ComplaintKind | undefined {
  return service === 'khieu-nai-to-cao' && (COMPLAINT_KINDS as readonly string[]).includes(kind ?? '')
    ? (kind as ComplaintKind)
    : undefined;
}

/** The instance the complainant chose on the form; a first complaint unless they said otherwise. */
export function complaintInstance(payload: Record<string, unknown>): ComplaintInstance {
  return payload.instance === 'lan-hai' ? 'lan-hai' : 'lan-dau';
}

/** Luật Khiếu nại 2011 Điều 8, Luật Tố cáo 2018 Điều 23: a complaint or denunciation by letter is signed or finger-printed. */
export function needsSignedLetter(record: Pick<CaseRecord, 'service' | 'kind'>): boolean {
  return record.service === 'khieu-nai-to-cao' && (record.kind === 'khieu-nai' || record.kind === 'to-cao');
}

const own = (limit: TimeLimit): CaseLimit => ({ limit, article: null });
const legal = (limit: LegalLimit | null): CaseLimit | null =>
  limit ? { limit: limit.limit, article: limit.article } : null;

/**
 * The limits of one case. A department's declaration may shorten the
 * first-instance limits (`limitsFor`); the other tiers are the law's alone.
 */
export function caseLimits(rules: Pick<DeadlineRules, 'services' | 'reading'>, facts: DeadlineFacts): CaseLimits {
  const kind = complaintKind(facts.service, facts.kind);
  const declared = limitsFor(rules.services, facts.service, kind, rules.reading);
  if (facts.service === 'tiep-can-thong-tin') return informationRequestLimits(declared);
  if (kind !== 'khieu-nai' && kind !== 'to-cao') {
    return {
      accept: own(declared.accept),
      acceptExtended: null,
      resolve: own(declared.resolve),
      complexResolve: own(declared.complexResolve),
      extension: null,
      suspension: null,
    };
  }
  const instance = kind === 'khieu-nai' ? complaintInstance(facts.payload) : 'lan-dau';
  const tier = legalTierLimits(kind, instance, facts.remoteArea, rules.reading);
  const firstInstance = instance === 'lan-dau' && !facts.remoteArea;
  // A declared value shorter than the law's is the department's own commitment: shown without an article.
  const pick = (mine: TimeLimit, law: LegalLimit): CaseLimit =>
    firstInstance && !sameLimit(mine, law.limit) ? own(mine) : { limit: law.limit, article: law.article };
  return {
    accept: pick(declared.accept, tier.accept),
    acceptExtended: legal(tier.acceptExtended),
    resolve: pick(declared.resolve, tier.resolve),
    complexResolve: tier.complexResolve ? pick(declared.complexResolve, tier.complexResolve) : null,
    extension: tier.extension
      ? { limit: tier.extension.limit, article: tier.extension.article, max: tier.extension.max }
      : null,
    suspension: tier.suspension,
  };
}

/**
 * Luật Tiếp cận thông tin 2016 (docs/adr/0048): the department may promise
 * less than the law (the schema refuses more); the one extension is the
 * law's, up to the 20 working days in all the law allows.
 */
function informationRequestLimits(declared: ReturnType<typeof limitsFor>): CaseLimits {
  const article = (mine: TimeLimit, law: TimeLimit, text: string): CaseLimit =>
    sameLimit(mine, law) ? { limit: law, article: text } : own(mine);
  const extension = INFORMATION_REQUEST_LIMITS.complexResolve.value - declared.resolve.value;
  return {
    accept: article(declared.accept, INFORMATION_REQUEST_LIMITS.accept, INFORMATION_REQUEST_ARTICLES.accept),
    acceptExtended: null,
    resolve: article(declared.resolve, INFORMATION_REQUEST_LIMITS.resolve, INFORMATION_REQUEST_ARTICLES.resolve),
    complexResolve: null,
    extension: {
      limit: { value: Math.min(10, extension), unit: 'ngay-lam-viec' },
      article: INFORMATION_REQUEST_ARTICLES.extension,
      max: 1,
    },
    suspension: null,
  };
}

function sameLimit(a: TimeLimit, b: TimeLimit): boolean {
  return a.value === b.value && a.unit === b.unit;
}

const due = (start: number, limit: CaseLimit, calendar: WorkingCalendar) =>
  dueDate(new Date(start), limit.limit, calendar).getTime();

/** The first deadline of a new case: acceptance, running now unless the signed letter is still awaited. */
export function deadlinesOnSubmit(
  rules: DeadlineRules,
  facts: DeadlineFacts,
  now: number,
): Pick<CaseRecord, 'acceptDueAt' | 'dueAt'> {
  // Until the signed letter arrives there is no complaint to accept yet: the date is provisional and no clock runs.
  const acceptDueAt = due(now, caseLimits(rules, facts).accept, rules.calendar);
  return { acceptDueAt, dueAt: needsSignedLetter(facts) ? null : acceptDueAt };
}

export interface StepFacts {
  /** When the case was accepted (its `accept` event), for limits counted from acceptance. */
  acceptedAt?: number | null;
  /** Luật Khiếu nại 2011 Điều 28, 37: decided by the head on acceptance. */
  remoteArea?: boolean;
  /** When the signed letter reached the department (its scan's upload, or now for a letter handed in). */
  letterAt?: number;
}

/**
 * Units of `limit` left between two instants, never negative: what a
 * suspension keeps of a limit, so the time suspended is not counted
 * (Luật Tố cáo 2018 Điều 34).
 */
function unitsLeft(from: number, until: number, unit: TimeLimit['unit'], calendar: WorkingCalendar): number {
  if (unit === 'ngay-lam-viec') return Math.max(0, workingDaysBetween(new Date(from), new Date(until), calendar));
  if (unit === 'ngay')
    return Math.max(
      0,
      (Date.parse(vietnamDate(new Date(until))) - Date.parse(vietnamDate(new Date(from)))) / 86_400_000,
    );
  return Math.max(0, until - from);
}

function resumeDue(left: number, unit: TimeLimit['unit'], now: number, calendar: WorkingCalendar): number {
  if (unit === 'ngay-lam-viec') return addWorkingDays(new Date(now), left, calendar).getTime();
  if (unit === 'ngay') return addCalendarDays(new Date(now), left, calendar).getTime();
  return now + left;
}

/**
 * What a step does to the deadlines of `record`, as a patch, or the refusal
 * the law gives. Every rule of ADR 0056 is decided here and nowhere else.
 */
export function deadlineEffects(
  rules: DeadlineRules,
  record: CaseRecord,
  name: TransitionName,
  status: CaseStatus,
  now: number,
  step: StepFacts = {},
): Partial<CasePatch> {
  const { calendar } = rules;
  if (isFinal(status) || (record.service === 'gop-y-du-thao' && status === 'accepted'))
    return { closedAt: now, dueAt: null, suspendedAt: null };
  const limits = caseLimits(rules, record);
  switch (name) {
    case 'receiveSignedLetter': {
      const at = step.letterAt ?? now;
      const acceptDueAt = due(at, limits.accept, calendar);
      return { signedLetterAt: at, acceptDueAt, dueAt: acceptDueAt };
    }
    case 'extendAcceptance': {
      if (!limits.acceptExtended)
        throw new ExtensionNotAllowedError({ transition: name, reason: 'not-in-law', max: 0 });
      if (needsSignedLetter(record) && record.signedLetterAt === null)
        throw new SignedLetterRequiredError({ kind: record.kind ?? '' });
      const acceptDueAt = due(record.signedLetterAt ?? record.receivedAt, limits.acceptExtended, calendar);
      if (acceptDueAt <= record.acceptDueAt)
        throw new ExtensionNotAllowedError({ transition: name, reason: 'limit-reached', max: 1 });
      return { acceptDueAt, dueAt: acceptDueAt };
    }
    case 'accept': {
      // Luật Tiếp cận thông tin 2016: the 10 working days run from the receipt of the valid request, not from this
      // notice; an extension already decided keeps its date.
      if (record.service === 'tiep-can-thong-tin') {
        const resolveDueAt = record.resolveDueAt ?? due(record.receivedAt, limits.resolve, calendar);
        return { resolveDueAt, dueAt: resolveDueAt };
      }
      if (needsSignedLetter(record) && record.signedLetterAt === null)
        throw new SignedLetterRequiredError({ kind: record.kind ?? '' });
      const remoteArea = record.kind === 'khieu-nai' && step.remoteArea === true;
      const accepted = caseLimits(rules, { ...record, remoteArea });
      const resolveDueAt = due(
        now,
        record.complex && accepted.complexResolve ? accepted.complexResolve : accepted.resolve,
        calendar,
      );
      return { remoteArea, resolveDueAt, dueAt: resolveDueAt };
    }
    case 'declareComplex': {
      if (!limits.complexResolve)
        throw new ExtensionNotAllowedError({ transition: name, reason: 'not-in-law', max: 0 });
      if (record.complex) throw new ExtensionNotAllowedError({ transition: name, reason: 'limit-reached', max: 1 });
      const resolveDueAt = due(step.acceptedAt ?? now, limits.complexResolve, calendar);
      return { complex: true, resolveDueAt, dueAt: resolveDueAt };
    }
    case 'extend': {
      const extension = limits.extension;
      // A request for information may be extended before the notice of acceptance: its limit already runs from receipt.
      const inForce =
        record.resolveDueAt ??
        (record.service === 'tiep-can-thong-tin' ? due(record.receivedAt, limits.resolve, calendar) : null);
      if (!extension || inForce === null)
        throw new ExtensionNotAllowedError({ transition: name, reason: 'not-in-law', max: 0 });
      if (record.extensions >= extension.max)
        throw new ExtensionNotAllowedError({ transition: name, reason: 'limit-reached', max: extension.max });
      // Each extension adds to the limit in force, counted from its end.
      const resolveDueAt = due(inForce, extension, calendar);
      return { complex: true, extensions: record.extensions + 1, resolveDueAt, dueAt: resolveDueAt };
    }
    case 'suspend':
      return { suspendedAt: now, dueAt: null };
    case 'resume': {
      const unit = limits.resolve.limit.unit;
      const dueBefore = record.resolveDueAt ?? now;
      const left = unitsLeft(record.suspendedAt ?? now, dueBefore, unit, calendar);
      const resolveDueAt = resumeDue(left, unit, now, calendar);
      return { suspendedAt: null, resolveDueAt, dueAt: resolveDueAt };
    }
    // The department waits for the citizen: the clock stops until the supplement arrives.
    case 'requestSupplement':
      return { dueAt: null };
    // The acceptance clock restarts from the day the dossier is complete again.
    case 'supplement': {
      const acceptDueAt = due(now, limits.accept, calendar);
      return { acceptDueAt, dueAt: acceptDueAt };
    }
    default:
      return {};
  }
}

/** The flag shown beside a case in queues and on the look-up page; null once closed or while no clock runs. */
export function caseDeadlineStatus(
  record: Pick<CaseRecord, 'dueAt'>,
  now: number,
  calendar: WorkingCalendar,
): DeadlineStatus | null {
  return record.dueAt === null ? null : deadlineStatus(new Date(record.dueAt), new Date(now), calendar);
}
