import { z } from 'zod';
import { Email, Phone, PersonSchema, Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/** Điều 7.1: organisation, functions, duties, powers, affiliated units, leaders. */
export const ORGANISATION_TOPICS = {
  'chuc-nang-nhiem-vu': 'Chức năng, nhiệm vụ, quyền hạn',
  'co-cau-to-chuc': 'Cơ cấu tổ chức',
  'lanh-dao': 'Lãnh đạo',
  'don-vi-truc-thuoc': 'Đơn vị trực thuộc',
  'lich-su': 'Quá trình hình thành và phát triển',
} as const;

export const AffiliatedUnitSchema = z.strictObject({
  name: Text(200),
  head: Text(120).optional(),
  address: Text(300).optional(),
  phone: Phone.optional(),
  email: Email.optional(),
});

export const OrganisationEntrySchema = EntryBaseSchema.extend({
  topic: z.enum(Object.keys(ORGANISATION_TOPICS) as [keyof typeof ORGANISATION_TOPICS]).meta({ title: 'Chủ đề' }),
  /** Position in the section menu; lower first. */
  order: z.number().int().min(0).max(999).default(100).meta({ title: 'Thứ tự' }),
  leaders: z.array(PersonSchema).default([]).meta({ title: 'Lãnh đạo' }),
  units: z.array(AffiliatedUnitSchema).default([]).meta({ title: 'Đơn vị trực thuộc' }),
});
export type OrganisationEntry = z.infer<typeof OrganisationEntrySchema>;
