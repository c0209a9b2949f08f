import { z } from 'zod';
import { DateField, DateTimeField, Text } from '../common.ts';

/**
 * Fields every entry of every section has. `title` in `.meta()` is the
 * Vietnamese field label: the generated CMS config reads it.
 */
export const EntryBaseSchema = z.strictObject({
  title: Text(300).meta({ title: 'Tiêu đề' }),
  /** Short summary shown in lists and search results (trích yếu, sapo). */
  summary: Text(1000).optional().meta({ title: 'Tóm tắt' }),
  /** Publication date; news may carry the hour (Điều 9.3 counts until 16:00). */
  date: DateField.meta({ title: 'Ngày đăng' }),
  /** Last substantive change, shown on the page. */
  updated: DateField.optional().meta({ title: 'Ngày cập nhật' }),
  /**
   * Pages that change on time (docs/adr/0049): a published entry appears on
   * the site at `publishAt` and leaves it at `expireAt`; the server rebuilds
   * the site at each moment, recorded in the entry's history as the system's.
   */
  publishAt: DateTimeField.optional().meta({ title: 'Thời điểm hiển thị (để trống: ngay khi đăng tải)' }),
  expireAt: DateTimeField.optional().meta({ title: 'Thời điểm gỡ khỏi trang (để trống: không gỡ)' }),
  /** Information protected as a state secret (Điều 4.2đ) is never published. */
  stateSecret: z.boolean().default(false).meta({ title: 'Thông tin mật nhà nước' }),
});
export type EntryBase = z.infer<typeof EntryBaseSchema>;
