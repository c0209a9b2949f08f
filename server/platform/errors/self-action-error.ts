import { AppError } from '../app-error.ts';

export type SelfActionErrorData = { action: string };

export class SelfActionError extends AppError<SelfActionErrorData> {
  static readonly code = 'E_SELF_ACTION';

  constructor(data: SelfActionErrorData) {
    super(SelfActionError.code, 403, data, 'this action cannot target your own account');
  }
}
