import { AppError } from '../app-error.ts';

export type InvalidNameErrorData = { reason: 'empty' | 'no-letters' | 'control-characters' | 'too-long' | 'username-too-long'; maxLength: number };

export class InvalidNameError extends AppError<InvalidNameErrorData> {
  static readonly code = 'E_INVALID_NAME';

  constructor(data: InvalidNameErrorData) {
    super(InvalidNameError.code, 400, data, 'full name cannot make a username');
  }
}
