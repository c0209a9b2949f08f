import { AppError } from '../app-error.ts';

export type AccountNotFoundErrorData = { username: string };

export class AccountNotFoundError extends AppError<AccountNotFoundErrorData> {
  static readonly code = 'E_ACCOUNT_NOT_FOUND';

  constructor(data: AccountNotFoundErrorData) {
    super(AccountNotFoundError.code, 404, data, 'no such account');
  }
}
