import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { ServiceId } from '#src/schema/service-process.ts';
import { fieldIssues, RatingSubmissionSchema } from '#src/schema/submission/index.ts';
import { normaliseSubmittedFields } from '#src/text/submitted-text.ts';
import type { Clock } from '#server/platform/clock.ts';
import { ValidationError } from '#server/platform/errors.ts';
import type { CaseRating, CaseRecord } from '#server/platform/storage/case-records.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { AlreadyRatedError, RatingLinkInvalidError, RatingNotOpenError } from './errors.ts';
import { parseTrackingCode } from './tracking-code.ts';

/**
 * The citizen's satisfaction with a closed case (docs/adr/0058): the
 * question the national satisfaction index asks of every closed case,
 * answered once, within 30 days, from the look-up page or from a one-time
 * link in the closing e-mail, without signing in.
 */
export const RATING_WINDOW_DAYS = 30;

/** Services that end with an answer to the person: a comment on a draft is counted, not answered to. */
export const RATED_SERVICES: readonly ServiceId[] = ['khieu-nai-to-cao', 'hoi-dap', 'ho-so', 'phan-hoi-website'];

export const RATING_PATH = '/danh-gia';
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** Why the rating form is not offered now, or null when it is. */
export function ratingClosedReason(
  record: Pick<CaseRecord, 'service' | 'closedAt'>,
  now: number,
): 'not-closed' | 'not-rated-service' | 'window-closed' | null {
  if (!RATED_SERVICES.includes(record.service)) return 'not-rated-service';
  if (record.closedAt === null) return 'not-closed';
  return now - record.closedAt > RATING_WINDOW_DAYS * 86_400_000 ? 'window-closed' : null;
}

/**
 * The token of a case's rating link: a MAC of the case and the moment it
 * closed, under the server's case key. Nothing is stored: the link is
 * checked by computing it again, and the rating's uniqueness makes it
 * one-time. 128 bits: not guessable, short enough for a mail line.
 */
export function ratingToken(key: KeyObject, record: Pick<CaseRecord, 'id' | 'closedAt'>): string {
  return createHmac('sha256', key)
    .update(`rating\n${record.id}\n${record.closedAt}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function ratingLinkPath(key: KeyObject, record: Pick<CaseRecord, 'id' | 'closedAt' | 'trackingCode'>): string {
  return `${RATING_PATH}/${encodeURIComponent(record.trackingCode)}/${ratingToken(key, record)}`;
}

export function tokenMatches(key: KeyObject, record: Pick<CaseRecord, 'id' | 'closedAt'>, token: string): boolean {
  if (record.closedAt === null) return false;
  const expected = Buffer.from(ratingToken(key, record));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface RatingDeps {
  storage: Pick<Storage, 'caseRatings' | 'cases'>;
  clock: Clock;
  key: KeyObject;
}

export function createCaseRatings(deps: RatingDeps) {
  const { storage, clock } = deps;

  function checkOpen(record: CaseRecord, now: number): void {
    const reason = ratingClosedReason(record, now);
    if (reason) throw new RatingNotOpenError({ reason, days: RATING_WINDOW_DAYS });
  }

  return {
    /** The case a rating link points to, if the link is the server's own for it. */
    async caseOfLink(trackingCode: string, token: string): Promise<CaseRecord> {
      // Only a well-formed link reaches storage: anything typed into the address bar is refused before (PostgreSQL refuses NUL in text).
      if (!TOKEN.test(token)) throw new RatingLinkInvalidError({});
      const record = await storage.cases.findByTrackingCode(parseTrackingCode(trackingCode).text);
      if (!record || !tokenMatches(deps.key, record, token)) throw new RatingLinkInvalidError({});
      return record;
    },

    rating(caseId: string): Promise<CaseRating | null> {
      return storage.caseRatings.find(caseId);
    },

    /** Validates, checks the window, and stores once; a second rating is refused, never overwrites the first. */
    async rate(
      record: CaseRecord,
      fields: Record<string, unknown>,
      channel: CaseRating['channel'],
    ): Promise<CaseRating> {
      const now = clock();
      checkOpen(record, now);
      const parsed = RatingSubmissionSchema.safeParse(normaliseSubmittedFields(fields).fields);
      if (!parsed.success) throw new ValidationError({ issues: fieldIssues(parsed.error) });
      const rating: CaseRating = {
        caseId: record.id,
        departmentId: record.departmentId,
        service: record.service,
        score: parsed.data.score,
        comment: parsed.data.comment ?? null,
        channel,
        ratedAt: now,
      };
      if (!(await storage.caseRatings.add(rating))) throw new AlreadyRatedError({});
      return rating;
    },
  };
}

export type CaseRatings = ReturnType<typeof createCaseRatings>;
