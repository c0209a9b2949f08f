import { z } from 'zod';
import { AttachmentSchema, DateField, Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/** Điều 7.2: the register of legal documents. */
export const DOCUMENT_TYPES = {
  luat: 'Luật',
  'nghi-dinh': 'Nghị định',
  'nghi-quyet': 'Nghị quyết',
  'thong-tu': 'Thông tư',
  'quyet-dinh': 'Quyết định',
  'chi-thi': 'Chỉ thị',
  'ke-hoach': 'Kế hoạch',
  'huong-dan': 'Hướng dẫn',
  'cong-van': 'Công văn',
  'thong-bao': 'Thông báo',
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const DOCUMENT_STATUSES = {
  'con-hieu-luc': 'Còn hiệu lực',
  'chua-co-hieu-luc': 'Chưa có hiệu lực',
  'het-hieu-luc-mot-phan': 'Hết hiệu lực một phần',
  'het-hieu-luc': 'Hết hiệu lực',
} as const;
export type DocumentStatus = keyof typeof DOCUMENT_STATUSES;

/**
 * Số/ký hiệu: `2567/2007/QĐ-UBND`, `1745/QĐ-TTg`, `369/TTr-SBCVT`,
 * `27/2001/QĐ-BGD&ĐT`, `11i/2008/NQ-HĐND`, `54-NQ/TW`.
 */
const DocumentNumber = Text(60).refine(
  (s) => /^[0-9]+\p{Ll}?(?:[-/][\p{L}0-9&.]+)+$/u.test(s),
  'Số, ký hiệu văn bản không đúng dạng (ví dụ: 2567/2007/QĐ-UBND hoặc 125/UBND-TH).',
);

export const LegalDocumentEntrySchema = EntryBaseSchema.extend({
  number: DocumentNumber.meta({ title: 'Số, ký hiệu' }),
  documentType: z.enum(Object.keys(DOCUMENT_TYPES) as [DocumentType]).meta({ title: 'Loại văn bản' }),
  issuer: Text(200).meta({ title: 'Cơ quan ban hành' }),
  signer: Text(120).meta({ title: 'Người ký' }),
  issued: DateField.meta({ title: 'Ngày ban hành' }),
  effective: DateField.optional().meta({ title: 'Ngày có hiệu lực' }),
  status: z.enum(Object.keys(DOCUMENT_STATUSES) as [DocumentStatus]).meta({ title: 'Tình trạng hiệu lực' }),
  field: Text(120).meta({ title: 'Lĩnh vực' }),
  /** Trích yếu: the official one-line abstract of the document. */
  summary: Text(1000).meta({ title: 'Trích yếu' }),
  attachment: AttachmentSchema.optional().meta({ title: 'Tệp đính kèm' }),
});
export type LegalDocumentEntry = z.infer<typeof LegalDocumentEntrySchema>;
