import { beforeEach, describe, expect, it } from 'vitest';
import { runUsersCommand } from '#server/accounts/index.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { cheapHasher, DEPARTMENTS } from './support.ts';

describe('npm run users', () => {
  let storage: Storage;
  let out: string[];
  let err: string[];
  const run = (...argv: string[]) =>
    runUsersCommand(argv, {
      storage,
      departments: DEPARTMENTS,
      hasher: cheapHasher(),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });

  beforeEach(async () => {
    storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    out = [];
    err = [];
  });

  it('adds a deputy and prints the username and one-time password', async () => {
    expect(await run('add', '--site', 'sotuphap', '--name', 'Nguyễn Văn An', '--role', 'deputy')).toBe(0);
    expect(out[0]).toBe('Tên đăng nhập: nvan');
    expect(out[1]).toMatch(/^Mật khẩu dùng một lần: [a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await storage.accounts.findByUsername('nvan')).toMatchObject({
      role: 'deputy',
      departmentId: 'sotuphap',
      mustChangePassword: true,
    });
    const [entry] = await storage.audit.list({ limit: 1 });
    expect(entry).toMatchObject({ action: 'account-created', actorUsername: 'system:cli', actorId: null });
  });

  it('adds an editor with sections, then lists, resets and disables', async () => {
    await run(
      'add',
      '--site',
      'sotuphap',
      '--name',
      'Nguyễn Văn An',
      '--role',
      'editor',
      '--sections',
      'tin-tuc,van-ban',
    );
    await run('add', '--site', 'sotuphap', '--name', 'Nguyễn Văn An', '--role', 'contributor');
    await run('add-admin', '--name', 'Quản Trị Viên');
    out = [];
    expect(await run('list', '--site', 'sotuphap')).toBe(0);
    expect(out).toEqual([
      'nvan\tNguyễn Văn An\tBiên tập viên\tsotuphap\thoạt động\ttin-tuc,van-ban',
      'nvan2\tNguyễn Văn An\tCộng tác viên\tsotuphap\thoạt động\t',
    ]);
    out = [];
    expect(await run('reset', 'nvan2')).toBe(0);
    expect(out[0]).toBe('Tên đăng nhập: nvan2');
    expect(await run('disable', 'nvan2')).toBe(0);
    expect((await storage.accounts.findByUsername('nvan2'))?.status).toBe('disabled');
  });

  it.each([
    [['add', '--site', 'sokhac', '--name', 'Lê Văn Tám', '--role', 'editor'], 'E_UNKNOWN_DEPARTMENT'],
    [['add', '--site', 'sotuphap', '--name', '12345', '--role', 'editor'], 'E_INVALID_NAME'],
    [['add', '--site', 'sotuphap', '--name', 'Lê Văn Tám', '--role', 'admin'], 'Vai trò không hợp lệ'],
    [['add', '--site', 'sotuphap', '--role', 'editor'], 'Thiếu --name'],
    [
      ['add', '--site', 'sotuphap', '--name', 'Lê Văn Tám', '--role', 'head', '--sections', 'tin-tuc'],
      'E_NOT_APPLICABLE',
    ],
    [['disable', 'khongco'], 'E_ACCOUNT_NOT_FOUND'],
    [['frobnicate'], 'Lệnh không rõ'],
    [['add', '--bogus'], 'Cách dùng'],
  ])('refuses %j with a clear message and writes nothing', async (argv, expected) => {
    expect(await run(...argv)).toBe(1);
    expect(err.join('\n')).toContain(expected);
    expect(await storage.accounts.list()).toEqual([]);
  });
});
