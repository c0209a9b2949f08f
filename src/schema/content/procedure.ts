import { z } from 'zod';
import { AttachmentSchema, Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/** Điều 7.3: procedures, with the person responsible for each step and its time limit. */
export const PROCEDURE_LEVELS = {
  'cap-tinh': 'Cấp tỉnh',
  'cap-huyen': 'Cấp huyện',
  'cap-xa': 'Cấp xã',
} as const;

export const ONLINE_LEVELS = {
  'toan-trinh': 'Dịch vụ công trực tuyến toàn trình',
  'mot-phan': 'Dịch vụ công trực tuyến một phần',
  'truc-tiep': 'Chỉ thực hiện trực tiếp',
} as const;

export const TIME_UNITS = {
  'ngay-lam-viec': 'ngày làm việc',
  ngay: 'ngày',
  gio: 'giờ',
} as const;

export const TimeLimitSchema = z.strictObject({
  value: z.number().positive('Thời hạn phải lớn hơn 0.').max(365),
  unit: z.enum(Object.keys(TIME_UNITS) as [keyof typeof TIME_UNITS]).default('ngay-lam-viec'),
});
export type TimeLimit = z.infer<typeof TimeLimitSchema>;

export const ProcedureStepSchema = z.strictObject({
  title: Text(300),
  responsible: z.strictObject({ name: Text(120), position: Text(200) }),
  timeLimit: TimeLimitSchema,
});

export const RequiredDocumentSchema = z.strictObject({
  name: Text(400),
  copies: z.number().int().min(1).max(20).default(1),
  /** Bản chính (original) or bản sao (copy). */
  original: z.boolean().default(false),
  template: AttachmentSchema.optional(),
});

export const FeeSchema = z
  .strictObject({
    label: Text(200),
    /** Amount in đồng; 0 means free of charge. */
    amount: z.number().int().min(0).optional(),
    /** For fees that vary: "2.000 đồng/trang", "0,1% giá trị hợp đồng". */
    note: Text(300).optional().meta({ title: 'Cách tính (khi phí thay đổi)' }),
  })
  .refine((f) => f.amount !== undefined || f.note !== undefined, 'Phải ghi số tiền (amount) hoặc cách tính (note).');

export const ProcedureEntrySchema = EntryBaseSchema.extend({
  code: Text(30).meta({ title: 'Mã thủ tục' }),
  field: Text(120).meta({ title: 'Lĩnh vực' }),
  level: z.enum(Object.keys(PROCEDURE_LEVELS) as [keyof typeof PROCEDURE_LEVELS]).meta({ title: 'Cấp thực hiện' }),
  onlineLevel: z.enum(Object.keys(ONLINE_LEVELS) as [keyof typeof ONLINE_LEVELS]).meta({ title: 'Mức độ trực tuyến' }),
  agency: Text(200).meta({ title: 'Cơ quan thực hiện' }),
  applicants: Text(300).meta({ title: 'Đối tượng thực hiện' }),
  steps: z.array(ProcedureStepSchema).min(1, 'Thủ tục phải có ít nhất một bước.').meta({ title: 'Các bước thực hiện' }),
  totalTime: TimeLimitSchema.meta({ title: 'Thời hạn giải quyết' }),
  fees: z.array(FeeSchema).default([]).meta({ title: 'Phí, lệ phí' }),
  documents: z.array(RequiredDocumentSchema).min(1, 'Phải có thành phần hồ sơ.').meta({ title: 'Thành phần hồ sơ' }),
  result: Text(300).meta({ title: 'Kết quả thực hiện' }),
  legalBasis: z.array(Text(400)).min(1, 'Phải nêu căn cứ pháp lý.').meta({ title: 'Căn cứ pháp lý' }),
  forms: z.array(AttachmentSchema).default([]).meta({ title: 'Mẫu đơn, tờ khai' }),
});
export type ProcedureEntry = z.infer<typeof ProcedureEntrySchema>;
