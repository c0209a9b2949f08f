import { z } from 'zod';

/**
 * Building blocks shared by the content and site schemas. Messages are
 * Vietnamese: they reach editors in `npm run check`, the build and the CMS.
 */

/** Text must be Unicode NFC (Điều 8, TCVN 6909:2001): search and sorting depend on it. */
export const Text = (max = 500) =>
  z
    .string({ error: 'Phải là một chuỗi văn bản.' })
    .trim()
    .min(1, 'Không được để trống.')
    .max(max, `Dài quá ${max} ký tự.`)
    .refine(
      (s) => s === s.normalize('NFC'),
      'Văn bản chưa ở dạng Unicode dựng sẵn (NFC); chạy `npm run convert` để chuẩn hoá.',
    );

/** Dates as written in frontmatter: `2024-05-17` or `2024-05-17T15:30:00+07:00`. */
export const DateField = z.coerce.date({ error: 'Ngày không hợp lệ (dạng YYYY-MM-DD).' });

/** A moment, date and hour (`2026-12-05T08:00:00+07:00`): the CMS asks for the hour too (docs/adr/0049). */
export const DateTimeField = z.coerce.date({ error: 'Thời điểm không hợp lệ (dạng YYYY-MM-DDTHH:mm:ss+07:00).' });

export const Email = z.email({ error: 'Địa chỉ thư điện tử không hợp lệ.' });

export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+() .-]{6,20}$/, 'Số điện thoại không hợp lệ.');

/** A path inside the site's own media folder (`/tep/...`) or an https address. */
export const FileRef = z
  .string()
  .trim()
  .refine(
    (s) => /^\/tep\/[a-z0-9][a-z0-9._/-]*$/.test(s) && !s.includes('..'),
    'Đường dẫn tệp phải nằm trong thư mục /tep/ của trang (chữ thường, không dấu, không có "..").',
  );

export const AttachmentSchema = z.strictObject({
  /** Shown as the link text, e.g. "Toàn văn Quyết định (PDF)". */
  label: Text(200),
  /** `/tep/2024/qd-15.pdf` — the file lives in `content/<site>/tep/2024/qd-15.pdf`. */
  file: FileRef,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const PersonSchema = z.strictObject({
  name: Text(120),
  position: Text(200),
  email: Email.optional(),
  phone: Phone.optional(),
});
export type Person = z.infer<typeof PersonSchema>;
