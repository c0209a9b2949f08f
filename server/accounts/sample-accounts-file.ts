import { ROLE_LABELS } from '#src/schema/roles.ts';
import { formatTable } from '#src/text/table-format.ts';
import { writePrivateFile } from '#server/platform/private-files.ts';
import type { SeededAccount } from './seed-sample-accounts.ts';

/**
 * The one-time passwords of the sample accounts, so a newcomer can try every
 * role: returned for printing once, and kept in a file only the server's
 * user can read (a private folder, a 0600 file).
 */
export function writeSampleAccountsFile(seeded: readonly SeededAccount[], file: string, port: number): string {
  const rows = seeded.map((s) => [
    s.departmentId ? `${s.departmentId}.localhost:${port}` : `localhost:${port}`,
    s.role === 'admin' ? 'Quản trị hệ thống (tỉnh)' : ROLE_LABELS[s.role],
    s.username,
    s.oneTimePassword,
  ]);
  const text = [
    'Tài khoản mẫu (Điều 17): mỗi vai trò một tài khoản cho mỗi đơn vị.',
    'Đăng nhập tại http://<trang>/quan-tri/ bằng mật khẩu dùng một lần; hệ thống yêu cầu đổi mật khẩu ngay (Điều 11.2).',
    'Mật khẩu dùng một lần hết hạn sau 72 giờ. Hãy xoá tệp này khi đã phát hết mật khẩu.',
    '',
    formatTable(['Trang', 'Vai trò', 'Tên đăng nhập', 'Mật khẩu dùng một lần'], rows, [false, false, false, false]),
    '',
  ].join('\n');
  writePrivateFile(file, text);
  return text;
}
