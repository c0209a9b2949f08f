import { AppError } from '#server/platform/app-error.ts';

/**
 * Refusals of running the installation: backups, restores and departments
 * (docs/adr/0100, 0104). Each keeps its stable `code`, HTTP status, typed
 * `data` and the Vietnamese sentence together (docs/adr/0081); tests
 * assert `code`.
 */

export type BackupNotFoundErrorData = { dir: string };
/** The folder holds no finished backup: no manifest.json, and no backup folder with one. */
export class BackupNotFoundError extends AppError<BackupNotFoundErrorData> {
  static readonly code = 'E_BACKUP_NOT_FOUND';
  constructor(data: BackupNotFoundErrorData) {
    super(BackupNotFoundError.code, 400, data, `Không tìm thấy bản sao lưu hoàn chỉnh trong ${data.dir} (thiếu tệp manifest.json).`);
  }
}

export type BackupCorruptErrorData = { dir: string; damaged: string[] };
/** A file of the backup is missing, added or changed since it was written: nothing is restored. */
export class BackupCorruptError extends AppError<BackupCorruptErrorData> {
  static readonly code = 'E_BACKUP_CORRUPT';
  constructor(data: BackupCorruptErrorData) {
    super(
      BackupCorruptError.code,
      400,
      data,
      `Bản sao lưu ${data.dir} bị hỏng hoặc đã bị sửa (${data.damaged.slice(0, 5).join(', ')}${data.damaged.length > 5 ? ', …' : ''}): không khôi phục gì.`,
    );
  }
}

export type BackupDialectMismatchErrorData = { backup: string; installation: string };
/** A SQLite backup restores into SQLite, a PostgreSQL one into PostgreSQL. */
export class BackupDialectMismatchError extends AppError<BackupDialectMismatchErrorData> {
  static readonly code = 'E_BACKUP_DIALECT';
  constructor(data: BackupDialectMismatchErrorData) {
    super(
      BackupDialectMismatchError.code,
      400,
      data,
      `Bản sao lưu chứa cơ sở dữ liệu ${data.backup}, còn máy này dùng ${data.installation}: đặt DATABASE_URL cho đúng rồi chạy lại.`,
    );
  }
}

export type InstallationNotEmptyErrorData = { found: string[] };
/** Restoring over data that exists would destroy it: the operator must say so with --force. */
export class InstallationNotEmptyError extends AppError<InstallationNotEmptyErrorData> {
  static readonly code = 'E_INSTALLATION_NOT_EMPTY';
  constructor(data: InstallationNotEmptyErrorData) {
    super(
      InstallationNotEmptyError.code,
      409,
      data,
      `Máy này đã có dữ liệu (${data.found.join('; ')}). Khôi phục sẽ thay thế toàn bộ: dừng máy chủ và chạy lại với --force nếu đúng là muốn vậy.`,
    );
  }
}

export type OperationToolFailedErrorData = { tool: string; detail: string };
/** git, pg_dump or pg_restore is missing or failed: what it said is kept for the operator. */
export class OperationToolFailedError extends AppError<OperationToolFailedErrorData> {
  static readonly code = 'E_OPERATION_TOOL_FAILED';
  constructor(data: OperationToolFailedErrorData) {
    super(OperationToolFailedError.code, 500, data, `Lệnh ${data.tool} thất bại: ${data.detail.slice(0, 500)}`);
  }
}

export type DepartmentNameInvalidErrorData = { maxLength: number };
/** A department's official name: the one on its decision of establishment, in Vietnamese. */
export class DepartmentNameInvalidError extends AppError<DepartmentNameInvalidErrorData> {
  static readonly code = 'E_DEPARTMENT_NAME';
  constructor(data: DepartmentNameInvalidErrorData) {
    super(DepartmentNameInvalidError.code, 400, data, `Tên đơn vị là tên chính thức, có chữ cái, dài tối đa ${data.maxLength} ký tự (ví dụ: Sở Công Thương).`);
  }
}

export type DepartmentConfirmationErrorData = { departmentId: string };
/** Removing a department takes its site down: the operator types its id to confirm. */
export class DepartmentConfirmationError extends AppError<DepartmentConfirmationErrorData> {
  static readonly code = 'E_DEPARTMENT_CONFIRMATION';
  constructor(data: DepartmentConfirmationErrorData) {
    super(DepartmentConfirmationError.code, 400, data, `Để gỡ trang, hãy gõ đúng mã đơn vị "${data.departmentId}" vào ô xác nhận.`);
  }
}
