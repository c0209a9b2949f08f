import { AppError } from '#server/platform/app-error.ts';

/**
 * Errors of the content repository. Messages are Vietnamese because the Decap
 * UI shows them as they are; tests assert `code`.
 */

export type RefConflictErrorData = { ref: string; expected: string | null; actual: string | null };
/** The ref moved since the caller read it: someone else saved first. */
export class RefConflictError extends AppError<RefConflictErrorData> {
  static readonly code = 'E_REPO_REF_CONFLICT';
  constructor(data: RefConflictErrorData) {
    super(RefConflictError.code, 409, data, 'Bài vừa được người khác thay đổi; hãy tải lại trang rồi lưu lại.');
  }
}

export type EntryBranchNotFoundErrorData = { branch: string };
export class EntryBranchNotFoundError extends AppError<EntryBranchNotFoundErrorData> {
  static readonly code = 'E_REPO_ENTRY_NOT_FOUND';
  constructor(data: EntryBranchNotFoundErrorData) {
    super(EntryBranchNotFoundError.code, 404, data, 'Không tìm thấy bài chưa đăng này; có thể bài đã được đăng tải hoặc đã bị huỷ.');
  }
}

export type RepositoryUnavailableErrorData = { dir: string; reason: string };
export class RepositoryUnavailableError extends AppError<RepositoryUnavailableErrorData> {
  static readonly code = 'E_REPO_UNAVAILABLE';
  constructor(data: RepositoryUnavailableErrorData) {
    super(RepositoryUnavailableError.code, 500, data, 'Kho nội dung không sẵn sàng; vui lòng báo Cán bộ chuyên trách CNTT.');
  }
}
