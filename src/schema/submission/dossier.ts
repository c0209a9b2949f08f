import { z } from 'zod';
import {
  coded,
  Consent,
  contactRequired,
  FORM_ERROR,
  Honeypot,
  idNumber,
  optionalEmail,
  optionalPhone,
  optionalText,
  personName,
  taxCode,
  text,
} from './fields.ts';

/**
 * Hồ sơ thủ tục hành chính nộp trực tuyến (Điều 13.2, 13.4). The procedure
 * code is the one of the procedure entry (`code` in the thu-tuc-hanh-chinh
 * section), e.g. "1.001234" or "2.000123.000.00.00.H57". Files are checked
 * separately (`server/citizen-services/uploads.ts`).
 */
const procedureCode = coded('Mã thủ tục hành chính', {
  normalise: (s) => s.trim(),
  pattern: /^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/,
  message: 'không hợp lệ (ví dụ: 1.001234).',
  max: 30,
});

const common = {
  procedureCode,
  address: text('Địa chỉ', { min: 5, max: 300 }),
  phone: optionalPhone(),
  email: optionalEmail(),
  note: optionalText('Ghi chú', { max: 2_000, multiline: true }),
  consent: Consent,
  homepage: Honeypot,
};

const IndividualSchema = z.object(
  {
    applicantType: z.literal('ca-nhan'),
    fullName: personName('Họ và tên người nộp hồ sơ'),
    idNumber: idNumber(),
    ...common,
  },
  FORM_ERROR,
);

const OrganisationSchema = z.object(
  {
    applicantType: z.literal('to-chuc'),
    organisationName: text('Tên tổ chức', { min: 2, max: 300 }),
    taxCode: taxCode(),
    /** The person submitting on the organisation's behalf. */
    fullName: personName('Họ và tên người đại diện'),
    ...common,
  },
  FORM_ERROR,
);

export const DossierSubmissionSchema = contactRequired(
  z.discriminatedUnion('applicantType', [IndividualSchema, OrganisationSchema], {
    error: 'Vui lòng chọn người nộp hồ sơ là cá nhân hay tổ chức.',
  }),
);
export type DossierSubmission = z.infer<typeof DossierSubmissionSchema>;
