import { AppError } from '../app-error.ts';

export type EmailTakenErrorData = { email: string };
/** An official address belongs to one person: two accounts never share it. */
export class EmailTakenError extends AppError<EmailTakenErrorData> {
  static readonly code = 'E_EMAIL_TAKEN';
  constructor(data: EmailTakenErrorData) {
    super(EmailTakenError.code, 409, data, 'Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác; mỗi người một hộp thư công vụ riêng.');
  }
}
