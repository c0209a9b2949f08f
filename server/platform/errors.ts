import { AppError } from './app-error.ts';

/**
 * Refusals every capability meets: the request itself (its size, its type,
 * its origin, its fields), the site or department it names, and the rights
 * of whoever sends it. Each keeps its stable `code`, HTTP status, typed
 * `data` and the Vietnamese sentence together (docs/adr/0081-one-error-shape.md);
 * tests assert `code`, never the sentence.
 */

export type NotFoundErrorData = { path: string };
export class NotFoundError extends AppError<NotFoundErrorData> {
  static readonly code = 'E_NOT_FOUND';
  constructor(data: NotFoundErrorData) {
    super(NotFoundError.code, 404, data, 'Không tìm thấy trang.');
  }
}

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

export type ValidationErrorData = { issues: Array<{ field: string; problem: string }> };
/** The request's fields, as a whole: each issue names its field and a stable `problem`, which forms show beside the field. */
export class ValidationError extends AppError<ValidationErrorData> {
  static readonly code = 'E_INVALID_INPUT';
  constructor(data: ValidationErrorData) {
    super(ValidationError.code, 400, data, 'Dữ liệu gửi lên không hợp lệ.');
  }
}

export type PayloadTooLargeErrorData = { maxBytes: number };
export class PayloadTooLargeError extends AppError<PayloadTooLargeErrorData> {
  static readonly code = 'E_PAYLOAD_TOO_LARGE';
  constructor(data: PayloadTooLargeErrorData) {
    super(PayloadTooLargeError.code, 413, data, 'Dữ liệu gửi lên quá lớn.');
  }
}

export type UnsupportedContentTypeErrorData = { expected: string; received: string | null };
export class UnsupportedContentTypeError extends AppError<UnsupportedContentTypeErrorData> {
  static readonly code = 'E_CONTENT_TYPE';
  constructor(data: UnsupportedContentTypeErrorData) {
    super(UnsupportedContentTypeError.code, 415, data, 'Định dạng dữ liệu gửi lên không được hỗ trợ.');
  }
}

export type CrossOriginErrorData = { origin: string | null; secFetchSite: string | null };
/** A state-changing request sent from another site (docs/adr/0015). */
export class CrossOriginError extends AppError<CrossOriginErrorData> {
  static readonly code = 'E_CROSS_ORIGIN';
  constructor(data: CrossOriginErrorData) {
    super(CrossOriginError.code, 403, data, 'Yêu cầu bị từ chối vì không xuất phát từ trang này.');
  }
}

export type UnknownSiteErrorData = { host: string };
/** No department and no portal is served at this Host (Điều 3: each site answers at its official addresses only). */
export class UnknownSiteError extends AppError<UnknownSiteErrorData> {
  static readonly code = 'E_UNKNOWN_SITE';
  constructor(data: UnknownSiteErrorData) {
    super(UnknownSiteError.code, 404, data, 'Không có trang nào được phục vụ tại địa chỉ này.');
  }
}

export type UnknownDepartmentErrorData = { departmentId: string };
export class UnknownDepartmentError extends AppError<UnknownDepartmentErrorData> {
  static readonly code = 'E_UNKNOWN_DEPARTMENT';
  constructor(data: UnknownDepartmentErrorData) {
    super(UnknownDepartmentError.code, 400, data, 'Không tìm thấy đơn vị.');
  }
}

export type PermissionDeniedErrorData = { action: string; actorRole: string; targetRole: string | null };
/** The role is not granted the action (the grants of docs/adr/0013, the readers of the reports). */
export class PermissionDeniedError extends AppError<PermissionDeniedErrorData> {
  static readonly code = 'E_PERMISSION_DENIED';
  constructor(data: PermissionDeniedErrorData) {
    super(PermissionDeniedError.code, 403, data, 'Bạn không có quyền thực hiện thao tác này.');
  }
}

export type OutsideDepartmentErrorData = { action: string };
/** The role may do it, but only in its own department. */
export class OutsideDepartmentError extends AppError<OutsideDepartmentErrorData> {
  static readonly code = 'E_OUTSIDE_DEPARTMENT';
  constructor(data: OutsideDepartmentErrorData) {
    super(OutsideDepartmentError.code, 403, data, 'Bạn chỉ được quản lý tài khoản trong đơn vị của mình.');
  }
}

/**
 * What a bug is answered with: the sentence says nothing of it, the data is
 * empty; the error handler logs the real exception (docs/adr/0053).
 */
export class InternalError extends AppError {
  static readonly code = 'E_INTERNAL';
  constructor() {
    super(InternalError.code, 500, {}, 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.');
  }
}

/**
 * The storage thread stopped (docs/adr/0054): what was waiting for it is
 * answered at once instead of hanging, and nothing was acknowledged that is
 * not committed. The server is restarted by its supervisor meanwhile.
 */
export class StorageUnavailableError extends AppError {
  static readonly code = 'E_STORAGE_UNAVAILABLE';
  constructor() {
    super(StorageUnavailableError.code, 503, {}, 'Hệ thống tạm thời không lưu được dữ liệu. Yêu cầu của bạn chưa được ghi nhận, vui lòng gửi lại sau ít phút.', {
      retryAfterSeconds: 30,
    });
  }
}
