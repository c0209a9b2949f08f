import type { AppError } from './app-error.ts';
import { ROLE_LABELS, type Role } from '../../src/schema/roles.ts';

type Describe = (data: Record<string, unknown>) => string;

function roleLabel(role: unknown): string {
  return typeof role === 'string' && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : String(role ?? '');
}

const WEAK_PASSWORD: Record<string, Describe> = {
  'too-short': (d) => `Mật khẩu mới phải có ít nhất ${d.minLength} ký tự.`,
  'too-long': (d) => `Mật khẩu mới không được dài quá ${d.maxLength} ký tự.`,
  common: () => 'Mật khẩu này quá phổ biến, dễ bị dò ra. Hãy chọn một cụm từ khác.',
  'contains-username': () => 'Mật khẩu không được chứa tên đăng nhập.',
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
    d.locked
      ? `Đăng nhập sai quá nhiều lần, tài khoản tạm bị khóa. Vui lòng thử lại sau ${minutes(d.retryAfterSeconds)}.`
      : `Đăng nhập sai nhiều lần. Vui lòng chờ ${seconds(d.retryAfterSeconds)} rồi thử lại.`,
  E_ACCOUNT_DISABLED: () => 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ Trưởng Ban Biên tập.',
  E_INITIAL_PASSWORD_EXPIRED: () =>
    'Mật khẩu dùng một lần đã hết hạn (72 giờ). Vui lòng đề nghị người quản lý cấp lại mật khẩu.',
  E_PASSWORD_CHANGE_REQUIRED: () => 'Bạn phải đổi mật khẩu trước khi sử dụng hệ thống.',
  E_WRONG_SITE: () => 'Tài khoản này không thuộc trang quản trị của đơn vị này.',
  E_WEAK_PASSWORD: (d) => (WEAK_PASSWORD[String(d.reason)] ?? (() => 'Mật khẩu mới không hợp lệ.'))(d),
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
};

export const INTERNAL_ERROR_MESSAGE = 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.';

/** The Vietnamese sentence shown to a person for an error. */
export function describeError(error: AppError<object>): string {
  const describe = MESSAGES[error.code];
  return describe ? describe(error.data as Record<string, unknown>) : INTERNAL_ERROR_MESSAGE;
}

function seconds(value: unknown): string {
  return `${Number(value)} giây`;
}

function minutes(value: unknown): string {
  return `${Math.max(1, Math.ceil(Number(value) / 60))} phút`;
}
