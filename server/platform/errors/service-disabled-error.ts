import { AppError } from '../app-error.ts';

export type ServiceDisabledErrorData = { service: string };

export class ServiceDisabledError extends AppError<ServiceDisabledErrorData> {
  static readonly code = 'E_SERVICE_DISABLED';

  constructor(data: ServiceDisabledErrorData) {
    super(ServiceDisabledError.code, 404, data, 'service not offered by this department');
  }
}
