import { appError } from '#server/platform/app-error.ts';
import { domainError } from '#src/errors.ts';
import { ROLE_LABELS, type Role } from '#src/schema/roles.ts';
import { passwordAdvice } from './password-advice.ts';

/**
 * Refusals of the accounts (Điều 11): signing in, sessions, passwords, the
 * account policy (docs/adr/0013) and official e-mail addresses
 * (docs/adr/0017). Each keeps its stable `code`, HTTP status, typed `data`
 * and the Vietnamese sentence the person reads together
 * (docs/adr/0081-one-error-shape.md); tests assert `code`, never the sentence.
 */

function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role;
}

// Signing in and sessions

export const NotAuthenticatedError = appError('E_NOT_AUTHENTICATED', 401, () => 'Vui lòng đăng nhập để tiếp tục.');

export const InvalidCredentialsError = appError(
  'E_INVALID_CREDENTIALS',
  401,
  () => 'Tên đăng nhập hoặc mật khẩu không đúng.',
);

/** `capped`: the hourly cap of the bucket is reached (docs/adr/0018); otherwise a growing delay. */
export const ThrottledError = appError<{ retryAfterSeconds: number; capped: boolean }>(
  'E_THROTTLED',
  429,
  (data) => {
    const minutes = Math.max(1, Math.ceil(data.retryAfterSeconds / 60));
    return data.capped
      ? `Đã có quá nhiều lần đăng nhập sai vào tài khoản này trong một giờ qua. Từ máy này, vui lòng thử lại sau ${minutes} phút; trên máy bạn đã từng đăng nhập, bạn vẫn đăng nhập được ngay.`
      : `Đăng nhập sai nhiều lần. Vui lòng chờ ${data.retryAfterSeconds} giây rồi thử lại.`;
  },
  { retryAfterSeconds: (data) => data.retryAfterSeconds },
);

export const AccountDisabledError = appError(
  'E_ACCOUNT_DISABLED',
  403,
  () => 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ Trưởng Ban Biên tập.',
);

export const InitialPasswordExpiredError = appError(
  'E_INITIAL_PASSWORD_EXPIRED',
  401,
  () => 'Mật khẩu dùng một lần đã hết hạn (72 giờ). Vui lòng đề nghị người quản lý cấp lại mật khẩu.',
);

export const PasswordChangeRequiredError = appError(
  'E_PASSWORD_CHANGE_REQUIRED',
  403,
  () => 'Bạn phải đổi mật khẩu trước khi sử dụng hệ thống.',
);

export const WrongSiteError = appError<{ accountDepartmentId: string | null }>(
  'E_WRONG_SITE',
  403,
  () => 'Tài khoản này không thuộc trang quản trị của đơn vị này.',
);

export const MalformedSessionError = appError(
  'E_MALFORMED_SESSION',
  400,
  () => 'Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.',
);

// Passwords and names (docs/adr/0016, 0019)

export type WeakPasswordReason =
  | 'too-short'
  | 'too-long'
  | 'whitespace-only'
  | 'common'
  | 'contains-username'
  | 'contains-name'
  | 'repeated'
  | 'sequence'
  | 'keyboard-pattern'
  | 'dates'
  | 'guessable'
  | 'same-as-current'
  | 'control-characters'
  | 'mismatch';

export type WeakPasswordErrorData = {
  reason: WeakPasswordReason;
  minLength: number;
  maxLength: number;
  /** What would help, as zxcvbn's suggestion keys (`anotherWord`, `repeated`…); the sentences are Vietnamese (password-advice.ts). */
  suggestions?: string[];
};

const WEAK_PASSWORD: Record<WeakPasswordReason, (data: WeakPasswordErrorData) => string> = {
  'too-short': (d) => `Mật khẩu mới phải có ít nhất ${d.minLength} ký tự.`,
  'too-long': (d) => `Mật khẩu mới không được dài quá ${d.maxLength} ký tự.`,
  'whitespace-only': () => 'Mật khẩu không được chỉ gồm dấu cách.',
  common: () => 'Mật khẩu này quá phổ biến, dễ bị dò ra. Hãy chọn một cụm từ khác.',
  'contains-username': () => 'Mật khẩu không được chứa tên đăng nhập.',
  'contains-name': () =>
    'Mật khẩu không được chứa họ tên của bạn (kể cả khi viết không dấu): đó là điều người dò mật khẩu thử đầu tiên.',
  repeated: () => 'Mật khẩu lặp lại một ký tự hoặc một đoạn (như "aaaa", "abcabc"), rất dễ đoán.',
  sequence: () => 'Mật khẩu là một dãy liên tiếp (như "abcdef", "123456"), rất dễ đoán.',
  'keyboard-pattern': () => 'Mật khẩu là một đường gõ trên bàn phím (như "qwerty", "1qaz2wsx"), rất dễ đoán.',
  dates: () => 'Mật khẩu dựa vào ngày tháng hoặc năm (như ngày sinh), rất dễ đoán.',
  guessable: () => 'Mật khẩu này vẫn dễ bị dò ra.',
  'same-as-current': () => 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  'control-characters': () => 'Mật khẩu chứa ký tự điều khiển không hợp lệ.',
  mismatch: () => 'Hai lần nhập mật khẩu mới không khớp nhau.',
};

export const WeakPasswordError = appError<WeakPasswordErrorData>('E_WEAK_PASSWORD', 400, (data) => {
  const reason = WEAK_PASSWORD[data.reason]?.(data) ?? 'Mật khẩu mới không hợp lệ.';
  return `${reason}${passwordAdvice(data.suggestions)}`;
});

export type InvalidNameErrorData = {
  reason: 'empty' | 'no-letters' | 'control-characters' | 'too-long' | 'username-too-long';
  maxLength: number;
};

const INVALID_NAME: Record<InvalidNameErrorData['reason'], (data: InvalidNameErrorData) => string> = {
  empty: () => 'Vui lòng nhập họ và tên.',
  'no-letters': () => 'Họ và tên phải có chữ cái.',
  'control-characters': () => 'Họ và tên chứa ký tự điều khiển không hợp lệ.',
  'too-long': (d) => `Họ và tên không được dài quá ${d.maxLength} ký tự.`,
  'username-too-long': (d) => `Tên đăng nhập tạo ra sẽ dài quá ${d.maxLength} ký tự.`,
};

/** The full name cannot make a username (docs/adr/0012). */
export const InvalidNameError = appError<InvalidNameErrorData>(
  'E_INVALID_NAME',
  400,
  (data) => INVALID_NAME[data.reason]?.(data) ?? 'Họ và tên không hợp lệ.',
);

// The account policy (docs/adr/0013)
export const RankNotLowerError = appError<{ action: string; actorRole: string; targetRole: string }>(
  'E_RANK_NOT_LOWER',
  403,
  (data) => `Bạn không được thay đổi tài khoản có vai trò ${roleLabel(data.targetRole)}.`,
);

export const SelfActionError = appError<{ action: string }>(
  'E_SELF_ACTION',
  403,
  () => 'Bạn không được tự thay đổi tài khoản của chính mình (trừ đổi mật khẩu).',
);

export const BoardLimitError = appError<{ role: string; limit: number }>(
  'E_BOARD_LIMIT',
  409,
  (data) => `Ban Biên tập chỉ được có tối đa ${data.limit} ${roleLabel(data.role)}.`,
);

export const NotApplicableError = appError<{ what: 'sections' | 'delegation'; role: string }>(
  'E_NOT_APPLICABLE',
  400,
  (data) =>
    data.what === 'sections'
      ? `Vai trò ${roleLabel(data.role)} không được phân công chuyên mục.`
      : `Không thể ủy quyền cho vai trò ${roleLabel(data.role)}.`,
);

export const AccountNotFoundError = appError<{ username: string }>(
  'E_ACCOUNT_NOT_FOUND',
  404,
  () => 'Không tìm thấy tài khoản.',
);

export const UsernameTakenError = appError<{ username: string }>(
  'E_USERNAME_TAKEN',
  409,
  (data) => `Tên đăng nhập ${data.username} đã tồn tại.`,
);

/** An official address belongs to one person: two accounts never share it. */
export const EmailTakenError = appError<{ email: string }>(
  'E_EMAIL_TAKEN',
  409,
  () => 'Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác; mỗi người một hộp thư công vụ riêng.',
);

/** One-time passwords go only to an official mailbox of a state body (Chỉ thị 34/2008/CT-TTg): `…gov.vn`. */
export const UnofficialEmailError = appError<{ email: string; reason: 'invalid' | 'not-official' }>(
  'E_UNOFFICIAL_EMAIL',
  400,
  (data) =>
    data.reason === 'invalid'
      ? 'Địa chỉ thư điện tử không đúng dạng (ví dụ: nvan@sotuphap.thuathienhue.gov.vn).'
      : 'Chỉ dùng hộp thư công vụ có đuôi .gov.vn: mật khẩu dùng một lần được gửi tới địa chỉ này.',
);

/**
 * The relay refused or could not be reached. A reset changes nothing then;
 * a new account exists but its one-time password reached nobody.
 */
export const OneTimePasswordNotSentError = appError<{ username: string; accountCreated: boolean }>(
  'E_ONE_TIME_PASSWORD_NOT_SENT',
  503,
  (data) =>
    data.accountCreated
      ? `Đã tạo tài khoản ${data.username} nhưng chưa gửi được thư chứa mật khẩu dùng một lần. Khi hệ thống thư hoạt động lại, hãy dùng "Cấp lại mật khẩu".`
      : 'Chưa gửi được thư chứa mật khẩu dùng một lần nên mật khẩu chưa được cấp lại. Vui lòng thử lại sau hoặc báo Cán bộ chuyên trách CNTT.',
);

// The operator's command line (`npm run users`)

export type UsersCommandUsageErrorData = {
  reason: 'missing-option' | 'invalid-role' | 'unknown-command';
  value: string | null;
};
const USAGE_PROBLEMS: Record<UsersCommandUsageErrorData['reason'], (value: string | null) => string> = {
  'missing-option': (option) => `Thiếu ${option}.`,
  'invalid-role': (role) => `Vai trò không hợp lệ: ${role ?? '(trống)'}.`,
  'unknown-command': (command) => (command ? `Lệnh không rõ: ${command}.` : 'Thiếu lệnh.'),
};

/** The command line is incomplete or unknown: printed with the usage, it never reaches HTTP. */
export const UsersCommandUsageError = domainError<UsersCommandUsageErrorData>('E_USERS_COMMAND_USAGE', (data) =>
  USAGE_PROBLEMS[data.reason](data.value),
);
