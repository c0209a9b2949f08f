import { domainError } from '../errors.ts';
import { MEDIA_KINDS, type HiddenContent, type MediaKind } from './media-sniffing.ts';

/**
 * Refusals of the site's file policy (docs/adr/0021-files-are-data.md): a
 * file the board attaches or uploads is published only when its bytes are
 * one of the allowed kinds, its name is safe, it sits in the folder of the
 * entry that uses it, and it replaces nobody else's file. The message is the
 * Vietnamese sentence Decap shows; tests assert `code`.
 */

const nameOf = (path: string) => path.split('/').at(-1) ?? path;
const ALLOWED = Object.values(MEDIA_KINDS)
  .map((k) => k.label)
  .join(', ');

export const MediaTypeNotAllowedError = domainError<{ path: string; extension: string }>(
  'E_MEDIA_TYPE_NOT_ALLOWED',
  (data) =>
    `Không đăng được tệp "${nameOf(data.path)}": trang chỉ đăng các loại tệp ${ALLOWED}. Trang web, mã lệnh, ảnh SVG, tệp XML, tệp nén và tệp chạy được đều không được đăng.`,
);

/** The bytes are not what the name says: an HTML page named `.pdf`, a PNG named `.pdf`, a broken file. */
export const MediaContentMismatchError = domainError<{ path: string; extension: string; detected: MediaKind | null }>(
  'E_MEDIA_CONTENT_MISMATCH',
  (data) => {
    const actual = data.detected
      ? `thực chất là ${MEDIA_KINDS[data.detected].label}`
      : 'không phải là một tệp thuộc loại được đăng, hoặc đã bị hỏng';
    return `Tệp "${nameOf(data.path)}" mang đuôi .${data.extension} nhưng nội dung ${actual}. Hãy xuất lại tệp từ phần mềm soạn thảo (hoặc đổi đuôi cho đúng) rồi đính kèm lại.`;
  },
);

const HIDDEN: Record<HiddenContent, string> = {
  markup: 'có chèn mã trang web (HTML, script)',
  archive: 'có một tệp nén giấu bên trong',
  'trailing-data': 'có dữ liệu lạ nối sau phần cuối của tệp',
  macros: 'có macro (mã lệnh chạy trong phần mềm văn phòng)',
  'pdf-script': 'có mã lệnh (JavaScript) hoặc lệnh mở chương trình khác',
};

/** A real file of an allowed kind that is also something else: a polyglot, macros, script in a PDF. */
export const MediaHiddenContentError = domainError<{ path: string; kind: MediaKind; reason: HiddenContent }>(
  'E_MEDIA_HIDDEN_CONTENT',
  (data) =>
    `Tệp "${nameOf(data.path)}" ${HIDDEN[data.reason]} nên không được đăng lên trang. Hãy lưu lại tệp dưới dạng ${MEDIA_KINDS[data.kind].label} thông thường (không macro, không mã lệnh) rồi đính kèm lại.`,
);

export const MediaNameNotSafeError = domainError<{ path: string; suggestion: string }>(
  'E_MEDIA_NAME_NOT_SAFE',
  (data) =>
    `Tên tệp "${nameOf(data.path)}" chưa hợp lệ: tên tệp chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, rồi đến đuôi tệp (ví dụ "${data.suggestion}"). Hãy đổi tên tệp rồi đính kèm lại.`,
);

/** New files of an entry live in its own folder, so no entry can write where another one keeps its files. */
export const MediaOutsideEntryFolderError = domainError<{ path: string; folder: string }>(
  'E_MEDIA_OUTSIDE_ENTRY_FOLDER',
  (data) =>
    `Tệp "${nameOf(data.path)}" phải được lưu trong thư mục riêng của bài (${data.folder}/), đặt theo địa chỉ của bài. Hãy nhập tiêu đề bài trước khi đính kèm tệp; nếu đã đổi tiêu đề sau khi tạo bài, hãy đặt lại tiêu đề cũ rồi đính kèm.`,
);

export const MediaNotReferencedError = domainError<{ path: string; url: string }>(
  'E_MEDIA_NOT_REFERENCED',
  (data) =>
    `Tệp "${nameOf(data.path)}" được gửi kèm nhưng bài không dùng đến (không có liên kết, "Tệp đính kèm" hay "Hình ảnh" nào trỏ tới ${data.url}). Hãy chèn tệp vào bài, hoặc xoá tệp khỏi thư viện tệp của bài, rồi lưu lại.`,
);
