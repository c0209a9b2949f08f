import { appError } from './app-error.ts';

/**
 * Refusals every capability meets: the request itself (its size, its type,
 * its origin, its fields), the site or department it names, and the rights
 * of whoever sends it. Each keeps its stable `code`, HTTP status, typed
 * `data` and the Vietnamese sentence together (docs/adr/0081-one-error-shape.md);
 * tests assert `code`, never the sentence.
 */
export const NotFoundError = appError<{ path: string }>('E_NOT_FOUND', 404, () => 'Không tìm thấy trang.');

/** Vietnamese text for one invalid form field, keyed by the stable `problem` of an issue (`FieldProblem` in src/schema/submission/fields.ts). */
const FIELD_PROBLEMS: Record<string, string> = {
  required: 'Trường này là bắt buộc.',
  'too-long': 'Giá trị quá dài.',
  'invalid-format': 'Giá trị không đúng định dạng.',
  'not-allowed': 'Giá trị không được chấp nhận.',
};

/** The sentence shown beside a field for one issue of a `ValidationError`. */
export function describeFieldProblem(problem: string): string {
  return FIELD_PROBLEMS[problem] ?? 'Giá trị không hợp lệ.';
}

/** The request's fields, as a whole: each issue names its field and a stable `problem`, which forms show beside the field. */
export const ValidationError = appError<{ issues: Array<{ field: string; problem: string }> }>(
  'E_INVALID_INPUT',
  400,
  () => 'Dữ liệu gửi lên không hợp lệ.',
);

export const PayloadTooLargeError = appError<{ maxBytes: number }>(
  'E_PAYLOAD_TOO_LARGE',
  413,
  () => 'Dữ liệu gửi lên quá lớn.',
);

export const UnsupportedContentTypeError = appError<{ expected: string; received: string | null }>(
  'E_CONTENT_TYPE',
  415,
  () => 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
);

/** A state-changing request sent from another site (docs/adr/0015). */
export const CrossOriginError = appError<{ origin: string | null; secFetchSite: string | null }>(
  'E_CROSS_ORIGIN',
  403,
  () => 'Yêu cầu bị từ chối vì không xuất phát từ trang này.',
);

/** No department and no portal is served at this Host (Điều 3: each site answers at its official addresses only). */
export const UnknownSiteError = appError<{ host: string }>(
  'E_UNKNOWN_SITE',
  404,
  () => 'Không có trang nào được phục vụ tại địa chỉ này.',
);

export const UnknownDepartmentError = appError<{ departmentId: string }>(
  'E_UNKNOWN_DEPARTMENT',
  400,
  () => 'Không tìm thấy đơn vị.',
);

/** The role is not granted the action (the grants of docs/adr/0013, the readers of the reports). */
export const PermissionDeniedError = appError<{ action: string; actorRole: string; targetRole: string | null }>(
  'E_PERMISSION_DENIED',
  403,
  () => 'Bạn không có quyền thực hiện thao tác này.',
);

/** The role may do it, but only in its own department. */
export const OutsideDepartmentError = appError<{ action: string }>(
  'E_OUTSIDE_DEPARTMENT',
  403,
  () => 'Bạn chỉ được quản lý tài khoản trong đơn vị của mình.',
);

/**
 * What a bug is answered with: the sentence says nothing of it, the data is
 * empty; the error handler logs the real exception (docs/adr/0053).
 */
export const InternalError = appError('E_INTERNAL', 500, () => 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.');

/**
 * The storage thread stopped (docs/adr/0054): what was waiting for it is
 * answered at once instead of hanging, and nothing was acknowledged that is
 * not committed. The server is restarted by its supervisor meanwhile.
 */
export const StorageUnavailableError = appError(
  'E_STORAGE_UNAVAILABLE',
  503,
  () => 'Hệ thống tạm thời không lưu được dữ liệu. Yêu cầu của bạn chưa được ghi nhận, vui lòng gửi lại sau ít phút.',
  { retryAfterSeconds: () => 30 },
);
