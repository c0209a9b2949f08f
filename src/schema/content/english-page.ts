import { z } from 'zod';
import { PersonSchema } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/**
 * Basic information in English (Nghị định 42/2022/NĐ-CP): the four pages every
 * department publishes under `/en/`, each the translation of a Vietnamese page,
 * which stays the reference (docs/adr/0023-english-pages.md). Field labels are
 * Vietnamese: editors enter the English text through the same CMS.
 */
/** Each topic's name in English: what the English search shows beside a result. */
export const ENGLISH_TOPIC_NAMES = {
  organisation: 'Organisation',
  functions: 'Functions and duties',
  leadership: 'Leadership and contacts',
  services: 'Online services',
} as const;
export type EnglishTopic = keyof typeof ENGLISH_TOPIC_NAMES;
/** The choices editors see in the CMS. */
export const ENGLISH_TOPICS: Record<EnglishTopic, string> = {
  organisation: `Tổ chức bộ máy (${ENGLISH_TOPIC_NAMES.organisation})`,
  functions: `Chức năng, nhiệm vụ (${ENGLISH_TOPIC_NAMES.functions})`,
  leadership: `Lãnh đạo và liên hệ (${ENGLISH_TOPIC_NAMES.leadership})`,
  services: `Dịch vụ công trực tuyến (${ENGLISH_TOPIC_NAMES.services})`,
};
export const ENGLISH_TOPIC_IDS = Object.keys(ENGLISH_TOPIC_NAMES) as [EnglishTopic, ...EnglishTopic[]];

/** A page of the Vietnamese site: an entry `/gioi-thieu/lanh-dao/` or a section `/hoat-dong-truc-tuyen/`. */
const VietnamesePage = z
  .string()
  .trim()
  .regex(
    /^\/[a-z0-9-]+\/(?:[a-z0-9-]+\/)?$/,
    'Địa chỉ trang tiếng Việt phải có dạng /gioi-thieu/lanh-dao/ (bắt đầu và kết thúc bằng "/").',
  )
  .refine((s) => !s.startsWith('/en/'), 'Phải là một trang tiếng Việt, không phải trang /en/.');

export const EnglishPageEntrySchema = EntryBaseSchema.extend({
  topic: z.enum(ENGLISH_TOPIC_IDS).meta({ title: 'Chủ đề' }),
  /** The Vietnamese page this one translates: linked both ways (hreflang), and `npm run check` says when it changed after this one. */
  translationOf: VietnamesePage.meta({ title: 'Trang tiếng Việt được dịch (ví dụ /gioi-thieu/lanh-dao/)' }),
  /** Position in the English menu; lower first. */
  order: z.number().int().min(0).max(999).default(100).meta({ title: 'Thứ tự' }),
  /** Names as written in Vietnamese, positions in English ("Director"). */
  leaders: z.array(PersonSchema).default([]).meta({ title: 'Lãnh đạo' }),
});
export type EnglishPageEntry = z.infer<typeof EnglishPageEntrySchema>;
