import { AppError } from '../app-error.ts';

export type ProofOfWorkRequiredErrorData = Record<string, never>;

export class ProofOfWorkRequiredError extends AppError<ProofOfWorkRequiredErrorData> {
  static readonly code = 'E_POW_REQUIRED';

  constructor(data: ProofOfWorkRequiredErrorData) {
    super(ProofOfWorkRequiredError.code, 400, data, 'proof of work missing');
  }
}
