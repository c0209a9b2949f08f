/**
 * The operator's commands for staff accounts, run from the server's shell
 * (Điều 11; `npm run users`, scripts/users.ts):
 *
 *   npm run users -- add --site sotuphap --name "Nguyễn Văn An" --role deputy [--sections tin-tuc,van-ban] [--email nvan@sotuphap.thuathienhue.gov.vn]
 *   npm run users -- add-admin --name "Quản Trị Viên"
 *   npm run users -- list [--site sotuphap]
 *   npm run users -- disable nvan
 *   npm run users -- reset nvan
 *
 * Uses DATABASE_URL (PostgreSQL) or SQLITE_PATH / ./data/congso.sqlite, like
 * the server. Actions are audited as "system:cli".
 */
import { parseArgs } from 'node:util';
import { BoardRoleSchema, ROLE_LABELS } from '#src/schema/roles.ts';
import { isDomainError } from '#src/errors.ts';
import { UnknownDepartmentError } from '#server/platform/errors.ts';
import { UsersCommandUsageError } from './errors.ts';
import { SectionsInputSchema, UsernameInputSchema } from './input-schemas.ts';
import { parseInput } from '#server/platform/http/parse-input.ts';
import type { PasswordHasher } from './password-hash.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';
import type { IssuedPassword } from './account-service.ts';
import { createServices } from './create-services.ts';
import { systemPrincipal } from './principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import type { Storage } from '#server/platform/storage/repository.ts';

const USAGE = `Cách dùng:
  npm run users -- add --site <mã-đơn-vị> --name "<Họ và tên>" --role <vai-trò> [--sections a,b] [--email <hộp thư .gov.vn>]
  npm run users -- add-admin --name "<Họ và tên>"
  npm run users -- list [--site <mã-đơn-vị>]
  npm run users -- disable <tên-đăng-nhập>
  npm run users -- reset <tên-đăng-nhập>
Vai trò: ${BoardRoleSchema.options.join(', ')}`;

export interface UsersCommandContext {
  storage: Storage;
  departments: readonly DepartmentRef[];
  out: (line: string) => void;
  err: (line: string) => void;
  hasher?: PasswordHasher;
}

function required(value: string | undefined, option: string): string {
  if (!value) throw new UsersCommandUsageError({ reason: 'missing-option', value: option });
  return value;
}

/** Runs one command; returns the process exit code. */
export async function runUsersCommand(argv: readonly string[], context: UsersCommandContext): Promise<number> {
  const { storage, departments, out, err } = context;
  const { accounts } = createServices({ storage, departments, hasher: context.hasher });
  const cli = systemPrincipal('cli');
  try {
    const { positionals, values } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        site: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        sections: { type: 'string' },
        email: { type: 'string' },
        user: { type: 'string' },
      },
    });
    const [command, username = values.user] = positionals;
    // The operator's channel (docs/adr/0017): printed for whoever runs the server, so the account gets no witness.
    const printIssued = (issued: IssuedPassword & { oneTimePassword: string }) => {
      out(`Tên đăng nhập: ${issued.account.username}`);
      out(`Mật khẩu dùng một lần: ${issued.oneTimePassword}`);
      out('(Chỉ hiện một lần; hết hạn sau 72 giờ; phải đổi ở lần đăng nhập đầu tiên.)');
    };
    switch (command) {
      case 'add': {
        const site = required(values.site, '--site');
        if (!departments.some((d) => d.id === site)) throw new UnknownDepartmentError({ departmentId: site });
        const role = BoardRoleSchema.safeParse(values.role);
        if (!role.success) throw new UsersCommandUsageError({ reason: 'invalid-role', value: values.role ?? null });
        const sections = values.sections === undefined ? undefined : parseInput(SectionsInputSchema, values.sections);
        printIssued(
          await accounts.create(
            cli,
            {
              fullName: required(values.name, '--name'),
              role: role.data,
              departmentId: site,
              sections,
              email: values.email,
            },
            NO_REQUEST,
          ),
        );
        return 0;
      }
      case 'add-admin':
        printIssued(
          await accounts.create(
            cli,
            { fullName: required(values.name, '--name'), role: 'admin', departmentId: null, email: values.email },
            NO_REQUEST,
          ),
        );
        return 0;
      case 'list': {
        const list = await accounts.list(cli, values.site);
        for (const a of list) {
          out(
            [
              a.username,
              a.fullName,
              ROLE_LABELS[a.role],
              a.departmentId ?? '(tỉnh)',
              a.status === 'active' ? 'hoạt động' : 'vô hiệu',
              a.sections.join(','),
            ].join('\t'),
          );
        }
        if (list.length === 0) out('(Chưa có tài khoản.)');
        return 0;
      }
      case 'disable': {
        const account = await accounts.disable(
          cli,
          parseInput(UsernameInputSchema, required(username, 'tên đăng nhập')),
          NO_REQUEST,
        );
        out(`Đã vô hiệu hóa ${account.username}; mọi phiên đăng nhập đã kết thúc.`);
        return 0;
      }
      case 'reset':
        printIssued(
          await accounts.resetPassword(
            cli,
            parseInput(UsernameInputSchema, required(username, 'tên đăng nhập')),
            NO_REQUEST,
          ),
        );
        return 0;
      default:
        throw new UsersCommandUsageError({ reason: 'unknown-command', value: command ?? null });
    }
  } catch (error) {
    if (error instanceof UsersCommandUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      err(`${(error as Error).message}\n${USAGE}`);
    else if (isDomainError(error)) err(`Lỗi: ${error.message} (${error.code})`);
    else throw error;
    return 1;
  }
}
