import { AppError } from '../app-error.ts';

export type UnknownDepartmentErrorData = { departmentId: string };

export class UnknownDepartmentError extends AppError<UnknownDepartmentErrorData> {
  static readonly code = 'E_UNKNOWN_DEPARTMENT';

  constructor(data: UnknownDepartmentErrorData) {
    super(UnknownDepartmentError.code, 400, data, 'no such department');
  }
}
