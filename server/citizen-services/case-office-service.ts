import type { KeyObject } from 'node:crypto';
import { SERVICE_IDS, type ServiceId } from '#src/schema/service-process.ts';
import type { LegalReading } from '#src/schema/legal-deadlines.ts';
import type { WorkingCalendar } from '#src/calendar/working-days.ts';
import { AccountNotFoundError } from '#server/accounts/errors.ts';
import { CaseNotFoundError, CasePermissionError } from './errors.ts';
import { ValidationError } from '#server/platform/errors.ts';
import { isProtected, protectedFieldsShown, revealsIdentity, visiblePayload } from './case-confidentiality.ts';
import {
  caseDeadlineStatus,
  caseLimits,
  deadlineEffects,
  type CaseLimits,
  type DeadlineRules,
} from './case-deadlines.ts';
import { RATED_SERVICES, ratingLinkPath, type CaseRatings } from './case-rating.ts';
import {
  availableTransitions,
  canView,
  checkTransition,
  isFinal,
  relationsTo,
  tellsCitizen,
  type CaseRelation,
  type TransitionName,
} from './case-workflow.ts';
import type { Clock } from '#server/platform/clock.ts';
import { checkFiles, type UploadLimits } from './uploads.ts';
import type { RequestMeta } from '#server/platform/http/request-meta.ts';
import type {
  AttachmentRecord,
  CaseEvent,
  CasePatch,
  CaseQuery,
  CaseRating,
  CaseRecord,
  CaseStatus,
} from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { CaseDepartment } from './case-departments.ts';
import type { CaseNotifier } from './case-notifier.ts';
import type { UploadedFile } from './case-service.ts';
import type { QuestionPublisher } from './question-publisher.ts';

/**
 * The back office of the online services (Điều 15): queues, the case page,
 * transitions, files, the head's grants. Every method starts from the
 * signed-in account and the case's relation to it (lib/case-workflow): an id
 * typed into the address bar opens nothing the department did not give.
 */
export interface OfficeDeps {
  storage: Storage;
  clock: Clock;
  calendar: WorkingCalendar;
  departments: ReadonlyMap<string, CaseDepartment>;
  attachments: AttachmentStore;
  notifier: CaseNotifier;
  publisher: QuestionPublisher | null;
  uploadLimits: UploadLimits;
  /** How the province reads "ngày" of the complaint laws (docs/adr/0056). */
  reading: LegalReading;
  ratings: CaseRatings;
  /** Signs the rating link of a closing e-mail (docs/adr/0058). */
  ratingKey: KeyObject;
}

export interface QueueFilters {
  service?: ServiceId;
  status?: CaseStatus;
  /** Only cases assigned to the viewer. */
  mine?: boolean;
  overdue?: boolean;
  page?: number;
}

export interface OfficerCaseView {
  record: CaseRecord;
  /** Identity fields withheld for a denunciation unless head or assignee. */
  payload: Record<string, unknown>;
  relations: ReadonlySet<CaseRelation>;
  transitions: TransitionName[];
  events: CaseEvent[];
  /** Empty when withheld from this viewer; `withheldAttachments` says how many there are. */
  attachments: AttachmentRecord[];
  withheldAttachments: number;
  deadline: ReturnType<typeof caseDeadlineStatus>;
  /** The limits in force and the articles they come from. */
  limits: CaseLimits;
  rating: CaseRating | null;
}

/** How the signed letter came: its scan uploaded online, or the paper letter handed in or posted (docs/adr/0057). */
export const LETTER_VIA = ['ban-chup', 'ban-giay'] as const;
export type LetterVia = (typeof LETTER_VIA)[number];

export interface ActionInput {
  expectedVersion: number;
  publicText?: string | null;
  internalNote?: string | null;
  assigneeId?: string | null;
  files?: UploadedFile[];
  /** On acceptance of a complaint: "vùng sâu, vùng xa đi lại khó khăn" (Luật Khiếu nại 2011 Điều 28, 37). */
  remoteArea?: boolean;
  /** On recording the signed letter. */
  letterVia?: LetterVia | null;
}

export const PAGE_SIZE = 50;

/** Case, account and disposal-list ids: UUIDs (a case's in time order, `timeOrderedId`). */
export const SERVER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function createCaseOfficeService(deps: OfficeDeps) {
  const { storage, clock, calendar } = deps;

  async function grantedServices(account: AccountRecord): Promise<Set<ServiceId>> {
    if (!account.departmentId) return new Set();
    const grants = await storage.serviceGrants.list(account.departmentId);
    return new Set(grants.filter((g) => g.accountId === account.id).map((g) => g.service));
  }

  /** Not found and not yours look the same: an officer learns nothing by trying ids. */
  async function openCase(account: AccountRecord, caseId: string) {
    // Ids are server-made UUIDs; anything else from the URL is not looked up (PostgreSQL refuses NUL in text).
    const record = SERVER_ID.test(caseId) ? await storage.cases.findById(caseId) : null;
    if (!record) throw new CaseNotFoundError({});
    const relations = relationsTo(account, record, await grantedServices(account));
    if (!canView(relations)) throw new CaseNotFoundError({});
    return { record, relations };
  }

  function departmentOf(record: CaseRecord): CaseDepartment {
    return deps.departments.get(record.departmentId)!;
  }

  function rulesOf(record: CaseRecord): DeadlineRules {
    return { services: departmentOf(record).services, calendar, reading: deps.reading };
  }

  /** The facts a deadline step needs beyond the record: when it was accepted, when the signed letter came. */
  async function stepFacts(record: CaseRecord, name: TransitionName, input: ActionInput, now: number) {
    if (name !== 'declareComplex' && name !== 'receiveSignedLetter') return { remoteArea: input.remoteArea };
    const events = await storage.cases.events(record.id);
    if (name === 'declareComplex') return { acceptedAt: events.findLast((e) => e.action === 'accept')?.at ?? null };
    // A scan counts from when it was uploaded: the one sent from the look-up page, else the one sent with the form.
    const letterAt =
      input.letterVia === 'ban-chup'
        ? (events.findLast((e) => e.action === 'sendSignedLetter')?.at ?? record.receivedAt)
        : now;
    return { letterAt };
  }

  /**
   * Luật Tố cáo 2018 Điều 47: each time a denouncer's identity, words or
   * files are shown, who saw them is logged, before they are shown. Only
   * that they were seen: never what they say (docs/adr/0059).
   */
  async function auditProtectedView(
    account: AccountRecord,
    record: CaseRecord,
    meta: RequestMeta,
    details: Record<string, unknown>,
  ) {
    await storage.audit.append({
      at: clock(),
      actorId: account.id,
      actorUsername: account.username,
      action: 'case-protected-viewed',
      departmentId: record.departmentId,
      targetId: null,
      targetUsername: null,
      ip: meta.ip,
      details: {
        trackingCode: record.trackingCode,
        ...details,
        ...(meta.userAgent ? { userAgent: meta.userAgent.slice(0, 200) } : {}),
      },
    });
  }

  async function checkAssignee(record: CaseRecord, assigneeId: string): Promise<AccountRecord> {
    const assignee = await storage.accounts.findById(assigneeId);
    if (assignee?.status !== 'active' || assignee.departmentId !== record.departmentId) {
      throw new AccountNotFoundError({ username: assigneeId });
    }
    const granted = await grantedServices(assignee);
    if (assignee.role !== 'head' && !granted.has(record.service)) {
      throw new ValidationError({ issues: [{ field: 'assigneeId', problem: 'not-allowed' }] });
    }
    return assignee;
  }

  return {
    grantedServices,

    /** The queue: everything for the head; for an officer, their cases and the unassigned ones of their services. */
    async queue(account: AccountRecord, filters: QueueFilters = {}) {
      if (!account.departmentId) return { cases: [], now: clock() };
      const now = clock();
      const query: CaseQuery = {
        departmentId: account.departmentId,
        services: filters.service ? [filters.service] : undefined,
        statuses: filters.status ? [filters.status] : undefined,
        assignedTo: filters.mine ? account.id : undefined,
        dueBefore: filters.overdue ? now : undefined,
        limit: PAGE_SIZE,
        offset: Math.max(0, (filters.page ?? 0) * PAGE_SIZE),
      };
      if (account.role !== 'head')
        query.visibleTo = { accountId: account.id, services: [...(await grantedServices(account))] };
      const cases = await storage.cases.list(query);
      return { cases: cases.map((record) => ({ record, deadline: caseDeadlineStatus(record, now, calendar) })), now };
    },

    async view(account: AccountRecord, caseId: string, meta: RequestMeta): Promise<OfficerCaseView> {
      const { record, relations } = await openCase(account, caseId);
      const [events, attachments, rating] = await Promise.all([
        storage.cases.events(record.id),
        storage.cases.attachments(record.id),
        deps.ratings.rating(record.id),
      ]);
      const reveals = revealsIdentity(record.kind, relations);
      const fields = protectedFieldsShown(record.payload, record.kind, relations);
      const files = isProtected(record.kind) && reveals ? attachments.length : 0;
      if (fields.length > 0 || files > 0)
        await auditProtectedView(account, record, meta, { fields, attachments: files });
      return {
        record,
        payload: visiblePayload(record.payload, record.kind, relations),
        relations,
        transitions: availableTransitions(record, relations),
        events,
        attachments: reveals ? attachments : [],
        withheldAttachments: reveals ? 0 : attachments.length,
        deadline: caseDeadlineStatus(record, clock(), calendar),
        limits: caseLimits(rulesOf(record), record),
        rating,
      };
    },

    /** One transition, checked against the table, written in one transaction with its event. */
    async act(account: AccountRecord, caseId: string, name: TransitionName, input: ActionInput): Promise<CaseRecord> {
      const { record, relations } = await openCase(account, caseId);
      const publicText = input.publicText?.normalize('NFC').trim() || null;
      const internalNote = input.internalNote?.normalize('NFC').trim() || null;
      const status = checkTransition(record, name, relations, { publicText, assigneeId: input.assigneeId });
      if (name === 'note' && !internalNote)
        throw new ValidationError({ issues: [{ field: 'internalNote', problem: 'required' }] });
      const now = clock();
      const deadlines = deadlineEffects(
        rulesOf(record),
        record,
        name,
        status,
        now,
        await stepFacts(record, name, input, now),
      );
      const patch: CasePatch = { status, updatedAt: now, ...deadlines };
      // The deadline a step set travels with it: the citizen's timeline shows each new date (docs/adr/0056).
      const details: Record<string, unknown> = typeof deadlines.dueAt === 'number' ? { dueAt: deadlines.dueAt } : {};
      if (name === 'receiveSignedLetter') details.via = input.letterVia ?? 'ban-giay';
      if (deadlines.remoteArea) details.remoteArea = true;
      if (name === 'assign') {
        const assignee = await checkAssignee(record, input.assigneeId!);
        patch.assignedTo = assignee.id;
        details.assignee = assignee.fullName;
      }
      const files = input.files ?? [];
      if (files.length > 0 && name !== 'returnResult' && name !== 'resolve') {
        throw new ValidationError({ issues: [{ field: 'files', problem: 'not-allowed' }] });
      }
      const checked = files.length ? checkFiles(files, deps.uploadLimits) : [];
      const attachments = await deps.attachments.save(
        files.map((f, i) => ({ bytes: f.bytes, checked: checked[i]! })),
        'officer',
        now,
      );
      let updated: CaseRecord;
      try {
        updated = await storage.cases.update({
          id: record.id,
          expectedVersion: input.expectedVersion,
          patch,
          event: {
            at: now,
            actorId: account.id,
            actorName: account.fullName,
            action: name,
            status,
            publicText,
            internalNote,
            details,
          },
          attachments,
        });
      } catch (error) {
        await deps.attachments.remove(attachments.map((a) => a.storedName)).catch(() => undefined);
        throw error;
      }
      const dept = departmentOf(record);
      if (tellsCitizen(record, name, status !== record.status)) {
        // The closing mail carries the one-time rating link (docs/adr/0058).
        const rated = isFinal(status) && RATED_SERVICES.includes(record.service) && dept.origin !== null;
        const ratingLink = rated ? `${dept.origin}${ratingLinkPath(deps.ratingKey, updated)}` : undefined;
        deps.notifier.notify(updated, { action: name, status, publicText }, dept.name, { ratingLink });
      }
      if (
        name === 'approve' &&
        record.service === 'hoi-dap' &&
        record.payload.allowPublication === true &&
        deps.publisher
      ) {
        const answer = (await storage.cases.events(record.id)).findLast((e) => e.action === 'answer')?.publicText ?? '';
        await deps.publisher.publishAnsweredQuestionAsMdx({
          record: updated,
          answer,
          approvedBy: { username: account.username, name: account.fullName },
          now,
        });
      }
      return updated;
    },

    /** A file of a case the officer may open; the caller streams it as a download. */
    async attachment(account: AccountRecord, caseId: string, attachmentId: string, meta: RequestMeta) {
      const { record, relations } = await openCase(account, caseId);
      // A denunciation's files are for the head and the assignee: anyone else is answered as if there were none.
      const found = revealsIdentity(record.kind, relations)
        ? (await storage.cases.attachments(record.id)).find((a) => a.id === attachmentId)
        : undefined;
      if (!found) throw new CaseNotFoundError({});
      if (isProtected(record.kind)) await auditProtectedView(account, record, meta, { attachment: found.id });
      return { attachment: found, stream: deps.attachments.open(found.storedName) };
    },

    /** The accounts the head may assign to, with their grants. */
    async officers(account: AccountRecord) {
      if (account.role !== 'head' || !account.departmentId) throw new CasePermissionError({ action: 'list-officers' });
      const [accounts, grants] = await Promise.all([
        storage.accounts.list(account.departmentId),
        storage.serviceGrants.list(account.departmentId),
      ]);
      return accounts
        .filter((a) => a.status === 'active')
        .map((a) => ({ account: a, services: grants.filter((g) => g.accountId === a.id).map((g) => g.service) }));
    },

    /** Điều 15: the head decides who handles which service. */
    async setGrants(account: AccountRecord, targetId: string, services: readonly string[]): Promise<void> {
      if (account.role !== 'head' || !account.departmentId) throw new CasePermissionError({ action: 'grant-services' });
      const target = SERVER_ID.test(targetId) ? await storage.accounts.findById(targetId) : null;
      if (!target || target.departmentId !== account.departmentId)
        throw new AccountNotFoundError({ username: targetId });
      const valid = services.filter((s): s is ServiceId => (SERVICE_IDS as readonly string[]).includes(s));
      await storage.serviceGrants.set(account.departmentId, target.id, valid);
    },
  };
}

export type CaseOfficeService = ReturnType<typeof createCaseOfficeService>;
