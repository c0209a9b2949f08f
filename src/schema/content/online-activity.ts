import { z } from 'zod';
import { DateField, Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/** Điều 7.7: the activities the department carries out online (Luật CNTT, Điều 27.1). */
export const ONLINE_ACTIVITY_KINDS = {
  'dich-vu-cong': 'Dịch vụ công trực tuyến',
  'cung-cap-thong-tin': 'Cung cấp thông tin',
  'tiep-nhan-phan-anh': 'Tiếp nhận phản ánh, kiến nghị',
  'hoi-dap': 'Hỏi đáp trực tuyến',
  'co-so-du-lieu': 'Cơ sở dữ liệu chuyên ngành',
  'hop-truc-tuyen': 'Hội nghị, họp trực tuyến',
} as const;

export const OnlineActivityEntrySchema = EntryBaseSchema.extend({
  kind: z
    .enum(Object.keys(ONLINE_ACTIVITY_KINDS) as [keyof typeof ONLINE_ACTIVITY_KINDS])
    .meta({ title: 'Loại hoạt động' }),
  summary: Text(1000).meta({ title: 'Mô tả ngắn' }),
  url: z
    .url({ protocol: /^https?$/, error: 'Địa chỉ phải là http hoặc https.' })
    .optional()
    .meta({ title: 'Địa chỉ truy cập' }),
  since: DateField.optional().meta({ title: 'Triển khai từ ngày' }),
  active: z.boolean().default(true).meta({ title: 'Đang hoạt động' }),
});
export type OnlineActivityEntry = z.infer<typeof OnlineActivityEntrySchema>;
