import { AppError } from '../app-error.ts';

export type WrongSiteErrorData = { accountDepartmentId: string | null };

export class WrongSiteError extends AppError<WrongSiteErrorData> {
  static readonly code = 'E_WRONG_SITE';

  constructor(data: WrongSiteErrorData) {
    super(WrongSiteError.code, 403, data, 'account belongs to another site');
  }
}
