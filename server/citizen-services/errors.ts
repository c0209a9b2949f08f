import { AppError } from '#server/platform/app-error.ts';
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
export type SpamSuspectedErrorData = Record<string, never>;
export class SpamSuspectedError extends AppError<SpamSuspectedErrorData> {
  static readonly code = 'E_SPAM_SUSPECTED';
  constructor(data: SpamSuspectedErrorData) {
    super(SpamSuspectedError.code, 400, data, 'Dữ liệu biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.');
  }
}

export type InvalidIdempotencyKeyErrorData = Record<string, never>;
export class InvalidIdempotencyKeyError extends AppError<InvalidIdempotencyKeyErrorData> {
  static readonly code = 'E_INVALID_IDEMPOTENCY_KEY';
  constructor(data: InvalidIdempotencyKeyErrorData) {
    super(InvalidIdempotencyKeyError.code, 400, data, 'Dữ liệu biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.');
  }
}

export type IdempotencyKeyReusedErrorData = { service: ServiceId };
/**
 * A form's idempotency key came back with other content than the case it
 * first filed (docs/adr/0053). The first case stands; its code and secret
 * are not repeated to whoever holds the key now.
 */
export class IdempotencyKeyReusedError extends AppError<IdempotencyKeyReusedErrorData> {
  static readonly code = 'E_IDEMPOTENCY_KEY_REUSED';
  constructor(data: IdempotencyKeyReusedErrorData) {
    super(
      IdempotencyKeyReusedError.code,
      422,
      data,
      `Biểu mẫu “${SERVICE_LABELS[data.service]}” này đã được gửi trước đó với nội dung khác, nên lần gửi này không được ghi nhận. Nếu muốn gửi thêm một đơn mới, vui lòng mở lại trang biểu mẫu và nhập lại.`,
    );
  }
}

export type ServiceDisabledErrorData = { service: string };
export class ServiceDisabledError extends AppError<ServiceDisabledErrorData> {
  static readonly code = 'E_SERVICE_DISABLED';
  constructor(data: ServiceDisabledErrorData) {
    super(ServiceDisabledError.code, 404, data, 'Đơn vị không cung cấp dịch vụ trực tuyến này.');
  }
}

export type UnknownProcedureErrorData = { procedureCode: string };
export class UnknownProcedureError extends AppError<UnknownProcedureErrorData> {
  static readonly code = 'E_UNKNOWN_PROCEDURE';
  constructor(data: UnknownProcedureErrorData) {
    super(UnknownProcedureError.code, 400, data, 'Không tìm thấy thủ tục hành chính này trên trang của đơn vị.');
  }
}

export type ConsultationClosedErrorData = { consultation: string; state: 'sap-mo' | 'da-ket-thuc' | 'khong-ton-tai' };
export class ConsultationClosedError extends AppError<ConsultationClosedErrorData> {
  static readonly code = 'E_CONSULTATION_CLOSED';
  constructor(data: ConsultationClosedErrorData) {
    const sentence =
      data.state === 'sap-mo'
        ? 'Dự thảo chưa đến thời gian lấy ý kiến.'
        : data.state === 'da-ket-thuc'
          ? 'Đã hết thời gian lấy ý kiến đối với dự thảo này.'
          : 'Không tìm thấy dự thảo đang lấy ý kiến.';
    super(ConsultationClosedError.code, 409, data, sentence);
  }
}

/** A browser sends a file's base name only; a path in it means a crafted request. */
export type UnsafeFileNameErrorData = { fileName: string };
export class UnsafeFileNameError extends AppError<UnsafeFileNameErrorData> {
  static readonly code = 'E_UNSAFE_FILE_NAME';
  constructor(data: UnsafeFileNameErrorData) {
    super(UnsafeFileNameError.code, 400, data, 'Tên tệp không hợp lệ. Vui lòng đổi tên tệp (không chứa dấu / hoặc \\) rồi gửi lại.');
  }
}

export type UnsupportedFileErrorData = { fileName: string; reason: 'unknown-content' | 'macro-enabled' | 'empty' };
export class UnsupportedFileError extends AppError<UnsupportedFileErrorData> {
  static readonly code = 'E_UNSUPPORTED_FILE';
  constructor(data: UnsupportedFileErrorData) {
    const sentence =
      data.reason === 'empty'
        ? `Tệp "${data.fileName}" rỗng.`
        : data.reason === 'macro-enabled'
          ? `Tệp "${data.fileName}" chứa macro nên không được nhận. Vui lòng lưu lại dưới dạng DOCX hoặc PDF.`
          : `Tệp "${data.fileName}" không phải PDF, JPEG, PNG, DOCX hoặc ODT.`;
    super(UnsupportedFileError.code, 415, data, sentence);
  }
}

export type FileTypeMismatchErrorData = { fileName: string; detected: 'pdf' | 'jpeg' | 'png' | 'docx' | 'odt'; extension: string };
export class FileTypeMismatchError extends AppError<FileTypeMismatchErrorData> {
  static readonly code = 'E_FILE_TYPE_MISMATCH';
  constructor(data: FileTypeMismatchErrorData) {
    super(FileTypeMismatchError.code, 415, data, `Nội dung tệp "${data.fileName}" không khớp với phần mở rộng .${data.extension || '(không có)'} của tên tệp.`);
  }
}

export type FileTooLargeErrorData = { fileName: string; maxBytes: number };
/** One file a citizen attached is over the limit (the editorial board's uploads have `MediaTooLargeError`). */
export class FileTooLargeError extends AppError<FileTooLargeErrorData> {
  static readonly code = 'E_FILE_TOO_LARGE';
  constructor(data: FileTooLargeErrorData) {
    super(FileTooLargeError.code, 413, data, `Tệp "${data.fileName}" vượt quá dung lượng cho phép (${megabytes(data.maxBytes)}).`);
  }
}

export type AttachmentsTooLargeErrorData = { maxTotalBytes: number; maxFiles: number; files: number; totalBytes: number };
export class AttachmentsTooLargeError extends AppError<AttachmentsTooLargeErrorData> {
  static readonly code = 'E_ATTACHMENTS_TOO_LARGE';
  constructor(data: AttachmentsTooLargeErrorData) {
    super(AttachmentsTooLargeError.code, 413, data, `Mỗi lần gửi tối đa ${data.maxFiles} tệp, tổng dung lượng không quá ${megabytes(data.maxTotalBytes)}.`);
  }
}

// Proof of work and rate limits (docs/adr/0051)

export type ProofOfWorkInvalidErrorData = { reason: 'malformed' | 'signature' | 'scope' | 'insufficient-work' };
export class ProofOfWorkInvalidError extends AppError<ProofOfWorkInvalidErrorData> {
  static readonly code = 'E_POW_INVALID';
  constructor(data: ProofOfWorkInvalidErrorData) {
    super(ProofOfWorkInvalidError.code, 400, data, 'Không xác minh được trình duyệt. Vui lòng tải lại trang và gửi lại.');
  }
}

export type ProofOfWorkExpiredErrorData = { expiredAt: number };
export class ProofOfWorkExpiredError extends AppError<ProofOfWorkExpiredErrorData> {
  static readonly code = 'E_POW_EXPIRED';
  constructor(data: ProofOfWorkExpiredErrorData) {
    super(ProofOfWorkExpiredError.code, 400, data, 'Biểu mẫu đã mở quá lâu. Vui lòng tải lại trang và gửi lại.');
  }
}

export class ProofOfWorkReplayedError extends AppError {
  static readonly code = 'E_POW_REPLAYED';
  constructor() {
    super(ProofOfWorkReplayedError.code, 400, {}, 'Biểu mẫu này đã được gửi. Vui lòng tải lại trang nếu muốn gửi đơn khác.');
  }
}

export type ProofOfWorkRequiredErrorData = Record<string, never>;
export class ProofOfWorkRequiredError extends AppError<ProofOfWorkRequiredErrorData> {
  static readonly code = 'E_POW_REQUIRED';
  constructor(data: ProofOfWorkRequiredErrorData) {
    super(ProofOfWorkRequiredError.code, 400, data, 'Thiếu bước xác minh trình duyệt. Vui lòng bật JavaScript hoặc tải lại trang.');
  }
}

export type RateLimitedErrorData = { retryAfterSeconds: number };
/** Too many submissions or look-ups from one address; the answer says when to come back (`Retry-After`). */
export class RateLimitedError extends AppError<RateLimitedErrorData> {
  static readonly code = 'E_RATE_LIMITED';
  constructor(data: RateLimitedErrorData) {
    const minutes = Math.max(1, Math.ceil(data.retryAfterSeconds / 60));
    super(RateLimitedError.code, 429, data, `Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${minutes} phút.`, { retryAfterSeconds: data.retryAfterSeconds });
  }
}

// A case: its look-up and its handling (docs/adr/0052)

export type InvalidTrackingCodeErrorData = { reason: 'format' | 'check-character' };
export class InvalidTrackingCodeError extends AppError<InvalidTrackingCodeErrorData> {
  static readonly code = 'E_INVALID_TRACKING_CODE';
  constructor(data: InvalidTrackingCodeErrorData) {
    super(
      InvalidTrackingCodeError.code,
      400,
      data,
      data.reason === 'check-character'
        ? 'Mã hồ sơ bị gõ sai một ký tự. Vui lòng kiểm tra lại mã trên giấy biên nhận.'
        : 'Mã hồ sơ không đúng dạng (ví dụ: STP-2026-7KQ4-M9).',
    );
  }
}

/** Internal: the service draws another code; a citizen never sees it unless every retry collides. */
export type TrackingCodeTakenErrorData = { trackingCode: string };
export class TrackingCodeTakenError extends AppError<TrackingCodeTakenErrorData> {
  static readonly code = 'E_TRACKING_CODE_TAKEN';
  constructor(data: TrackingCodeTakenErrorData) {
    super(TrackingCodeTakenError.code, 409, data, 'Hệ thống đang bận, chưa cấp được mã hồ sơ. Vui lòng gửi lại sau ít phút.');
  }
}

/** Also the answer to a wrong secret: a look-up never tells which of code or secret was wrong. */
export type CaseNotFoundErrorData = Record<string, never>;
export class CaseNotFoundError extends AppError<CaseNotFoundErrorData> {
  static readonly code = 'E_CASE_NOT_FOUND';
  constructor(data: CaseNotFoundErrorData) {
    super(CaseNotFoundError.code, 404, data, 'Không tìm thấy hồ sơ với mã và mã bí mật đã nhập. Vui lòng kiểm tra lại.');
  }
}

export type TransitionNotAllowedErrorData = { transition: string; from: string; reason: 'wrong-state' | 'not-this-service' | 'not-this-kind' };
export class TransitionNotAllowedError extends AppError<TransitionNotAllowedErrorData> {
  static readonly code = 'E_TRANSITION_NOT_ALLOWED';
  constructor(data: TransitionNotAllowedErrorData) {
    super(TransitionNotAllowedError.code, 409, data, 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.');
  }
}

export type CasePermissionErrorData = { action: string };
export class CasePermissionError extends AppError<CasePermissionErrorData> {
  static readonly code = 'E_CASE_PERMISSION';
  constructor(data: CasePermissionErrorData) {
    super(CasePermissionError.code, 403, data, 'Bạn không có quyền thực hiện thao tác này đối với hồ sơ.');
  }
}

/** Someone else changed the case between reading and writing it. */
export type CaseConflictErrorData = { caseId: string };
export class CaseConflictError extends AppError<CaseConflictErrorData> {
  static readonly code = 'E_CASE_CONFLICT';
  constructor(data: CaseConflictErrorData) {
    super(CaseConflictError.code, 409, data, 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang rồi thực hiện lại.');
  }
}

export type ReasonRequiredErrorData = { transition: string; field: 'publicText' | 'assignee' };
export class ReasonRequiredError extends AppError<ReasonRequiredErrorData> {
  static readonly code = 'E_REASON_REQUIRED';
  constructor(data: ReasonRequiredErrorData) {
    super(
      ReasonRequiredError.code,
      400,
      data,
      data.field === 'assignee' ? 'Vui lòng chọn cán bộ được phân công.' : 'Vui lòng nhập lý do hoặc nội dung trả lời gửi công dân.',
    );
  }
}

// Deadlines as the law writes them (docs/adr/0056) and signed letters (0057)

export type SignedLetterRequiredErrorData = { kind: string };
/**
 * A complaint or denunciation is accepted only once the letter signed or
 * finger-printed by its sender has reached the department (Luật Khiếu nại
 * 2011 Điều 8, Luật Tố cáo 2018 Điều 23): record it first.
 */
export class SignedLetterRequiredError extends AppError<SignedLetterRequiredErrorData> {
  static readonly code = 'E_SIGNED_LETTER_REQUIRED';
  constructor(data: SignedLetterRequiredErrorData) {
    super(
      SignedLetterRequiredError.code,
      409,
      data,
      `Chưa nhận được đơn ${data.kind === 'to-cao' ? 'tố cáo' : 'khiếu nại'} có chữ ký hoặc điểm chỉ của người gửi: hãy ghi nhận đơn đã ký trước khi thụ lý.`,
    );
  }
}

export type ExtensionNotAllowedErrorData = { transition: string; reason: 'limit-reached' | 'not-in-law'; max: number };
/** The law allows this extension a set number of times (Luật Tố cáo 2018 Điều 24, 30), or not at all for this case. */
export class ExtensionNotAllowedError extends AppError<ExtensionNotAllowedErrorData> {
  static readonly code = 'E_EXTENSION_NOT_ALLOWED';
  constructor(data: ExtensionNotAllowedErrorData) {
    super(
      ExtensionNotAllowedError.code,
      409,
      data,
      data.reason === 'limit-reached'
        ? `Thời hạn này chỉ được gia hạn tối đa ${data.max} lần theo quy định của pháp luật; hồ sơ đã gia hạn đủ số lần.`
        : 'Pháp luật không quy định việc gia hạn này đối với hồ sơ.',
    );
  }
}

// The citizen's rating of a closed case (docs/adr/0058)

export type RatingNotOpenErrorData = { reason: 'not-closed' | 'not-rated-service' | 'window-closed'; days: number };
export class RatingNotOpenError extends AppError<RatingNotOpenErrorData> {
  static readonly code = 'E_RATING_NOT_OPEN';
  constructor(data: RatingNotOpenErrorData) {
    const sentence =
      data.reason === 'window-closed'
        ? `Đã quá ${data.days} ngày kể từ khi hồ sơ kết thúc nên không còn nhận đánh giá.`
        : data.reason === 'not-closed'
          ? 'Hồ sơ chưa kết thúc; Ông/Bà đánh giá được sau khi cơ quan trả lời.'
          : 'Dịch vụ này không lấy đánh giá mức độ hài lòng.';
    super(RatingNotOpenError.code, 409, data, sentence);
  }
}

export type AlreadyRatedErrorData = Record<string, never>;
/** Once per case: the national satisfaction index counts a case once. */
export class AlreadyRatedError extends AppError<AlreadyRatedErrorData> {
  static readonly code = 'E_ALREADY_RATED';
  constructor(data: AlreadyRatedErrorData) {
    super(AlreadyRatedError.code, 409, data, 'Hồ sơ này đã được đánh giá. Cảm ơn Ông/Bà.');
  }
}

export type RatingLinkInvalidErrorData = Record<string, never>;
/** A rating link that was not made by the server for this case: answered like an unknown one. */
export class RatingLinkInvalidError extends AppError<RatingLinkInvalidErrorData> {
  static readonly code = 'E_RATING_LINK_INVALID';
  constructor(data: RatingLinkInvalidErrorData) {
    super(RatingLinkInvalidError.code, 404, data, 'Đường dẫn đánh giá không đúng. Vui lòng mở lại đường dẫn trong thư hoặc đánh giá tại trang Tra cứu.');
  }
}

// Disposal of closed cases past retention (docs/adr/0059)

export type DisposalNotFoundErrorData = Record<string, never>;
export class DisposalNotFoundError extends AppError<DisposalNotFoundErrorData> {
  static readonly code = 'E_DISPOSAL_NOT_FOUND';
  constructor(data: DisposalNotFoundErrorData) {
    super(DisposalNotFoundError.code, 404, data, 'Không tìm thấy danh sách hồ sơ đề nghị huỷ.');
  }
}

export type DisposalDecidedErrorData = { id: string };
export class DisposalDecidedError extends AppError<DisposalDecidedErrorData> {
  static readonly code = 'E_DISPOSAL_DECIDED';
  constructor(data: DisposalDecidedErrorData) {
    super(DisposalDecidedError.code, 409, data, 'Danh sách này đã được phê duyệt trước đó; không có gì thay đổi.');
  }
}
