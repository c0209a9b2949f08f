import { AppError } from '../app-error.ts';

export type TransitionNotAllowedErrorData = { transition: string; from: string; reason: 'wrong-state' | 'not-this-service' };

export class TransitionNotAllowedError extends AppError<TransitionNotAllowedErrorData> {
  static readonly code = 'E_TRANSITION_NOT_ALLOWED';

  constructor(data: TransitionNotAllowedErrorData) {
    super(TransitionNotAllowedError.code, 409, data, 'transition not allowed from this state');
  }
}
