import { AppError } from '../app-error.ts';

/** Someone else changed the case between reading and writing it. */
export type CaseConflictErrorData = { caseId: string };

export class CaseConflictError extends AppError<CaseConflictErrorData> {
  static readonly code = 'E_CASE_CONFLICT';

  constructor(data: CaseConflictErrorData) {
    super(CaseConflictError.code, 409, data, 'case changed concurrently');
  }
}
