import { AppError } from '../app-error.ts';

export type ConsultationClosedErrorData = { consultation: string; state: 'sap-mo' | 'da-ket-thuc' | 'khong-ton-tai' };

export class ConsultationClosedError extends AppError<ConsultationClosedErrorData> {
  static readonly code = 'E_CONSULTATION_CLOSED';

  constructor(data: ConsultationClosedErrorData) {
    super(ConsultationClosedError.code, 409, data, 'consultation is not open for comments');
  }
}
