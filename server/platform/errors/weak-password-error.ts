import { AppError } from '../app-error.ts';

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
  /** What would help, as zxcvbn's suggestion keys (`anotherWord`, `repeated`…); the sentences are Vietnamese (messages.ts). */
  suggestions?: string[];
};

export class WeakPasswordError extends AppError<WeakPasswordErrorData> {
  static readonly code = 'E_WEAK_PASSWORD';

  constructor(data: WeakPasswordErrorData) {
    super(WeakPasswordError.code, 400, data, 'new password refused by policy');
  }
}
