import { AppError } from '../app-error.ts';

/** The honeypot was filled: answered like any invalid form, so a bot learns nothing specific. */
export type SpamSuspectedErrorData = Record<string, never>;

export class SpamSuspectedError extends AppError<SpamSuspectedErrorData> {
  static readonly code = 'E_SPAM_SUSPECTED';

  constructor(data: SpamSuspectedErrorData) {
    super(SpamSuspectedError.code, 400, data, 'honeypot field filled');
  }
}
