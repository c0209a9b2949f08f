import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import path from 'node:path';
import { createCalendar, type WorkingCalendar } from '#src/calendar/working-days.ts';
import { DEFAULT_LEGAL_READING, type LegalReading } from '#src/schema/legal-deadlines.ts';
import type { Clock } from '#server/platform/clock.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './uploads.ts';
import { persistentSecret } from '#server/platform/private-files.ts';
import { createProofOfWork } from './proof-of-work.ts';
import type { BucketStore, RateLimitPolicy } from './rate-limit.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';
import { dataDirectory } from '#server/platform/storage/open-storage.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { createAttachmentStore } from './attachment-store.ts';
import { caseDepartments } from './case-departments.ts';
import { mailOptionsFromEnv, type MailOptions } from '#server/platform/mail/mail-options.ts';
import { createCaseNotifier } from './case-notifier.ts';
import { createCaseOfficeService } from './case-office-service.ts';
import { createCaseDisposals } from './case-disposal.ts';
import { createCaseRatings } from './case-rating.ts';
import { createCaseReminders, DEFAULT_ESCALATION_WORKING_DAYS } from './case-reminders.ts';
import { createCaseService } from './case-service.ts';
import { createContentLookup, fixedContentLookup, type ContentLookup } from './content-lookup.ts';
import type { QuestionPublisher } from './question-publisher.ts';
import { createSubmissionGuard } from './submission-guard.ts';

export interface CaseServiceOptions {
  /** Outside the web root; `ATTACHMENTS_DIR`, default ./data/attachments. */
  attachmentsDir?: string;
  /** ≥ 32 bytes: signs proof-of-work challenges and derives retry secrets. Must survive restarts. */
  secretKey?: string | Uint8Array;
  /** null: no mail. */
  mail?: MailOptions | null;
  /** Where procedures and consultations are read (the content repository's folder). */
  contentRoot?: string;
  content?: ContentLookup;
  calendar?: WorkingCalendar;
  publisher?: QuestionPublisher | null;
  powDifficulty?: number;
  requireProofOfWork?: boolean;
  rateLimits?: { submission?: RateLimitPolicy; lookup?: RateLimitPolicy; challenge?: RateLimitPolicy };
  /** Where the rate limits keep their buckets: the shared storage with several server processes (docs/adr/0102), memory otherwise. */
  buckets?: BucketStore;
  uploadLimits?: UploadLimits;
  /** Closed cases and their files are proposed for disposal this many days after closing (`CASE_RETENTION_DAYS`, default 5 years). */
  retentionDays?: number;
  /** The province's reading of "ngày" in the complaint laws (`legalReading` of `sites/_province.yaml`, docs/adr/0056). */
  legalReading?: LegalReading;
  /** Overdue by this many working days, a case is shown to the head (`CASE_ESCALATION_DAYS`, default 3). */
  escalationWorkingDays?: number;
}

/**
 * ATTACHMENTS_DIR, CASE_SECRET_KEY, SMTP_* (case-notifier), CASE_RETENTION_DAYS, CASE_ESCALATION_DAYS,
 * POW_DIFFICULTY, and SUBMISSION_BURST / SUBMISSION_PER_MINUTE to change the
 * per-address allowance (load tests, a department behind one NAT address).
 */
export function caseOptionsFromEnv(env: NodeJS.ProcessEnv): CaseServiceOptions {
  const dataDir = dataDirectory(env);
  return {
    attachmentsDir: attachmentsDirectory(env),
    secretKey: env.CASE_SECRET_KEY ?? persistentSecret(path.join(dataDir, 'case-secret.key')),
    mail: mailOptionsFromEnv(env),
    contentRoot: env.CONTENT_REPO_DIR ?? './data/content',
    powDifficulty: env.POW_DIFFICULTY ? Number(env.POW_DIFFICULTY) : undefined,
    retentionDays: env.CASE_RETENTION_DAYS ? Number(env.CASE_RETENTION_DAYS) : undefined,
    escalationWorkingDays: env.CASE_ESCALATION_DAYS ? Number(env.CASE_ESCALATION_DAYS) : undefined,
    rateLimits: env.SUBMISSION_BURST
      ? {
          submission: {
            capacity: Number(env.SUBMISSION_BURST),
            refillPerMinute: Number(env.SUBMISSION_PER_MINUTE ?? env.SUBMISSION_BURST),
          },
        }
      : undefined,
  };
}

/** Where citizens' files are kept: ATTACHMENTS_DIR, else `attachments/` in the data folder. */
export function attachmentsDirectory(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.ATTACHMENTS_DIR ?? path.join(dataDirectory(env), 'attachments'));
}

export function createCaseServices(
  storage: Storage,
  departments: readonly DepartmentRef[],
  clock: Clock,
  options: CaseServiceOptions,
) {
  const secretKey =
    typeof options.secretKey === 'string'
      ? Buffer.from(options.secretKey, 'utf8')
      : Buffer.from(options.secretKey ?? randomBytes(32));
  const calendar = options.calendar ?? createCalendar();
  const byId = caseDepartments(departments);
  const attachments = createAttachmentStore(options.attachmentsDir ?? './data/attachments');
  const notifier = createCaseNotifier(options.mail ?? null);
  const uploadLimits = options.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  const content =
    options.content ?? (options.contentRoot ? createContentLookup(options.contentRoot) : fixedContentLookup({}, {}));
  const reading = options.legalReading ?? DEFAULT_LEGAL_READING;
  // Its own key, derived from the case key: a rating link proves nothing else (docs/adr/0058).
  const ratingKey = createSecretKey(createHmac('sha256', secretKey).update('congso rating links').digest());
  const ratings = createCaseRatings({ storage, clock, key: ratingKey });
  const common = { storage, clock, calendar, departments: byId, attachments, notifier, uploadLimits, reading, ratings };
  const retentionMs = (options.retentionDays ?? 5 * 365) * 86_400_000;
  const disposals = createCaseDisposals({ storage, clock, attachments, departments: byId, retentionMs });
  return {
    citizen: createCaseService({ ...common, content, secretKey }),
    office: createCaseOfficeService({ ...common, publisher: options.publisher ?? null, ratingKey }),
    ratings,
    disposals,
    reminders: createCaseReminders({
      storage,
      calendar,
      departments: byId,
      mail: options.mail ?? null,
      escalationWorkingDays: options.escalationWorkingDays ?? DEFAULT_ESCALATION_WORKING_DAYS,
    }),
    guard: createSubmissionGuard({
      pow: createProofOfWork({ secret: secretKey, difficulty: options.powDifficulty, clock }),
      replays: storage.replays,
      clock,
      requireProofOfWork: options.requireProofOfWork,
      buckets: options.buckets,
      ...options.rateLimits,
    }),
    notifier,
    attachments,
    uploadLimits,
    content,
    calendar,
    clock,
    /**
     * Proposes the closed cases past retention for the head's disposal
     * decision (docs/adr/0059): nothing is destroyed here. Spent
     * challenges past expiry and idle shared buckets are dropped.
     */
    async sweep(): Promise<number> {
      const lists = await disposals.propose();
      const now = clock();
      await storage.replays.deleteExpired(now);
      // A bucket untouched for an hour is full again under every limit: forgetting it changes nothing.
      await storage.rateBuckets.deleteIdle(now - 3_600_000);
      return lists.length;
    },
  };
}

export type CaseServices = ReturnType<typeof createCaseServices>;
