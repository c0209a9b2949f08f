import { z } from 'zod';
import type { TimeLimit } from '../calendar/working-days.ts';

/**
 * The time limits the law itself sets for complaints and denunciations, tier
 * by tier, each with the article it comes from (docs/adr/0056). A
 * department's own declaration (`service-process.ts`) may shorten the
 * first-instance limits; it never lengthens any.
 */

/** How a plain "ngày" of the law is counted: working days, or calendar days (Bộ luật Dân sự 2015 Điều 146–148). */
export const DAY_READINGS = ['ngay-lam-viec', 'ngay'] as const;
export type DayReading = (typeof DAY_READINGS)[number];

const DayReadingSchema = z.enum(DAY_READINGS, {
  error: `Cách tính ngày phải là một trong: ${DAY_READINGS.join(', ')}.`,
});

/**
 * The province's reading of the articles that write "ngày" without saying
 * which days (`legalReading` in `sites/_province.yaml`). Where the law
 * writes "ngày làm việc" itself (Luật Tố cáo 2018 Điều 24, 34) there is
 * nothing to read and nothing to configure.
 */
export const LegalReadingSchema = z.strictObject(
  {
    /** Luật Khiếu nại 2011 Điều 27, 28, 36, 37: counted in working days by the inspection practice the platform has followed. */
    'khieu-nai': DayReadingSchema.default('ngay-lam-viec'),
    /** Luật Tố cáo 2018 Điều 30: calendar days, since the same law writes "ngày làm việc" where it means them. */
    'to-cao': DayReadingSchema.default('ngay'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Khoá không được hỗ trợ: ${(issue.keys as string[]).join(', ')}.`
        : 'legalReading ghi cách tính ngày cho khieu-nai và to-cao.',
  },
);
export type LegalReading = z.infer<typeof LegalReadingSchema>;
export const DEFAULT_LEGAL_READING: LegalReading = LegalReadingSchema.parse({});

/** A complaint heard for the first time, or again after the first decision (Luật Khiếu nại 2011 Điều 7). */
export const COMPLAINT_INSTANCES = ['lan-dau', 'lan-hai'] as const;
export type ComplaintInstance = (typeof COMPLAINT_INSTANCES)[number];
export const COMPLAINT_INSTANCE_LABELS: Record<ComplaintInstance, string> = {
  'lan-dau': 'Khiếu nại lần đầu',
  'lan-hai': 'Khiếu nại lần hai (không đồng ý với quyết định giải quyết lần đầu hoặc quá hạn chưa được giải quyết)',
};

export type LegalTier = 'khieu-nai-lan-dau' | 'khieu-nai-lan-hai' | 'to-cao';

export interface LegalLimit {
  limit: TimeLimit;
  /** "Luật Khiếu nại 2011, Điều 28": shown to the officer beside the date it gives. */
  article: string;
}

export interface TierLimits {
  tier: LegalTier;
  accept: LegalLimit;
  /** Luật Tố cáo 2018 Điều 24.1: one longer acceptance when the facts must be checked in several places. */
  acceptExtended: LegalLimit | null;
  resolve: LegalLimit;
  /** Luật Khiếu nại 2011: the longer limit of a complex case. */
  complexResolve: LegalLimit | null;
  /** Luật Tố cáo 2018 Điều 30.1: each extension decision adds this, at most `max` times. */
  extension: (LegalLimit & { max: number }) | null;
  /** Luật Tố cáo 2018 Điều 34: the clock stops while the resolution is suspended by a decision. */
  suspension: string | null;
}

const KN = 'Luật Khiếu nại 2011';
const TC = 'Luật Tố cáo 2018';

/** Resolve limits of a complaint: normal, complex; and the same in remote, hard-to-reach areas. */
const COMPLAINT_TIERS = {
  'lan-dau': { acceptArticle: `${KN}, Điều 27`, resolveArticle: `${KN}, Điều 28`, normal: [30, 45], remote: [45, 60] },
  'lan-hai': { acceptArticle: `${KN}, Điều 36`, resolveArticle: `${KN}, Điều 37`, normal: [45, 60], remote: [60, 70] },
} as const satisfies Record<ComplaintInstance, unknown>;

/**
 * The law's limits for one case. `remoteArea`: "ở vùng sâu, vùng xa đi lại
 * khó khăn" (Luật Khiếu nại 2011 Điều 28, 37), decided by the head when
 * accepting; Luật Tố cáo 2018 has no such tier.
 */
export function legalTierLimits(
  kind: 'khieu-nai' | 'to-cao',
  instance: ComplaintInstance,
  remoteArea: boolean,
  reading: LegalReading = DEFAULT_LEGAL_READING,
): TierLimits {
  if (kind === 'to-cao') {
    const unit = reading['to-cao'];
    return {
      tier: 'to-cao',
      accept: { limit: { value: 7, unit: 'ngay-lam-viec' }, article: `${TC}, Điều 24` },
      acceptExtended: { limit: { value: 10, unit: 'ngay-lam-viec' }, article: `${TC}, Điều 24` },
      resolve: { limit: { value: 30, unit }, article: `${TC}, Điều 30` },
      complexResolve: null,
      extension: { limit: { value: 30, unit }, max: 2, article: `${TC}, Điều 30` },
      suspension: `${TC}, Điều 34`,
    };
  }
  const unit = reading['khieu-nai'];
  const tier = COMPLAINT_TIERS[instance];
  const [resolve, complex] = remoteArea ? tier.remote : tier.normal;
  return {
    tier: instance === 'lan-dau' ? 'khieu-nai-lan-dau' : 'khieu-nai-lan-hai',
    accept: { limit: { value: 10, unit }, article: tier.acceptArticle },
    acceptExtended: null,
    resolve: { limit: { value: resolve, unit }, article: tier.resolveArticle },
    complexResolve: { limit: { value: complex, unit }, article: tier.resolveArticle },
    extension: null,
    suspension: null,
  };
}

const TCTT = 'Luật Tiếp cận thông tin 2016';

/**
 * A request for information sent online (docs/adr/0048), in working days
 * from the receipt of a valid request: available information within 3;
 * otherwise the information, or the refusal with its reasons (Điều 28), within
 * 10, extended once by at most 10 with a written notice to the requester.
 * The article numbers of the online time limits await the legal officer's
 * confirmation (the ADR says what was and was not read).
 */
export const INFORMATION_REQUEST_ARTICLES = {
  accept: `${TCTT}, Điều 30`,
  resolve: `${TCTT}, Điều 30`,
  extension: `${TCTT}, Điều 30`,
  refusal: `${TCTT}, Điều 28`,
} as const;
