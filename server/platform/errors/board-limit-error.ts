import { AppError } from '../app-error.ts';

export type BoardLimitErrorData = { role: string; limit: number };

export class BoardLimitError extends AppError<BoardLimitErrorData> {
  static readonly code = 'E_BOARD_LIMIT';

  constructor(data: BoardLimitErrorData) {
    super(BoardLimitError.code, 409, data, 'the editorial board already has the maximum of this role');
  }
}
