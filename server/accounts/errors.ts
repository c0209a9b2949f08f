import { AppError } from '#server/platform/app-error.ts';
import { DomainError } from '#src/errors.ts';
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

export class NotAuthenticatedError extends AppError {
  static readonly code = 'E_NOT_AUTHENTICATED';
  constructor() {
    super(NotAuthenticatedError.code, 401, {}, 'Vui lòng đăng nhập để tiếp tục.');
  }
}

export class InvalidCredentialsError extends AppError {
  static readonly code = 'E_INVALID_CREDENTIALS';
  constructor() {
    super(InvalidCredentialsError.code, 401, {}, 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
}

/** `capped`: the hourly cap of the bucket is reached (docs/adr/0018); otherwise a growing delay. */
export type ThrottledErrorData = { retryAfterSeconds: number; capped: boolean };
export class ThrottledError extends AppError<ThrottledErrorData> {
  static readonly code = 'E_THROTTLED';
  constructor(data: ThrottledErrorData) {
    const minutes = Math.max(1, Math.ceil(data.retryAfterSeconds / 60));
    super(
      ThrottledError.code,
      429,
      data,
      data.capped
        ? `Đã có quá nhiều lần đăng nhập sai vào tài khoản này trong một giờ qua. Từ máy này, vui lòng thử lại sau ${minutes} phút; trên máy bạn đã từng đăng nhập, bạn vẫn đăng nhập được ngay.`
        : `Đăng nhập sai nhiều lần. Vui lòng chờ ${data.retryAfterSeconds} giây rồi thử lại.`,
      { retryAfterSeconds: data.retryAfterSeconds },
    );
  }
}

export class AccountDisabledError extends AppError {
  static readonly code = 'E_ACCOUNT_DISABLED';
  constructor() {
    super(AccountDisabledError.code, 403, {}, 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ Trưởng Ban Biên tập.');
  }
}

export class InitialPasswordExpiredError extends AppError {
  static readonly code = 'E_INITIAL_PASSWORD_EXPIRED';
  constructor() {
    super(InitialPasswordExpiredError.code, 401, {}, 'Mật khẩu dùng một lần đã hết hạn (72 giờ). Vui lòng đề nghị người quản lý cấp lại mật khẩu.');
  }
}

export class PasswordChangeRequiredError extends AppError {
  static readonly code = 'E_PASSWORD_CHANGE_REQUIRED';
  constructor() {
    super(PasswordChangeRequiredError.code, 403, {}, 'Bạn phải đổi mật khẩu trước khi sử dụng hệ thống.');
  }
}

export type WrongSiteErrorData = { accountDepartmentId: string | null };
export class WrongSiteError extends AppError<WrongSiteErrorData> {
  static readonly code = 'E_WRONG_SITE';
  constructor(data: WrongSiteErrorData) {
    super(WrongSiteError.code, 403, data, 'Tài khoản này không thuộc trang quản trị của đơn vị này.');
  }
}

export class MalformedSessionError extends AppError {
  static readonly code = 'E_MALFORMED_SESSION';
  constructor() {
    super(MalformedSessionError.code, 400, {}, 'Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.');
  }
}

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

export class WeakPasswordError extends AppError<WeakPasswordErrorData> {
  static readonly code = 'E_WEAK_PASSWORD';
  constructor(data: WeakPasswordErrorData) {
    const reason = WEAK_PASSWORD[data.reason]?.(data) ?? 'Mật khẩu mới không hợp lệ.';
    super(WeakPasswordError.code, 400, data, `${reason}${passwordAdvice(data.suggestions)}`);
  }
}

export type InvalidNameErrorData = { reason: 'empty' | 'no-letters' | 'control-characters' | 'too-long' | 'username-too-long'; maxLength: number };

const INVALID_NAME: Record<InvalidNameErrorData['reason'], (data: InvalidNameErrorData) => string> = {
  empty: () => 'Vui lòng nhập họ và tên.',
  'no-letters': () => 'Họ và tên phải có chữ cái.',
  'control-characters': () => 'Họ và tên chứa ký tự điều khiển không hợp lệ.',
  'too-long': (d) => `Họ và tên không được dài quá ${d.maxLength} ký tự.`,
  'username-too-long': (d) => `Tên đăng nhập tạo ra sẽ dài quá ${d.maxLength} ký tự.`,
};

/** The full name cannot make a username (docs/adr/0012). */
export class InvalidNameError extends AppError<InvalidNameErrorData> {
  static readonly code = 'E_INVALID_NAME';
  constructor(data: InvalidNameErrorData) {
    super(InvalidNameError.code, 400, data, INVALID_NAME[data.reason]?.(data) ?? 'Họ và tên không hợp lệ.');
  }
}

// The account policy (docs/adr/0013)

export type RankNotLowerErrorData = { action: string; actorRole: string; targetRole: string };
export class RankNotLowerError extends AppError<RankNotLowerErrorData> {
  static readonly code = 'E_RANK_NOT_LOWER';
  constructor(data: RankNotLowerErrorData) {
    super(RankNotLowerError.code, 403, data, `Bạn không được thay đổi tài khoản có vai trò ${roleLabel(data.targetRole)}.`);
  }
}

export type SelfActionErrorData = { action: string };
export class SelfActionError extends AppError<SelfActionErrorData> {
  static readonly code = 'E_SELF_ACTION';
  constructor(data: SelfActionErrorData) {
    super(SelfActionError.code, 403, data, 'Bạn không được tự thay đổi tài khoản của chính mình (trừ đổi mật khẩu).');
  }
}

export type BoardLimitErrorData = { role: string; limit: number };
export class BoardLimitError extends AppError<BoardLimitErrorData> {
  static readonly code = 'E_BOARD_LIMIT';
  constructor(data: BoardLimitErrorData) {
    super(BoardLimitError.code, 409, data, `Ban Biên tập chỉ được có tối đa ${data.limit} ${roleLabel(data.role)}.`);
  }
}

export type NotApplicableErrorData = { what: 'sections' | 'delegation'; role: string };
export class NotApplicableError extends AppError<NotApplicableErrorData> {
  static readonly code = 'E_NOT_APPLICABLE';
  constructor(data: NotApplicableErrorData) {
    super(
      NotApplicableError.code,
      400,
      data,
      data.what === 'sections' ? `Vai trò ${roleLabel(data.role)} không được phân công chuyên mục.` : `Không thể ủy quyền cho vai trò ${roleLabel(data.role)}.`,
    );
  }
}

export type AccountNotFoundErrorData = { username: string };
export class AccountNotFoundError extends AppError<AccountNotFoundErrorData> {
  static readonly code = 'E_ACCOUNT_NOT_FOUND';
  constructor(data: AccountNotFoundErrorData) {
    super(AccountNotFoundError.code, 404, data, 'Không tìm thấy tài khoản.');
  }
}

export type UsernameTakenErrorData = { username: string };
export class UsernameTakenError extends AppError<UsernameTakenErrorData> {
  static readonly code = 'E_USERNAME_TAKEN';
  constructor(data: UsernameTakenErrorData) {
    super(UsernameTakenError.code, 409, data, `Tên đăng nhập ${data.username} đã tồn tại.`);
  }
}

// Official e-mail addresses and one-time passwords (docs/adr/0017)

export type EmailTakenErrorData = { email: string };
/** An official address belongs to one person: two accounts never share it. */
export class EmailTakenError extends AppError<EmailTakenErrorData> {
  static readonly code = 'E_EMAIL_TAKEN';
  constructor(data: EmailTakenErrorData) {
    super(EmailTakenError.code, 409, data, 'Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác; mỗi người một hộp thư công vụ riêng.');
  }
}

export type UnofficialEmailErrorData = { email: string; reason: 'invalid' | 'not-official' };
/** One-time passwords go only to an official mailbox of a state body (Chỉ thị 34/2008/CT-TTg): `…gov.vn`. */
export class UnofficialEmailError extends AppError<UnofficialEmailErrorData> {
  static readonly code = 'E_UNOFFICIAL_EMAIL';
  constructor(data: UnofficialEmailErrorData) {
    super(
      UnofficialEmailError.code,
      400,
      data,
      data.reason === 'invalid'
        ? 'Địa chỉ thư điện tử không đúng dạng (ví dụ: nvan@sotuphap.thuathienhue.gov.vn).'
        : 'Chỉ dùng hộp thư công vụ có đuôi .gov.vn: mật khẩu dùng một lần được gửi tới địa chỉ này.',
    );
  }
}

export type OneTimePasswordNotSentErrorData = { username: string; accountCreated: boolean };
/**
 * The relay refused or could not be reached. A reset changes nothing then;
 * a new account exists but its one-time password reached nobody.
 */
export class OneTimePasswordNotSentError extends AppError<OneTimePasswordNotSentErrorData> {
  static readonly code = 'E_ONE_TIME_PASSWORD_NOT_SENT';
  constructor(data: OneTimePasswordNotSentErrorData) {
    super(
      OneTimePasswordNotSentError.code,
      503,
      data,
      data.accountCreated
        ? `Đã tạo tài khoản ${data.username} nhưng chưa gửi được thư chứa mật khẩu dùng một lần. Khi hệ thống thư hoạt động lại, hãy dùng "Cấp lại mật khẩu".`
        : 'Chưa gửi được thư chứa mật khẩu dùng một lần nên mật khẩu chưa được cấp lại. Vui lòng thử lại sau hoặc báo Cán bộ chuyên trách CNTT.',
    );
  }
}

// The operator's command line (`npm run users`)

export type UsersCommandUsageErrorData = { reason: 'missing-option' | 'invalid-role' | 'unknown-command'; value: string | null };
const USAGE_PROBLEMS: Record<UsersCommandUsageErrorData['reason'], (value: string | null) => string> = {
  'missing-option': (option) => `Thiếu ${option}.`,
  'invalid-role': (role) => `Vai trò không hợp lệ: ${role ?? '(trống)'}.`,
  'unknown-command': (command) => (command ? `Lệnh không rõ: ${command}.` : 'Thiếu lệnh.'),
};

/** The command line is incomplete or unknown: printed with the usage, it never reaches HTTP. */
export class UsersCommandUsageError extends DomainError<UsersCommandUsageErrorData> {
  static readonly code = 'E_USERS_COMMAND_USAGE';
  constructor(data: UsersCommandUsageErrorData) {
    super(UsersCommandUsageError.code, data, USAGE_PROBLEMS[data.reason](data.value));
  }
}
