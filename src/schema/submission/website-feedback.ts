import { z } from 'zod';
import { blankToUndefined, Consent, FORM_ERROR, Honeypot, optionalEmail, optionalText, text } from './fields.ts';

/** Góp ý về trang thông tin điện tử: broken pages, wrong content, accessibility. */
export const FEEDBACK_CATEGORIES = {
  'loi-ky-thuat': 'Lỗi kỹ thuật',
  'noi-dung-sai': 'Thông tin sai hoặc cũ',
  'tiep-can': 'Khó sử dụng, khó tiếp cận',
  'de-xuat': 'Đề xuất',
  khac: 'Khác',
} as const;
type Category = keyof typeof FEEDBACK_CATEGORIES;
const CATEGORY_IDS = Object.keys(FEEDBACK_CATEGORIES) as [Category, ...Category[]];

const pageUrl = z
  .string({ error: 'Địa chỉ trang phải là văn bản.' })
  .trim()
  .max(2_000, 'Địa chỉ trang không được dài quá 2000 ký tự.')
  .pipe(z.url({ protocol: /^https?$/, error: 'Địa chỉ trang không hợp lệ (bắt đầu bằng http:// hoặc https://).' }));

/** Anonymous unless the sender leaves an address for a reply. */
export const WebsiteFeedbackSubmissionSchema = z.object(
  {
    category: z.enum(CATEGORY_IDS, { error: 'Vui lòng chọn loại góp ý.' }),
    pageUrl: z.preprocess(blankToUndefined, pageUrl.optional()),
    message: text('Nội dung góp ý', { min: 10, max: 3_000, multiline: true }),
    fullName: optionalText('Họ và tên', { max: 100 }),
    email: optionalEmail('Thư điện tử để nhận phản hồi'),
    consent: Consent,
    homepage: Honeypot,
  },
  FORM_ERROR,
);
export type WebsiteFeedbackSubmission = z.infer<typeof WebsiteFeedbackSubmissionSchema>;
