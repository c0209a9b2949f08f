import { AppError } from '../app-error.ts';

export class MalformedSessionError extends AppError {
  static readonly code = 'E_MALFORMED_SESSION';

  constructor() {
    super(MalformedSessionError.code, 400, {}, 'session cookie is malformed');
  }
}
