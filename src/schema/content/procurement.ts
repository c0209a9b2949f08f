import { z } from 'zod';
import { AttachmentSchema, DateField, Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/** Điều 7.6: projects, investment items, bidding and public procurement. */
export const PROCUREMENT_KINDS = {
  'du-an-dau-tu': 'Dự án đầu tư',
  'ke-hoach-lua-chon-nha-thau': 'Kế hoạch lựa chọn nhà thầu',
  'thong-bao-moi-thau': 'Thông báo mời thầu',
  'ket-qua-lua-chon-nha-thau': 'Kết quả lựa chọn nhà thầu',
  'mua-sam-cong': 'Mua sắm công',
} as const;

export const PROCUREMENT_STATUSES = {
  'chuan-bi': 'Chuẩn bị',
  'dang-moi-thau': 'Đang mời thầu',
  'dang-thuc-hien': 'Đang thực hiện',
  'da-co-ket-qua': 'Đã có kết quả',
  'hoan-thanh': 'Hoàn thành',
} as const;

export const ProcurementEntrySchema = EntryBaseSchema.extend({
  kind: z.enum(Object.keys(PROCUREMENT_KINDS) as [keyof typeof PROCUREMENT_KINDS]).meta({ title: 'Loại thông tin' }),
  status: z
    .enum(Object.keys(PROCUREMENT_STATUSES) as [keyof typeof PROCUREMENT_STATUSES])
    .meta({ title: 'Tình trạng' }),
  summary: Text(1000).meta({ title: 'Tóm tắt' }),
  investor: Text(200).meta({ title: 'Chủ đầu tư, bên mời thầu' }),
  location: Text(200).optional().meta({ title: 'Địa điểm' }),
  /** In đồng. */
  budget: z.number().int().min(0).optional().meta({ title: 'Tổng mức đầu tư, giá gói thầu (đồng)' }),
  fundingSource: Text(200).optional().meta({ title: 'Nguồn vốn' }),
  closes: DateField.optional().meta({ title: 'Thời điểm đóng thầu' }),
  attachment: AttachmentSchema.optional().meta({ title: 'Tệp đính kèm' }),
});
export type ProcurementEntry = z.infer<typeof ProcurementEntrySchema>;

/** Shown instead of "Đang mời thầu" once the closing moment has passed (docs/adr/0049): the page changes on time, not when someone edits it. */
export const PROCUREMENT_CLOSED_LABEL = 'Đã đóng thầu, đang xét thầu';

/** The status a citizen reads at `now`. */
export function procurementStatusLabel(entry: Pick<ProcurementEntry, 'status' | 'closes'>, now: Date): string {
  if (entry.status === 'dang-moi-thau' && entry.closes && entry.closes <= now) return PROCUREMENT_CLOSED_LABEL;
  return PROCUREMENT_STATUSES[entry.status];
}
