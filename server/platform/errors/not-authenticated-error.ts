import { AppError } from '../app-error.ts';

export class NotAuthenticatedError extends AppError {
  static readonly code = 'E_NOT_AUTHENTICATED';

  constructor() {
    super(NotAuthenticatedError.code, 401, {}, 'authentication required');
  }
}
