import { z } from 'zod';
import { Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/**
 * How a citizen reaches information the site does not carry itself (Luật Tiếp
 * cận thông tin 2016 Điều 17–19, 23; docs/adr/0048): what the department
 * publishes online is listed from the site's own sections; these entries add
 * the rest of its list of information (Nghị định 13/2018/NĐ-CP Điều 6).
 */
export const INFORMATION_ACCESS_KINDS = {
  'theo-yeu-cau': 'Cung cấp theo yêu cầu',
  'niem-yet': 'Niêm yết tại trụ sở cơ quan',
  'co-dieu-kien': 'Tiếp cận có điều kiện (Điều 7)',
  'phuong-tien-khac': 'Công khai trên phương tiện khác (công báo, báo chí, tài liệu)',
} as const;
type AccessKind = keyof typeof INFORMATION_ACCESS_KINDS;

export const InformationListEntrySchema = EntryBaseSchema.extend({
  access: z
    .enum(Object.keys(INFORMATION_ACCESS_KINDS) as [AccessKind, ...AccessKind[]], {
      error: `Cách tiếp cận phải là một trong: ${Object.keys(INFORMATION_ACCESS_KINDS).join(', ')}.`,
    })
    .meta({ title: 'Cách tiếp cận' }),
  /** The unit that keeps the information: "Phòng Hành chính tư pháp". */
  holder: Text(200).meta({ title: 'Đơn vị lưu giữ, cung cấp' }),
  /** Where and how: "Bộ phận Một cửa, 09 Tôn Đức Thắng, giờ hành chính". */
  where: Text(500).meta({ title: 'Nơi, cách tiếp cận' }),
  /** The provision that makes it public, conditional or available on request. */
  legalBasis: Text(300).optional().meta({ title: 'Căn cứ' }),
});
export type InformationListEntry = z.infer<typeof InformationListEntrySchema>;
