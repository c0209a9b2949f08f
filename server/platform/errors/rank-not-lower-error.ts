import { AppError } from '../app-error.ts';

export type RankNotLowerErrorData = { action: string; actorRole: string; targetRole: string };

export class RankNotLowerError extends AppError<RankNotLowerErrorData> {
  static readonly code = 'E_RANK_NOT_LOWER';

  constructor(data: RankNotLowerErrorData) {
    super(RankNotLowerError.code, 403, data, 'target rank is equal to or above the actor');
  }
}
