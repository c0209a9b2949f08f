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
  slug,
  text,
} from './fields.ts';

/**
 * Ý kiến góp ý dự thảo (Điều 7.8): one comment on one consultation entry,
 * named by its slug. Whether the consultation is still open is the route's
 * question (`consultationState`), not the form's.
 */
export const DraftCommentSubmissionSchema = contactRequired(
  z.object(
    {
      consultation: slug('Dự thảo được góp ý'),
      fullName: personName('Họ và tên'),
      organisation: optionalText('Cơ quan, tổ chức', { max: 300 }),
      phone: optionalPhone(),
      email: optionalEmail(),
      /** The provision commented on: "Điều 5, khoản 2". */
      provision: optionalText('Điều, khoản góp ý', { max: 200 }),
      comment: text('Nội dung góp ý', { min: 10, max: 10_000, multiline: true }),
      /** The name may be shown beside the comment in the published summary. */
      publishName: optionalCheckbox('Đồng ý công khai họ tên'),
      consent: Consent,
      homepage: Honeypot,
    },
    FORM_ERROR,
  ),
);
export type DraftCommentSubmission = z.infer<typeof DraftCommentSubmissionSchema>;
