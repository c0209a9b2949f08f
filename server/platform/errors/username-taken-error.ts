import { AppError } from '../app-error.ts';

export type UsernameTakenErrorData = { username: string };

export class UsernameTakenError extends AppError<UsernameTakenErrorData> {
  static readonly code = 'E_USERNAME_TAKEN';

  constructor(data: UsernameTakenErrorData) {
    super(UsernameTakenError.code, 409, data, 'username already exists');
  }
}
