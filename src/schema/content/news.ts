import { z } from 'zod';
import { FileRef, Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/** Điều 7.4: dissemination and guidance on law, policy, strategy and planning. */
export const NEWS_CATEGORIES = {
  'tuyen-truyen': 'Tuyên truyền',
  'pho-bien-phap-luat': 'Phổ biến pháp luật',
  'chinh-sach': 'Chế độ, chính sách',
  'chien-luoc': 'Chiến lược',
  'quy-hoach': 'Quy hoạch',
  'thong-bao': 'Thông báo',
} as const;
export type NewsCategory = keyof typeof NEWS_CATEGORIES;

/**
 * Điều 19a: an item written elsewhere must cite its source. `original`
 * marks the board's own writing, so "no source" is never a silent default.
 */
export const NewsSourceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('original') }),
    z.strictObject({
      kind: z.literal('cited'),
      name: Text(200),
      url: z.url({ protocol: /^https?$/, error: 'Địa chỉ nguồn phải là http hoặc https.' }).optional(),
    }),
  ],
  { error: 'Phải ghi nguồn tin: "original" (tin tự viết) hoặc "cited" kèm tên nguồn (Điều 19a).' },
);
export type NewsSource = z.infer<typeof NewsSourceSchema>;

export const NewsImageSchema = z.strictObject({
  src: FileRef,
  /** Alternative text for screen readers; required (Điều 4.2a). */
  alt: Text(300),
});

export const NewsEntrySchema = EntryBaseSchema.extend({
  category: z.enum(Object.keys(NEWS_CATEGORIES) as [NewsCategory]).meta({ title: 'Chuyên mục' }),
  summary: Text(1000).meta({ title: 'Tóm tắt' }),
  image: NewsImageSchema.optional().meta({ title: 'Ảnh minh hoạ' }),
  source: NewsSourceSchema.meta({ title: 'Nguồn tin' }),
  /** Urgent notices must go live at once (Điều 9.2). */
  urgent: z.boolean().default(false).meta({ title: 'Tin khẩn' }),
});
export type NewsEntry = z.infer<typeof NewsEntrySchema>;
