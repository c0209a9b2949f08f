import { AppError } from '../app-error.ts';

export type NotFoundErrorData = { path: string };

export class NotFoundError extends AppError<NotFoundErrorData> {
  static readonly code = 'E_NOT_FOUND';

  constructor(data: NotFoundErrorData) {
    super(NotFoundError.code, 404, data, 'no such page');
  }
}
