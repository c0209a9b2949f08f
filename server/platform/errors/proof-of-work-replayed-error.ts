import { AppError } from '../app-error.ts';

export class ProofOfWorkReplayedError extends AppError<Record<string, never>> {
  static readonly code = 'E_POW_REPLAYED';

  constructor() {
    super(ProofOfWorkReplayedError.code, 400, {}, 'proof of work challenge already used');
  }
}
