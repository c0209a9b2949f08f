import { AppError } from '../app-error.ts';

export type ProofOfWorkExpiredErrorData = { expiredAt: number };

export class ProofOfWorkExpiredError extends AppError<ProofOfWorkExpiredErrorData> {
  static readonly code = 'E_POW_EXPIRED';

  constructor(data: ProofOfWorkExpiredErrorData) {
    super(ProofOfWorkExpiredError.code, 400, data, 'proof of work challenge expired');
  }
}
