import { z } from 'zod';
import { AttachmentSchema, DateField, Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/** Điều 7.8: consultation of organisations and citizens on a draft. */
export const ConsultationEntrySchema = EntryBaseSchema.extend({
  summary: Text(1000).meta({ title: 'Tóm tắt dự thảo' }),
  drafter: Text(200).meta({ title: 'Cơ quan chủ trì soạn thảo' }),
  draft: AttachmentSchema.meta({ title: 'Tệp dự thảo' }),
  opens: DateField.meta({ title: 'Ngày bắt đầu lấy ý kiến' }),
  closes: DateField.meta({ title: 'Ngày kết thúc lấy ý kiến' }),
  /** Written after closing: what was said and how the draft answered it. */
  commentSummary: Text(5000).optional().meta({ title: 'Tổng hợp ý kiến góp ý' }),
  commentCount: z.number().int().min(0).optional().meta({ title: 'Số ý kiến đã nhận' }),
}).refine((e) => e.closes >= e.opens, { message: 'Ngày kết thúc phải sau ngày bắt đầu.', path: ['closes'] });
export type ConsultationEntry = z.infer<typeof ConsultationEntrySchema>;

export type ConsultationState = 'sap-mo' | 'dang-lay-y-kien' | 'da-ket-thuc';
export const CONSULTATION_STATES: Record<ConsultationState, string> = {
  'sap-mo': 'Sắp lấy ý kiến',
  'dang-lay-y-kien': 'Đang lấy ý kiến',
  'da-ket-thuc': 'Đã kết thúc',
};

const DAY_MS = 24 * 3600 * 1000;
/** Vietnam is UTC+7 all year (no daylight saving time). */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/**
 * A date written `2026-11-15` is a Vietnamese calendar day: it opens at 00:00
 * Vietnam time, and the closing day counts as open until its end.
 */
export function consultationState(entry: Pick<ConsultationEntry, 'opens' | 'closes'>, now: Date): ConsultationState {
  const startOfOpeningDay = new Date(entry.opens.getTime() - VIETNAM_OFFSET_MS);
  const endOfClosingDay = new Date(entry.closes.getTime() + DAY_MS - VIETNAM_OFFSET_MS);
  if (now < startOfOpeningDay) return 'sap-mo';
  if (now < endOfClosingDay) return 'dang-lay-y-kien';
  return 'da-ket-thuc';
}
