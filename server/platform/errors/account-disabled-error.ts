import { AppError } from '../app-error.ts';

export class AccountDisabledError extends AppError {
  static readonly code = 'E_ACCOUNT_DISABLED';

  constructor() {
    super(AccountDisabledError.code, 403, {}, 'account is disabled');
  }
}
