import { AppError } from '../app-error.ts';

export type UnknownSiteErrorData = { host: string };

export class UnknownSiteError extends AppError<UnknownSiteErrorData> {
  static readonly code = 'E_UNKNOWN_SITE';

  constructor(data: UnknownSiteErrorData) {
    super(UnknownSiteError.code, 404, data, 'no site is served for this host');
  }
}
