import { appError } from '#server/platform/app-error.ts';
import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';

/**
 * Refusals of the online public services (Điều 13–15): the citizen's
 * submission (its files, its proof of work, its rate), the look-up of a case
 * and the officers' handling of it. Each keeps its stable `code`, HTTP
 * status, typed `data` and the Vietnamese sentence the citizen or officer
 * reads together (docs/adr/0081-one-error-shape.md); tests assert `code`.
 */

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

// A submission and its files (docs/adr/0021, 0042)

/** The honeypot was filled: answered like any invalid form, so a bot learns nothing specific. */
export const SpamSuspectedError = appError(
  'E_SPAM_SUSPECTED',
  400,
  () => 'Dữ liệu biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.',
);

export const InvalidIdempotencyKeyError = appError(
  'E_INVALID_IDEMPOTENCY_KEY',
  400,
  () => 'Dữ liệu biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.',
);

/**
 * A form's idempotency key came back with other content than the case it
 * first filed (docs/adr/0053). The first case stands; its code and secret
 * are not repeated to whoever holds the key now.
 */
export const IdempotencyKeyReusedError = appError<{ service: ServiceId }>(
  'E_IDEMPOTENCY_KEY_REUSED',
  422,
  (data) =>
    `Biểu mẫu “${SERVICE_LABELS[data.service]}” này đã được gửi trước đó với nội dung khác, nên lần gửi này không được ghi nhận. Nếu muốn gửi thêm một đơn mới, vui lòng mở lại trang biểu mẫu và nhập lại.`,
);

export const ServiceDisabledError = appError<{ service: string }>(
  'E_SERVICE_DISABLED',
  404,
  () => 'Đơn vị không cung cấp dịch vụ trực tuyến này.',
);

export const UnknownProcedureError = appError<{ procedureCode: string }>(
  'E_UNKNOWN_PROCEDURE',
  400,
  () => 'Không tìm thấy thủ tục hành chính này trên trang của đơn vị.',
);

export const ConsultationClosedError = appError<{
  consultation: string;
  state: 'sap-mo' | 'da-ket-thuc' | 'khong-ton-tai';
}>('E_CONSULTATION_CLOSED', 409, (data) =>
  data.state === 'sap-mo'
    ? 'Dự thảo chưa đến thời gian lấy ý kiến.'
    : data.state === 'da-ket-thuc'
      ? 'Đã hết thời gian lấy ý kiến đối với dự thảo này.'
      : 'Không tìm thấy dự thảo đang lấy ý kiến.',
);

/** A browser sends a file's base name only; a path in it means a crafted request. */
export const UnsafeFileNameError = appError<{ fileName: string }>(
  'E_UNSAFE_FILE_NAME',
  400,
  () => 'Tên tệp không hợp lệ. Vui lòng đổi tên tệp (không chứa dấu / hoặc \\) rồi gửi lại.',
);

export const UnsupportedFileError = appError<{
  fileName: string;
  reason: 'unknown-content' | 'macro-enabled' | 'empty';
}>('E_UNSUPPORTED_FILE', 415, (data) =>
  data.reason === 'empty'
    ? `Tệp "${data.fileName}" rỗng.`
    : data.reason === 'macro-enabled'
      ? `Tệp "${data.fileName}" chứa macro nên không được nhận. Vui lòng lưu lại dưới dạng DOCX hoặc PDF.`
      : `Tệp "${data.fileName}" không phải PDF, JPEG, PNG, DOCX hoặc ODT.`,
);

export const FileTypeMismatchError = appError<{
  fileName: string;
  detected: 'pdf' | 'jpeg' | 'png' | 'docx' | 'odt';
  extension: string;
}>(
  'E_FILE_TYPE_MISMATCH',
  415,
  (data) =>
    `Nội dung tệp "${data.fileName}" không khớp với phần mở rộng .${data.extension || '(không có)'} của tên tệp.`,
);

/** One file a citizen attached is over the limit (the editorial board's uploads have `MediaTooLargeError`). */
export const FileTooLargeError = appError<{ fileName: string; maxBytes: number }>(
  'E_FILE_TOO_LARGE',
  413,
  (data) => `Tệp "${data.fileName}" vượt quá dung lượng cho phép (${megabytes(data.maxBytes)}).`,
);

export const AttachmentsTooLargeError = appError<{
  maxTotalBytes: number;
  maxFiles: number;
  files: number;
  totalBytes: number;
}>(
  'E_ATTACHMENTS_TOO_LARGE',
  413,
  (data) => `Mỗi lần gửi tối đa ${data.maxFiles} tệp, tổng dung lượng không quá ${megabytes(data.maxTotalBytes)}.`,
);

// Proof of work and rate limits (docs/adr/0051)
export const ProofOfWorkInvalidError = appError<{ reason: 'malformed' | 'signature' | 'scope' | 'insufficient-work' }>(
  'E_POW_INVALID',
  400,
  () => 'Không xác minh được trình duyệt. Vui lòng tải lại trang và gửi lại.',
);

export const ProofOfWorkExpiredError = appError<{ expiredAt: number }>(
  'E_POW_EXPIRED',
  400,
  () => 'Biểu mẫu đã mở quá lâu. Vui lòng tải lại trang và gửi lại.',
);

export const ProofOfWorkReplayedError = appError(
  'E_POW_REPLAYED',
  400,
  () => 'Biểu mẫu này đã được gửi. Vui lòng tải lại trang nếu muốn gửi đơn khác.',
);

export const ProofOfWorkRequiredError = appError(
  'E_POW_REQUIRED',
  400,
  () => 'Thiếu bước xác minh trình duyệt. Vui lòng bật JavaScript hoặc tải lại trang.',
);

/** Too many submissions or look-ups from one address; the answer says when to come back (`Retry-After`). */
export const RateLimitedError = appError<{ retryAfterSeconds: number }>(
  'E_RATE_LIMITED',
  429,
  (data) => {
    const minutes = Math.max(1, Math.ceil(data.retryAfterSeconds / 60));
    return `Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${minutes} phút.`;
  },
  { retryAfterSeconds: (data) => data.retryAfterSeconds },
);

// A case: its look-up and its handling (docs/adr/0052)
export const InvalidTrackingCodeError = appError<{ reason: 'format' | 'check-character' }>(
  'E_INVALID_TRACKING_CODE',
  400,
  (data) =>
    data.reason === 'check-character'
      ? 'Mã hồ sơ bị gõ sai một ký tự. Vui lòng kiểm tra lại mã trên giấy biên nhận.'
      : 'Mã hồ sơ không đúng dạng (ví dụ: STP-2026-7KQ4-M9).',
);

/** Internal: the service draws another code; a citizen never sees it unless every retry collides. */
export const TrackingCodeTakenError = appError<{ trackingCode: string }>(
  'E_TRACKING_CODE_TAKEN',
  409,
  () => 'Hệ thống đang bận, chưa cấp được mã hồ sơ. Vui lòng gửi lại sau ít phút.',
);

/** Also the answer to a wrong secret: a look-up never tells which of code or secret was wrong. */
export const CaseNotFoundError = appError(
  'E_CASE_NOT_FOUND',
  404,
  () => 'Không tìm thấy hồ sơ với mã và mã bí mật đã nhập. Vui lòng kiểm tra lại.',
);

/**
 * Code and secret are right, but the case was filed with another department:
 * its page is the place to follow it, under that department's name. The
 * secret proved the case is theirs, so naming the department tells nothing new.
 */
export const CaseOfAnotherDepartmentError = appError<{ departmentName: string; site: string | null }>(
  'E_CASE_OF_ANOTHER_DEPARTMENT',
  409,
  (data) =>
    `Hồ sơ này do ${data.departmentName} tiếp nhận. Vui lòng tra cứu trên trang của đơn vị đó${data.site ? ` (${data.site})` : ''}.`,
);

export const TransitionNotAllowedError = appError<{
  transition: string;
  from: string;
  reason: 'wrong-state' | 'not-this-service' | 'not-this-kind';
}>('E_TRANSITION_NOT_ALLOWED', 409, () => 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.');

export const CasePermissionError = appError<{ action: string }>(
  'E_CASE_PERMISSION',
  403,
  () => 'Bạn không có quyền thực hiện thao tác này đối với hồ sơ.',
);

/** Someone else changed the case between reading and writing it. */
export const CaseConflictError = appError<{ caseId: string }>(
  'E_CASE_CONFLICT',
  409,
  () => 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang rồi thực hiện lại.',
);

export const ReasonRequiredError = appError<{ transition: string; field: 'publicText' | 'assignee' }>(
  'E_REASON_REQUIRED',
  400,
  (data) =>
    data.field === 'assignee'
      ? 'Vui lòng chọn cán bộ được phân công.'
      : 'Vui lòng nhập lý do hoặc nội dung trả lời gửi công dân.',
);

/**
 * A complaint or denunciation is accepted only once the letter signed or
 * finger-printed by its sender has reached the department (Luật Khiếu nại
 * 2011 Điều 8, Luật Tố cáo 2018 Điều 23): record it first.
 */
export const SignedLetterRequiredError = appError<{ kind: string }>(
  'E_SIGNED_LETTER_REQUIRED',
  409,
  (data) =>
    `Chưa nhận được đơn ${data.kind === 'to-cao' ? 'tố cáo' : 'khiếu nại'} có chữ ký hoặc điểm chỉ của người gửi: hãy ghi nhận đơn đã ký trước khi thụ lý.`,
);

/** The law allows this extension a set number of times (Luật Tố cáo 2018 Điều 24, 30), or not at all for this case. */
export const ExtensionNotAllowedError = appError<{
  transition: string;
  reason: 'limit-reached' | 'not-in-law';
  max: number;
}>('E_EXTENSION_NOT_ALLOWED', 409, (data) =>
  data.reason === 'limit-reached'
    ? `Thời hạn này chỉ được gia hạn tối đa ${data.max} lần theo quy định của pháp luật; hồ sơ đã gia hạn đủ số lần.`
    : 'Pháp luật không quy định việc gia hạn này đối với hồ sơ.',
);

// The citizen's rating of a closed case (docs/adr/0058)
export const RatingNotOpenError = appError<{
  reason: 'not-closed' | 'not-rated-service' | 'window-closed';
  days: number;
}>('E_RATING_NOT_OPEN', 409, (data) =>
  data.reason === 'window-closed'
    ? `Đã quá ${data.days} ngày kể từ khi hồ sơ kết thúc nên không còn nhận đánh giá.`
    : data.reason === 'not-closed'
      ? 'Hồ sơ chưa kết thúc; Ông/Bà đánh giá được sau khi cơ quan trả lời.'
      : 'Dịch vụ này không lấy đánh giá mức độ hài lòng.',
);

/** Once per case: the national satisfaction index counts a case once. */
export const AlreadyRatedError = appError('E_ALREADY_RATED', 409, () => 'Hồ sơ này đã được đánh giá. Cảm ơn Ông/Bà.');

/** A rating link that was not made by the server for this case: answered like an unknown one. */
export const RatingLinkInvalidError = appError(
  'E_RATING_LINK_INVALID',
  404,
  () => 'Đường dẫn đánh giá không đúng. Vui lòng mở lại đường dẫn trong thư hoặc đánh giá tại trang Tra cứu.',
);

// Disposal of closed cases past retention (docs/adr/0059)
export const DisposalNotFoundError = appError(
  'E_DISPOSAL_NOT_FOUND',
  404,
  () => 'Không tìm thấy danh sách hồ sơ đề nghị huỷ.',
);

export const DisposalDecidedError = appError<{ id: string }>(
  'E_DISPOSAL_DECIDED',
  409,
  () => 'Danh sách này đã được phê duyệt trước đó; không có gì thay đổi.',
);
