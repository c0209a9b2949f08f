import { AppError } from '../app-error.ts';

export type UnknownProcedureErrorData = { procedureCode: string };

export class UnknownProcedureError extends AppError<UnknownProcedureErrorData> {
  static readonly code = 'E_UNKNOWN_PROCEDURE';

  constructor(data: UnknownProcedureErrorData) {
    super(UnknownProcedureError.code, 400, data, 'no such procedure on this site');
  }
}
