import { AppError } from '../app-error.ts';

export type ProofOfWorkInvalidErrorData = { reason: 'malformed' | 'signature' | 'scope' | 'insufficient-work' };

export class ProofOfWorkInvalidError extends AppError<ProofOfWorkInvalidErrorData> {
  static readonly code = 'E_POW_INVALID';

  constructor(data: ProofOfWorkInvalidErrorData) {
    super(ProofOfWorkInvalidError.code, 400, data, 'proof of work is invalid');
  }
}
