import { z } from 'zod';
import { COMPLAINT_INSTANCES } from '../legal-deadlines.ts';
import type { COMPLAINT_KINDS } from '../service-process.ts';
import {
  blankToUndefined,
  Consent,
  contactRequired,
  Honeypot,
  idNumber,
  optionalEmail,
  optionalIdNumber,
  optionalPhone,
  optionalText,
  personName,
  text,
} from './fields.ts';

/**
 * Đơn khiếu nại, tố cáo, phản ánh, kiến nghị (Điều 13.1). The fields a
 * complaint must carry are those of Luật Khiếu nại 2011 Điều 8.2 (name and
 * address of the complainant and of the party complained about, content,
 * reasons, request, supporting documents); a denunciation those of Luật Tố
 * cáo 2018 Điều 23.1 (name, address and contact of the denouncer, the
 * violation, the person denounced). Files are checked separately
 * (`server/citizen-services/uploads.ts`); the date is the server's receipt time.
 */

export const COMPLAINT_KIND_LABELS: Record<(typeof COMPLAINT_KINDS)[number], string> = {
  'khieu-nai': 'Khiếu nại',
  'to-cao': 'Tố cáo',
  'phan-anh': 'Phản ánh',
  'kien-nghi': 'Kiến nghị',
};

const sender = {
  fullName: personName('Họ và tên'),
  address: text('Địa chỉ', { min: 5, max: 300 }),
  phone: optionalPhone(),
  email: optionalEmail(),
  consent: Consent,
  homepage: Honeypot,
};

const content = (label: string) => text(label, { min: 20, max: 10_000, multiline: true });

const KhieuNaiSchema = z.object({
  kind: z.literal('khieu-nai'),
  /** First or second complaint about the same decision (Điều 7): the second has longer limits (Điều 36, 37). */
  instance: z.preprocess(
    blankToUndefined,
    z.enum(COMPLAINT_INSTANCES, { error: 'Vui lòng chọn khiếu nại lần đầu hoặc lần hai.' }).default('lan-dau'),
  ),
  ...sender,
  idNumber: idNumber(),
  /** Cơ quan, tổ chức, cá nhân bị khiếu nại. */
  respondentName: text('Tên cơ quan, tổ chức, cá nhân bị khiếu nại', { min: 2, max: 300 }),
  respondentAddress: text('Địa chỉ của cơ quan, tổ chức, cá nhân bị khiếu nại', { min: 5, max: 300 }),
  /** The decision or act complained about: "Quyết định số 123/QĐ-UBND ngày 05/3/2026". */
  contestedAct: optionalText('Quyết định hoặc hành vi hành chính bị khiếu nại', { max: 500 }),
  content: content('Nội dung khiếu nại'),
  reasons: text('Lý do khiếu nại', { min: 10, max: 5_000, multiline: true }),
  request: text('Yêu cầu giải quyết', { min: 5, max: 2_000, multiline: true }),
});

const ToCaoSchema = z.object({
  kind: z.literal('to-cao'),
  ...sender,
  idNumber: idNumber(),
  /** Người bị tố cáo: a name, a position, or an agency. */
  respondentName: text('Người hoặc cơ quan, tổ chức bị tố cáo', { min: 2, max: 300 }),
  respondentAddress: optionalText('Địa chỉ, nơi công tác của người bị tố cáo', { max: 300 }),
  content: content('Hành vi vi phạm pháp luật bị tố cáo'),
  reasons: optionalText('Căn cứ, chứng cứ tố cáo', { max: 5_000, multiline: true }),
  request: optionalText('Đề nghị', { max: 2_000, multiline: true }),
});

const feedbackKind = <K extends 'phan-anh' | 'kien-nghi'>(kind: K, noun: string) =>
  z.object({
    kind: z.literal(kind),
    ...sender,
    idNumber: optionalIdNumber(),
    respondentName: optionalText(`Cơ quan, tổ chức, cá nhân liên quan đến ${noun}`, { max: 300 }),
    respondentAddress: optionalText('Địa chỉ của cơ quan, tổ chức, cá nhân liên quan', { max: 300 }),
    content: content(`Nội dung ${noun}`),
    reasons: optionalText('Lý do', { max: 5_000, multiline: true }),
    request: optionalText('Đề xuất, đề nghị', { max: 2_000, multiline: true }),
  });

export const ComplaintSubmissionSchema = contactRequired(
  z.discriminatedUnion(
    'kind',
    [KhieuNaiSchema, ToCaoSchema, feedbackKind('phan-anh', 'phản ánh'), feedbackKind('kien-nghi', 'kiến nghị')],
    {
      error: 'Vui lòng chọn loại đơn: khiếu nại, tố cáo, phản ánh hoặc kiến nghị.',
    },
  ),
);
export type ComplaintSubmission = z.infer<typeof ComplaintSubmissionSchema>;
