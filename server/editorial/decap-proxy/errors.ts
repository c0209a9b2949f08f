import { AppError } from '#server/platform/app-error.ts';
import type { ContentProblem } from '#src/content-source/problems.ts';
import { formatProblem } from '#src/content-source/problems.ts';

/**
 * Refusals of the Decap proxy endpoint. The message is the Vietnamese text
 * the Decap UI shows in its notification; tests assert `code`.
 */

export type ProxyBadRequestErrorData = { action: string; issues: string[] };
export class ProxyBadRequestError extends AppError<ProxyBadRequestErrorData> {
  static readonly code = 'E_PROXY_BAD_REQUEST';
  constructor(data: ProxyBadRequestErrorData) {
    super(ProxyBadRequestError.code, 422, data, `Yêu cầu "${data.action}" không hợp lệ: ${data.issues.join('; ')}`);
  }
}

export type UnknownActionErrorData = { action: string };
export class UnknownActionError extends AppError<UnknownActionErrorData> {
  static readonly code = 'E_PROXY_UNKNOWN_ACTION';
  constructor(data: UnknownActionErrorData) {
    super(UnknownActionError.code, 422, data, `Thao tác "${data.action}" chưa được hỗ trợ.`);
  }
}

export type PathNotAllowedErrorData = { path: string; reason: 'outside-site' | 'not-an-entry' | 'not-media' | 'section' | 'rename' | 'collection' };
export class PathNotAllowedError extends AppError<PathNotAllowedErrorData> {
  static readonly code = 'E_PROXY_PATH_NOT_ALLOWED';
  constructor(data: PathNotAllowedErrorData) {
    super(
      PathNotAllowedError.code,
      403,
      data,
      `Đường dẫn "${data.path}" không được phép: bài viết nằm trong content/<trang>/<chuyên mục>/<tên-bài>.mdx, tệp nằm trong content/<trang>/tep/ (chữ thường không dấu, không có "..").`,
    );
  }
}

export type ContentRejectedErrorData = { path: string; problems: ContentProblem[] };
/** What `parseEntry` found: invalid frontmatter, code in MDX, unsafe links… */
export class ContentRejectedError extends AppError<ContentRejectedErrorData> {
  static readonly code = 'E_PROXY_CONTENT_REJECTED';
  constructor(data: ContentRejectedErrorData) {
    const list = data.problems.map((p) => formatProblem({ ...p, file: p.file.split('/').at(-1) ?? p.file })).join('\n');
    super(ContentRejectedError.code, 422, data, `Bài chưa được lưu vì còn lỗi:\n${list}`);
  }
}

export type FileTooLargeErrorData = { path: string; bytes: number; limit: number };
export class FileTooLargeError extends AppError<FileTooLargeErrorData> {
  static readonly code = 'E_PROXY_FILE_TOO_LARGE';
  constructor(data: FileTooLargeErrorData) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    super(FileTooLargeError.code, 413, data, `Tệp "${data.path.split('/').at(-1)}" quá lớn (${mb(data.bytes)}); giới hạn là ${mb(data.limit)}.`);
  }
}

export type WorkflowRequiredErrorData = { action: string };
/** Saving straight to main would skip the three steps of Điều 19. */
export class WorkflowRequiredError extends AppError<WorkflowRequiredErrorData> {
  static readonly code = 'E_PROXY_WORKFLOW_REQUIRED';
  constructor(data: WorkflowRequiredErrorData) {
    super(WorkflowRequiredError.code, 403, data, 'Bài phải qua quy trình ba bước (nhập mới, xác thực, đăng tải) trước khi lên Website (Điều 19).');
  }
}

export type MediaNotFoundErrorData = { path: string };
export class MediaNotFoundError extends AppError<MediaNotFoundErrorData> {
  static readonly code = 'E_PROXY_FILE_NOT_FOUND';
  constructor(data: MediaNotFoundErrorData) {
    super(MediaNotFoundError.code, 404, data, `Không tìm thấy tệp "${data.path}".`);
  }
}
