import { createHash, createHmac, createSecretKey } from 'node:crypto';
import { consultationState } from '#src/schema/content/consultation.ts';
import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import { normaliseSubmittedFields } from '#src/text/submitted-text.ts';
import {
  COMPLAINT_KIND_LABELS,
  FEEDBACK_CATEGORIES,
  fieldIssues,
  HONEYPOT_FIELD,
  SUBMISSION_SCHEMAS,
} from '#src/schema/submission/index.ts';
import { vietnamDate, type WorkingCalendar } from '#src/calendar/working-days.ts';
import type { LegalReading } from '#src/schema/legal-deadlines.ts';
import {
  CaseNotFoundError,
  CaseOfAnotherDepartmentError,
  ConsultationClosedError,
  IdempotencyKeyReusedError,
  InvalidIdempotencyKeyError,
  ServiceDisabledError,
  SpamSuspectedError,
  TrackingCodeTakenError,
  UnknownProcedureError,
} from './errors.ts';
import { UnknownDepartmentError, ValidationError } from '#server/platform/errors.ts';
import { deadlineEffects, deadlinesOnSubmit, type DeadlineRules } from './case-deadlines.ts';
import type { CaseRatings } from './case-rating.ts';
import { checkTransition, COUNTED_COMMENT_STATUSES, type TransitionName } from './case-workflow.ts';
import type { Clock } from '#server/platform/clock.ts';
import { checkFiles, type UploadLimits } from './uploads.ts';
import { submissionDigest } from './submission-digest.ts';
import { generateSecret, generateTrackingCode, hashSecret, parseTrackingCode, verifySecret } from './tracking-code.ts';
import {
  type AttachmentRecord,
  type CaseEvent,
  type CaseRating,
  type CaseRecord,
  FRESH_CASE,
  type NewAttachment,
} from '#server/platform/storage/case-records.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { timeOrderedId } from '#server/platform/storage/time-ordered-id.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { CaseDepartment } from './case-departments.ts';
import type { CaseNotifier } from './case-notifier.ts';
import type { ContentLookup } from './content-lookup.ts';

/** Services whose forms take files (Điều 13.1 evidence, 13.4 dossier documents). */
export const SERVICES_WITH_FILES: readonly ServiceId[] = ['khieu-nai-to-cao', 'ho-so'];

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface SubmissionInput {
  fields: Record<string, unknown>;
  files: UploadedFile[];
  idempotencyKey?: string | null;
}

export interface SubmissionReceipt {
  record: CaseRecord;
  /** Shown once. A retry with the same idempotency key gets the same one back. */
  secret: string;
  created: boolean;
  /** Fields converted from a legacy encoding (Điều 8), to tell the citizen; the originals stay in the case's history. */
  conversions: Array<{ field: string; message: string }>;
}

/** A step of the case as its citizen sees it, with the deadline it set, if any. */
export type PublicCaseEvent = Pick<CaseEvent, 'at' | 'action' | 'status' | 'publicText'> & { dueAt: number | null };

/** What the citizen's look-up page shows: no internal notes, no officer names, no notes' existence. */
export interface PublicCaseView {
  record: CaseRecord;
  events: PublicCaseEvent[];
  attachments: Array<Pick<AttachmentRecord, 'displayName' | 'size' | 'source' | 'addedAt'>>;
  rating: Pick<CaseRating, 'score' | 'comment' | 'ratedAt'> | null;
}

export interface CaseServiceDeps {
  storage: Storage;
  clock: Clock;
  calendar: WorkingCalendar;
  departments: ReadonlyMap<string, CaseDepartment>;
  attachments: AttachmentStore;
  notifier: CaseNotifier;
  content: ContentLookup;
  /** ≥ 32 bytes; derives a retry's secret from its idempotency key. */
  secretKey: Uint8Array;
  uploadLimits: UploadLimits;
  /** How the province reads "ngày" of the complaint laws (docs/adr/0056). */
  reading: LegalReading;
  ratings: CaseRatings;
}

/** 128 bits or more of the client's randomness: a key nobody else can guess. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{22,128}$/;
const CODE_ATTEMPTS = 8;

export function createCaseService(deps: CaseServiceDeps) {
  const { storage, clock, calendar } = deps;
  // Imported once: building a key object per request showed up in the submission profile.
  const hmacKey = createSecretKey(deps.secretKey);

  function department(id: string): CaseDepartment {
    const found = deps.departments.get(id);
    if (!found) throw new UnknownDepartmentError({ departmentId: id });
    return found;
  }

  function rulesOf(dept: CaseDepartment): DeadlineRules {
    return { services: dept.services, calendar, reading: deps.reading };
  }

  /**
   * With an idempotency key the secret is derived from it (HMAC with the
   * server key), so a retry whose first answer was lost gets the same secret
   * back without the secret ever being stored. Without a key it is random.
   */
  function secretFor(departmentId: string, key: string | null): string {
    if (!key) return generateSecret();
    const bytes = createHmac('sha256', hmacKey).update(`${departmentId}\n${key}`).digest();
    const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    return generateSecret((length) => [...bytes.subarray(0, length)].map((b) => ALPHABET[b & 31]).join(''));
  }

  function validate(service: ServiceId, fields: Record<string, unknown>): Record<string, unknown> {
    const parsed = SUBMISSION_SCHEMAS[service].safeParse(fields);
    if (parsed.success) {
      const { homepage: _honeypot, ...data } = parsed.data as Record<string, unknown>;
      return data;
    }
    const issues = fieldIssues(parsed.error);
    // A filled honeypot is a bot: told as little as possible, and nothing is stored.
    if (issues.some((issue) => issue.field === HONEYPOT_FIELD)) throw new SpamSuspectedError({});
    throw new ValidationError({ issues });
  }

  async function subjectOf(dept: CaseDepartment, service: ServiceId, data: Record<string, unknown>, now: number) {
    switch (service) {
      case 'khieu-nai-to-cao':
        return {
          kind: String(data.kind),
          subject: COMPLAINT_KIND_LABELS[data.kind as keyof typeof COMPLAINT_KIND_LABELS],
          subjectRef: null,
        };
      case 'hoi-dap':
        return { kind: null, subject: String(data.title), subjectRef: null };
      case 'ho-so': {
        const procedure = await deps.content.procedure(dept.id, String(data.procedureCode));
        if (!procedure) throw new UnknownProcedureError({ procedureCode: String(data.procedureCode).slice(0, 30) });
        return {
          kind: String(data.applicantType),
          subject: `${procedure.code} – ${procedure.title}`,
          subjectRef: procedure.code,
        };
      }
      case 'gop-y-du-thao': {
        const slug = String(data.consultation);
        const consultation = await deps.content.consultation(dept.id, slug);
        const state = consultation ? consultationState(consultation, new Date(now)) : 'khong-ton-tai';
        if (state !== 'dang-lay-y-kien') throw new ConsultationClosedError({ consultation: slug, state });
        return { kind: null, subject: `Góp ý: ${consultation!.title}`, subjectRef: slug };
      }
      case 'phan-hoi-website':
        return {
          kind: String(data.category),
          subject: FEEDBACK_CATEGORIES[data.category as keyof typeof FEEDBACK_CATEGORIES],
          subjectRef: null,
        };
      // The information asked for names no one: it is the queue's line (cut short), the requester's details stay in the payload.
      case 'tiep-can-thong-tin':
        return {
          kind: String(data.delivery),
          subject: `Yêu cầu cung cấp thông tin: ${[...String(data.information).split('\n')[0]!].slice(0, 150).join('')}`,
          subjectRef: null,
        };
    }
  }

  function checkUploads(service: ServiceId, files: UploadedFile[]) {
    if (files.length === 0) return [];
    if (!SERVICES_WITH_FILES.includes(service))
      throw new ValidationError({ issues: [{ field: 'files', problem: 'not-allowed' }] });
    const checked = checkFiles(files, deps.uploadLimits);
    return files.map((file, i) => ({ bytes: file.bytes, checked: checked[i]! }));
  }

  /** `onSite`: the department whose page is asked; a case is followed under the name of the department that received it. */
  async function findWithSecret(codeText: string, secret: string, onSite?: string): Promise<CaseRecord> {
    const code = parseTrackingCode(codeText);
    const record = await storage.cases.findByTrackingCode(code.text);
    // One answer for "no such code" and "wrong secret": the page must not confirm that a code exists.
    if (!record || !verifySecret(code, secret, record.secretHash)) throw new CaseNotFoundError({});
    if (onSite !== undefined && record.departmentId !== onSite) {
      const owner = department(record.departmentId);
      throw new CaseOfAnotherDepartmentError({
        departmentName: owner.name,
        site: owner.origin,
      });
    }
    return record;
  }

  /** The case as its citizen sees it: no internal notes, no officer names, no notes' existence. */
  async function publicView(record: CaseRecord): Promise<PublicCaseView> {
    const [events, attachments, rating] = await Promise.all([
      storage.cases.events(record.id),
      storage.cases.attachments(record.id),
      deps.ratings.rating(record.id),
    ]);
    // A drafted answer to a question is the head's to approve: the citizen reads it once approved.
    const draftHidden = record.service === 'hoi-dap' && record.status !== 'resolved';
    return {
      record,
      events: events
        .filter((e) => e.action !== 'note')
        .map(({ at, action, status, publicText, details }) => ({
          at,
          action,
          status,
          publicText: draftHidden && action === 'answer' ? null : publicText,
          dueAt: typeof details.dueAt === 'number' ? details.dueAt : null,
        })),
      attachments: attachments.map(({ displayName, size, source, addedAt }) => ({
        displayName,
        size,
        source,
        addedAt,
      })),
      rating: rating ? { score: rating.score, comment: rating.comment, ratedAt: rating.ratedAt } : null,
    };
  }

  /** Files the citizen adds from the look-up page, as one step of the table: a supplement, or the signed letter's scan. */
  async function citizenUpload(
    codeText: string,
    secret: string,
    name: TransitionName & ('supplement' | 'sendSignedLetter'),
    files: UploadedFile[],
    onSite?: string,
  ): Promise<CaseRecord> {
    const record = await findWithSecret(codeText, secret, onSite);
    const status = checkTransition(record, name, new Set(['citizen']));
    if (files.length === 0) throw new ValidationError({ issues: [{ field: 'files', problem: 'required' }] });
    const uploads = checkUploads(record.service, files);
    const now = clock();
    const dept = department(record.departmentId);
    const attachments = await deps.attachments.save(uploads, 'citizen', now);
    try {
      const patch = { status, updatedAt: now, ...deadlineEffects(rulesOf(dept), record, name, status, now) };
      const updated = await storage.cases.update({
        id: record.id,
        expectedVersion: record.version,
        patch,
        event: {
          at: now,
          actorId: null,
          actorName: null,
          action: name,
          status,
          publicText: null,
          internalNote: null,
          details: { files: attachments.length, ...(patch.dueAt ? { dueAt: patch.dueAt } : {}) },
        },
        attachments,
      });
      if (status !== record.status)
        deps.notifier.notify(updated, { action: name, status, publicText: null }, dept.name);
      return updated;
    } catch (error) {
      await deps.attachments.remove(attachments.map((a) => a.storedName)).catch(() => undefined);
      throw error;
    }
  }

  return {
    department,

    /** Validate, check files, store files durably, then commit the case; answer only after both. */
    async submit(departmentId: string, service: ServiceId, input: SubmissionInput): Promise<SubmissionReceipt> {
      const dept = department(departmentId);
      if (!dept.services[service].enabled) throw new ServiceDisabledError({ service });
      const key = input.idempotencyKey || null;
      if (key !== null && !IDEMPOTENCY_KEY.test(key)) throw new InvalidIdempotencyKeyError({});
      // Điều 8: Unicode NFC before anything is checked or stored; text pasted in TCVN3/VNI/VIQR is converted.
      const { fields, conversions } = normaliseSubmittedFields(input.fields);
      const data = validate(service, fields);
      const told = conversions.map(({ field, message }) => ({ field, message }));
      const uploads = checkUploads(service, input.files);
      const now = clock();
      const { kind, subject, subjectRef } = await subjectOf(dept, service, data, now);
      const secret = secretFor(dept.id, key);
      const attachments: NewAttachment[] = await deps.attachments.save(uploads, 'citizen', now);
      const digest = key ? submissionDigest(hmacKey, service, data, attachments) : null;
      const year = Number(vietnamDate(new Date(now)).slice(0, 4));
      const payload = { ...data, consentedAt: now };
      const deadlines = deadlinesOnSubmit(
        rulesOf(dept),
        { service, kind, payload, remoteArea: FRESH_CASE.remoteArea },
        now,
      );
      try {
        for (let attempt = 1; ; attempt += 1) {
          const code = generateTrackingCode(dept.prefix, year);
          const record: CaseRecord = {
            ...FRESH_CASE,
            // In time order: the cases' indexes then grow at their end (docs/adr/0111).
            id: timeOrderedId(now),
            departmentId: dept.id,
            service,
            kind,
            trackingCode: code.text,
            secretHash: hashSecret(code, secret),
            subject,
            subjectRef,
            payload,
            contactEmail: typeof data.email === 'string' ? data.email : null,
            receivedAt: now,
            ...deadlines,
            updatedAt: now,
          };
          try {
            const result = await storage.cases.create({
              record,
              event: {
                at: now,
                actorId: null,
                actorName: null,
                action: 'submit',
                status: 'submitted',
                publicText: null,
                internalNote: null,
                details: {
                  files: attachments.length,
                  ...(conversions.length
                    ? { converted: conversions.map(({ field, encoding, original }) => ({ field, encoding, original })) }
                    : {}),
                },
              },
              attachments,
              idempotencyKeyHash: key ? createHash('sha256').update(key).digest('hex') : null,
              submissionDigest: digest,
            });
            if (!result.created) {
              // The first attempt's files are the case's; this retry's copies are not referenced by anything.
              await deps.attachments.remove(attachments.map((a) => a.storedName));
              // Only the same content is the same submission: anything else holding the key gets no code and no secret.
              if (result.submissionDigest === null || result.submissionDigest !== digest)
                throw new IdempotencyKeyReusedError({ service });
              return { record: result.record, secret, created: false, conversions: told };
            }
            deps.notifier.notify(
              record,
              { action: 'submit', status: 'submitted', publicText: `${SERVICE_LABELS[service]}: ${subject}` },
              dept.name,
              { secret },
            );
            return { record, secret, created: true, conversions: told };
          } catch (error) {
            if (error instanceof TrackingCodeTakenError && attempt < CODE_ATTEMPTS) continue;
            throw error;
          }
        }
      } catch (error) {
        await deps.attachments.remove(attachments.map((a) => a.storedName)).catch(() => undefined);
        throw error;
      }
    },

    /** The look-up page (Điều 13.1): throttling is the caller's, before and after. */
    async lookup(codeText: string, secret: string, onSite?: string): Promise<PublicCaseView> {
      const record = await findWithSecret(codeText, secret, onSite);
      return publicView(record);
    },

    /**
     * Điều 7.8: once a consultation has closed, how many comments were kept
     * and what they said; names only of those who agreed to publish theirs,
     * nothing else personal.
     */
    async consultationSummary(departmentId: string, slug: string) {
      const dept = department(departmentId);
      const consultation = await deps.content.consultation(dept.id, slug);
      if (!consultation)
        throw new ConsultationClosedError({ consultation: slug.slice(0, 200), state: 'khong-ton-tai' });
      const state = consultationState(consultation, new Date(clock()));
      if (state !== 'da-ket-thuc') return { consultation: slug, state, count: null, comments: [] };
      const kept = await storage.cases.list({
        departmentId: dept.id,
        services: ['gop-y-du-thao'],
        subjectRef: slug,
        statuses: COUNTED_COMMENT_STATUSES,
        limit: 10_000,
      });
      return {
        consultation: slug,
        state,
        count: kept.length,
        comments: kept.map((c) => ({
          provision: typeof c.payload.provision === 'string' ? c.payload.provision : null,
          comment: String(c.payload.comment ?? ''),
          name: c.payload.publishName === true ? String(c.payload.fullName ?? '') : null,
        })),
      };
    },

    /** A dossier's missing documents, added from the look-up page while the department asks for them. */
    supplement(codeText: string, secret: string, files: UploadedFile[], onSite?: string): Promise<CaseRecord> {
      return citizenUpload(codeText, secret, 'supplement', files, onSite);
    },

    /** The scan of the signed letter (docs/adr/0057), for the officer to record as received. */
    sendSignedLetter(codeText: string, secret: string, files: UploadedFile[], onSite?: string): Promise<CaseRecord> {
      return citizenUpload(codeText, secret, 'sendSignedLetter', files, onSite);
    },

    /** The rating form of the look-up page: the code and secret prove it is the citizen's case. */
    async rate(
      codeText: string,
      secret: string,
      fields: Record<string, unknown>,
      onSite?: string,
    ): Promise<CaseRating> {
      const record = await findWithSecret(codeText, secret, onSite);
      return deps.ratings.rate(record, fields, 'lookup');
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
