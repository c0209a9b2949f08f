import { AppError } from '../app-error.ts';

export type CasePermissionErrorData = { action: string };

export class CasePermissionError extends AppError<CasePermissionErrorData> {
  static readonly code = 'E_CASE_PERMISSION';

  constructor(data: CasePermissionErrorData) {
    super(CasePermissionError.code, 403, data, 'not allowed to act on this case');
  }
}
