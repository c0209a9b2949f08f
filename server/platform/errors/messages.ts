import type { AppError } from '../app-error.ts';
import { ROLE_LABELS, type Role } from '#src/schema/roles.ts';
import { passwordAdvice } from './password-advice.ts';

type Describe = (data: Record<string, unknown>) => string;

function roleLabel(role: unknown): string {
  return typeof role === 'string' && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : String(role ?? '');
}

const WEAK_PASSWORD: Record<string, Describe> = {
  'too-short': (d) => `Mật khẩu mới phải có ít nhất ${d.minLength} ký tự.`,
  'too-long': (d) => `Mật khẩu mới không được dài quá ${d.maxLength} ký tự.`,
  'whitespace-only': () => 'Mật khẩu không được chỉ gồm dấu cách.',
  common: () => 'Mật khẩu này quá phổ biến, dễ bị dò ra. Hãy chọn một cụm từ khác.',
  'contains-username': () => 'Mật khẩu không được chứa tên đăng nhập.',
  'contains-name': () => 'Mật khẩu không được chứa họ tên của bạn (kể cả khi viết không dấu): đó là điều người dò mật khẩu thử đầu tiên.',
  repeated: () => 'Mật khẩu lặp lại một ký tự hoặc một đoạn (như "aaaa", "abcabc"), rất dễ đoán.',
  sequence: () => 'Mật khẩu là một dãy liên tiếp (như "abcdef", "123456"), rất dễ đoán.',
  'keyboard-pattern': () => 'Mật khẩu là một đường gõ trên bàn phím (như "qwerty", "1qaz2wsx"), rất dễ đoán.',
  dates: () => 'Mật khẩu dựa vào ngày tháng hoặc năm (như ngày sinh), rất dễ đoán.',
  guessable: () => 'Mật khẩu này vẫn dễ bị dò ra.',
  'same-as-current': () => 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  'control-characters': () => 'Mật khẩu chứa ký tự điều khiển không hợp lệ.',
  mismatch: () => 'Hai lần nhập mật khẩu mới không khớp nhau.',
};

const INVALID_NAME: Record<string, Describe> = {
  empty: () => 'Vui lòng nhập họ và tên.',
  'no-letters': () => 'Họ và tên phải có chữ cái.',
  'control-characters': () => 'Họ và tên chứa ký tự điều khiển không hợp lệ.',
  'too-long': (d) => `Họ và tên không được dài quá ${d.maxLength} ký tự.`,
  'username-too-long': (d) => `Tên đăng nhập tạo ra sẽ dài quá ${d.maxLength} ký tự.`,
};

const MESSAGES: Record<string, Describe> = {
  E_NOT_AUTHENTICATED: () => 'Vui lòng đăng nhập để tiếp tục.',
  E_INVALID_CREDENTIALS: () => 'Tên đăng nhập hoặc mật khẩu không đúng.',
  E_THROTTLED: (d) =>
    d.capped
      ? `Đã có quá nhiều lần đăng nhập sai vào tài khoản này trong một giờ qua. Từ máy này, vui lòng thử lại sau ${minutes(d.retryAfterSeconds)}; trên máy bạn đã từng đăng nhập, bạn vẫn đăng nhập được ngay.`
      : `Đăng nhập sai nhiều lần. Vui lòng chờ ${seconds(d.retryAfterSeconds)} rồi thử lại.`,
  E_ACCOUNT_DISABLED: () => 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ Trưởng Ban Biên tập.',
  E_INITIAL_PASSWORD_EXPIRED: () =>
    'Mật khẩu dùng một lần đã hết hạn (72 giờ). Vui lòng đề nghị người quản lý cấp lại mật khẩu.',
  E_PASSWORD_CHANGE_REQUIRED: () => 'Bạn phải đổi mật khẩu trước khi sử dụng hệ thống.',
  E_WRONG_SITE: () => 'Tài khoản này không thuộc trang quản trị của đơn vị này.',
  E_WEAK_PASSWORD: (d) => `${(WEAK_PASSWORD[String(d.reason)] ?? (() => 'Mật khẩu mới không hợp lệ.'))(d)}${passwordAdvice(d.suggestions)}`,
  E_INVALID_NAME: (d) => (INVALID_NAME[String(d.reason)] ?? (() => 'Họ và tên không hợp lệ.'))(d),
  E_INVALID_INPUT: () => 'Dữ liệu gửi lên không hợp lệ.',
  E_PERMISSION_DENIED: () => 'Bạn không có quyền thực hiện thao tác này.',
  E_OUTSIDE_DEPARTMENT: () => 'Bạn chỉ được quản lý tài khoản trong đơn vị của mình.',
  E_RANK_NOT_LOWER: (d) => `Bạn không được thay đổi tài khoản có vai trò ${roleLabel(d.targetRole)}.`,
  E_SELF_ACTION: () => 'Bạn không được tự thay đổi tài khoản của chính mình (trừ đổi mật khẩu).',
  E_BOARD_LIMIT: (d) => `Ban Biên tập chỉ được có tối đa ${d.limit} ${roleLabel(d.role)}.`,
  E_NOT_APPLICABLE: (d) =>
    d.what === 'sections'
      ? `Vai trò ${roleLabel(d.role)} không được phân công chuyên mục.`
      : `Không thể ủy quyền cho vai trò ${roleLabel(d.role)}.`,
  E_ACCOUNT_NOT_FOUND: () => 'Không tìm thấy tài khoản.',
  E_USERNAME_TAKEN: (d) => `Tên đăng nhập ${d.username} đã tồn tại.`,
  E_UNKNOWN_SITE: () => 'Không có trang nào được phục vụ tại địa chỉ này.',
  E_UNKNOWN_DEPARTMENT: () => 'Không tìm thấy đơn vị.',
  E_CROSS_ORIGIN: () => 'Yêu cầu bị từ chối vì không xuất phát từ trang này.',
  E_CONTENT_TYPE: () => 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
  E_PAYLOAD_TOO_LARGE: () => 'Dữ liệu gửi lên quá lớn.',
  E_MALFORMED_SESSION: () => 'Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.',
  E_NOT_FOUND: () => 'Không tìm thấy trang.',
  E_INVALID_TRACKING_CODE: (d) =>
    d.reason === 'check-character'
      ? 'Mã hồ sơ bị gõ sai một ký tự. Vui lòng kiểm tra lại mã trên giấy biên nhận.'
      : 'Mã hồ sơ không đúng dạng (ví dụ: STP-2026-7KQ4-M9).',
  E_UNSUPPORTED_FILE: (d) =>
    d.reason === 'empty'
      ? `Tệp "${d.fileName}" rỗng.`
      : d.reason === 'macro-enabled'
        ? `Tệp "${d.fileName}" chứa macro nên không được nhận. Vui lòng lưu lại dưới dạng DOCX hoặc PDF.`
        : `Tệp "${d.fileName}" không phải PDF, JPEG, PNG, DOCX hoặc ODT.`,
  E_FILE_TYPE_MISMATCH: (d) => `Nội dung tệp "${d.fileName}" không khớp với phần mở rộng .${d.extension || '(không có)'} của tên tệp.`,
  E_FILE_TOO_LARGE: (d) => `Tệp "${d.fileName}" vượt quá dung lượng cho phép (${megabytes(d.maxBytes)}).`,
  E_ATTACHMENTS_TOO_LARGE: (d) => `Mỗi lần gửi tối đa ${d.maxFiles} tệp, tổng dung lượng không quá ${megabytes(d.maxTotalBytes)}.`,
  E_POW_INVALID: () => 'Không xác minh được trình duyệt. Vui lòng tải lại trang và gửi lại.',
  E_POW_EXPIRED: () => 'Biểu mẫu đã mở quá lâu. Vui lòng tải lại trang và gửi lại.',
  E_POW_REPLAYED: () => 'Biểu mẫu này đã được gửi. Vui lòng tải lại trang nếu muốn gửi đơn khác.',
  E_POW_REQUIRED: () => 'Thiếu bước xác minh trình duyệt. Vui lòng bật JavaScript hoặc tải lại trang.',
  E_RATE_LIMITED: (d) => `Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${minutes(d.retryAfterSeconds)}.`,
  E_CASE_NOT_FOUND: () => 'Không tìm thấy hồ sơ với mã và mã bí mật đã nhập. Vui lòng kiểm tra lại.',
  E_TRANSITION_NOT_ALLOWED: () => 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
  E_CASE_PERMISSION: () => 'Bạn không có quyền thực hiện thao tác này đối với hồ sơ.',
  E_CASE_CONFLICT: () => 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang rồi thực hiện lại.',
  E_SERVICE_DISABLED: () => 'Đơn vị không cung cấp dịch vụ trực tuyến này.',
  E_CONSULTATION_CLOSED: (d) =>
    d.state === 'sap-mo'
      ? 'Dự thảo chưa đến thời gian lấy ý kiến.'
      : d.state === 'da-ket-thuc'
        ? 'Đã hết thời gian lấy ý kiến đối với dự thảo này.'
        : 'Không tìm thấy dự thảo đang lấy ý kiến.',
  E_UNKNOWN_PROCEDURE: () => 'Không tìm thấy thủ tục hành chính này trên trang của đơn vị.',
  E_SPAM_SUSPECTED: () => 'Dữ liệu biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.',
  E_REASON_REQUIRED: (d) => (d.field === 'assignee' ? 'Vui lòng chọn cán bộ được phân công.' : 'Vui lòng nhập lý do hoặc nội dung trả lời gửi công dân.'),
  E_UNSAFE_FILE_NAME: () => 'Tên tệp không hợp lệ. Vui lòng đổi tên tệp (không chứa dấu / hoặc \\) rồi gửi lại.',
  E_INVALID_IDEMPOTENCY_KEY: () => 'Dữ liệu biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.',
  E_TRACKING_CODE_TAKEN: () => 'Hệ thống đang bận, chưa cấp được mã hồ sơ. Vui lòng gửi lại sau ít phút.',
  E_INVALID_PERIOD: () => 'Kỳ báo cáo không hợp lệ. Hãy nhập tuần (2026-W48), tháng (2026-11), quý (2026-Q4) hoặc năm (2026).',
  E_CSV_PARSE: (d) => `Tệp CSV bị lỗi ở dòng ${d.line}.`,
};

export const INTERNAL_ERROR_MESSAGE = 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.';

/** The Vietnamese sentence shown to a person for an error. */
export function describeError(error: AppError<object>): string {
  const describe = MESSAGES[error.code];
  // Errors of a capability's own errors file build their Vietnamese sentence in the constructor.
  return describe ? describe(error.data as Record<string, unknown>) : error.message || INTERNAL_ERROR_MESSAGE;
}

function seconds(value: unknown): string {
  return `${Number(value)} giây`;
}

function minutes(value: unknown): string {
  return `${Math.max(1, Math.ceil(Number(value) / 60))} phút`;
}

function megabytes(value: unknown): string {
  return `${Math.round(Number(value) / (1024 * 1024))} MB`;
}
