import { z } from 'zod';
import {
  Consent,
  contactRequired,
  FORM_ERROR,
  Honeypot,
  optionalCheckbox,
  optionalEmail,
  optionalPhone,
  optionalText,
  personName,
  text,
} from './fields.ts';

/** Câu hỏi về chế độ, chính sách, pháp luật (Điều 13.3). */
export const QuestionSubmissionSchema = contactRequired(
  z.object(
    {
      fullName: personName('Họ và tên'),
      address: optionalText('Địa chỉ', { max: 300 }),
      phone: optionalPhone(),
      email: optionalEmail(),
      /** Lĩnh vực, to route the question: "Hộ tịch", "Đất đai". */
      field: optionalText('Lĩnh vực', { max: 120 }),
      title: text('Tiêu đề câu hỏi', { min: 10, max: 200 }),
      question: text('Nội dung câu hỏi', { min: 20, max: 5_000, multiline: true }),
      /** Question and answer may be published without the asker's personal details. */
      allowPublication: optionalCheckbox('Đồng ý công bố câu hỏi'),
      consent: Consent,
      homepage: Honeypot,
    },
    FORM_ERROR,
  ),
  'Vui lòng nhập số điện thoại hoặc thư điện tử để nhận câu trả lời.',
);
export type QuestionSubmission = z.infer<typeof QuestionSubmissionSchema>;
