import { z } from 'zod';
import { Email, Phone, PersonSchema, Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/** Điều 7.5: official e-mail addresses of each unit and its competent officials. */
export const DirectoryEntrySchema = EntryBaseSchema.extend({
  /** The unit's own mailbox, e.g. `vanphong.stp@thuathienhue.gov.vn`. */
  email: Email.meta({ title: 'Thư điện tử của đơn vị' }),
  phone: Phone.optional().meta({ title: 'Điện thoại' }),
  address: Text(300).optional().meta({ title: 'Địa chỉ' }),
  order: z.number().int().min(0).max(999).default(100).meta({ title: 'Thứ tự' }),
  contacts: z
    .array(PersonSchema.extend({ email: Email }))
    .min(1, 'Phải có ít nhất một cán bộ kèm thư điện tử.')
    .meta({ title: 'Cán bộ, công chức' }),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;
