import { appError } from '#server/platform/app-error.ts';

/** The folder holds no finished backup: no manifest.json, and no backup folder with one. */
export const BackupNotFoundError = appError<{ dir: string }>(
  'E_BACKUP_NOT_FOUND',
  400,
  (data) => `Không tìm thấy bản sao lưu hoàn chỉnh trong ${data.dir} (thiếu tệp manifest.json).`,
);

/** A file of the backup is missing, added or changed since it was written: nothing is restored. */
export const BackupCorruptError = appError<{ dir: string; damaged: string[] }>(
  'E_BACKUP_CORRUPT',
  400,
  (data) =>
    `Bản sao lưu ${data.dir} bị hỏng hoặc đã bị sửa (${data.damaged.slice(0, 5).join(', ')}${data.damaged.length > 5 ? ', …' : ''}): không khôi phục gì.`,
);

/** A SQLite backup restores into SQLite, a PostgreSQL one into PostgreSQL. */
export const BackupDialectMismatchError = appError<{ backup: string; installation: string }>(
  'E_BACKUP_DIALECT',
  400,
  (data) =>
    `Bản sao lưu chứa cơ sở dữ liệu ${data.backup}, còn máy này dùng ${data.installation}: đặt DATABASE_URL cho đúng rồi chạy lại.`,
);

/** Restoring over data that exists would destroy it: the operator must say so with --force. */
export const InstallationNotEmptyError = appError<{ found: string[] }>(
  'E_INSTALLATION_NOT_EMPTY',
  409,
  (data) =>
    `Máy này đã có dữ liệu (${data.found.join('; ')}). Khôi phục sẽ thay thế toàn bộ: dừng máy chủ và chạy lại với --force nếu đúng là muốn vậy.`,
);

/** git, pg_dump or pg_restore is missing or failed: what it said is kept for the operator. */
export const OperationToolFailedError = appError<{ tool: string; detail: string }>(
  'E_OPERATION_TOOL_FAILED',
  500,
  (data) => `Lệnh ${data.tool} thất bại: ${data.detail.slice(0, 500)}`,
);

/** A department's official name: the one on its decision of establishment, in Vietnamese. */
export const DepartmentNameInvalidError = appError<{ maxLength: number }>(
  'E_DEPARTMENT_NAME',
  400,
  (data) => `Tên đơn vị là tên chính thức, có chữ cái, dài tối đa ${data.maxLength} ký tự (ví dụ: Sở Công Thương).`,
);

/** Removing a department takes its site down: the operator types its id to confirm. */
export const DepartmentConfirmationError = appError<{ departmentId: string }>(
  'E_DEPARTMENT_CONFIRMATION',
  400,
  (data) => `Để gỡ trang, hãy gõ đúng mã đơn vị "${data.departmentId}" vào ô xác nhận.`,
);
