import { AppError } from './app-error.ts';

export type WeakPasswordErrorData = { reason: 'too-short' | 'too-long' | 'common' | 'contains-username' | 'same-as-current' | 'control-characters' | 'mismatch'; minLength: number; maxLength: number };

export class WeakPasswordError extends AppError<WeakPasswordErrorData> {
  static readonly code = 'E_WEAK_PASSWORD';

  constructor(data: WeakPasswordErrorData) {
    super(WeakPasswordError.code, 400, data, 'new password refused by policy');
  }
}
