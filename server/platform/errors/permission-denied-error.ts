import { AppError } from '../app-error.ts';

export type PermissionDeniedErrorData = { action: string; actorRole: string; targetRole: string | null };

export class PermissionDeniedError extends AppError<PermissionDeniedErrorData> {
  static readonly code = 'E_PERMISSION_DENIED';

  constructor(data: PermissionDeniedErrorData) {
    super(PermissionDeniedError.code, 403, data, 'action not granted to this role');
  }
}
