import { AppError } from '../app-error.ts';

export type OutsideDepartmentErrorData = { action: string };

export class OutsideDepartmentError extends AppError<OutsideDepartmentErrorData> {
  static readonly code = 'E_OUTSIDE_DEPARTMENT';

  constructor(data: OutsideDepartmentErrorData) {
    super(OutsideDepartmentError.code, 403, data, 'target belongs to another department');
  }
}
