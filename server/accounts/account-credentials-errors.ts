import { AppError } from '#server/platform/app-error.ts';

/**
 * Refusals around an account's credentials and official e-mail address
 * (docs/adr/0017). One class per refusal, each with a stable `code`,
 * structured `data` and the Vietnamese sentence shown to the person; tests
 * assert `code`, never the sentence.
 */

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
