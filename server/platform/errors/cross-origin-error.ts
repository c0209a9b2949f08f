import { AppError } from '../app-error.ts';

export type CrossOriginErrorData = { origin: string | null; secFetchSite: string | null };

export class CrossOriginError extends AppError<CrossOriginErrorData> {
  static readonly code = 'E_CROSS_ORIGIN';

  constructor(data: CrossOriginErrorData) {
    super(CrossOriginError.code, 403, data, 'cross-origin state-changing request refused');
  }
}
