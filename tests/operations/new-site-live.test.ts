import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { HttpBrowser, poll } from '../support/http-browser.ts';
import { startServerProcess, type StartedServer } from '../support/server-process.ts';

/**
 * docs/adr/0104, tried as a new webmaster would: with the server running,
 * `npm run new-site -- --name "Sở Công Thương"`, then exactly the steps it
 * prints. The new department's home page is served without a restart, and
 * its head signs in to a back office that lists its new accounts.
 */
const run = promisify(execFile);
let cwd: string;
let server: StartedServer;
let printed: string;

beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'congso-new-site-'));
  server = await startServerProcess(cwd, { SEED_SAMPLE_ACCOUNTS: '0' });
  // The environment the server was given, as the operator's shell would have it.
  const env = {
    ...process.env,
    PORT: String(server.port),
    DATABASE_URL: '',
    SQLITE_PATH: path.join(cwd, 'data', 'congso.sqlite'),
    CONTENT_REPO_DIR: '',
    CONGSO_DIST: path.join(cwd, 'dist'),
  };
  const args = ['--name', 'Sở Công Thương', '--head', 'Nguyễn Thị Lan', '--it-officer', 'Trần Văn Bình'];
  printed = (await run(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'new-site.ts'), ...args], { cwd, env }))
    .stdout;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await rm(cwd, { recursive: true, force: true });
});

/** What the printed table says of one role: its username and one-time password. */
function account(role: string): { username: string; password: string } {
  const line = printed.split('\n').find((l) => l.trim().startsWith(role));
  const match = /tên đăng nhập: (\S+)\s+mật khẩu: (\S+)/.exec(line ?? '');
  if (!match) throw new Error(`no ${role} in:\n${printed}`);
  return { username: match[1]!, password: match[2]! };
}

describe('npm run new-site on a running server', () => {
  it('prints steps that point at this server, with the new site and its first accounts', () => {
    expect(printed).toContain('✓ Đã lập trang "socongthuong"');
    expect(printed).toContain(`1. Mở http://socongthuong.localhost:${server.port}/ — máy chủ đang chạy`);
    expect(printed).not.toContain('npm start');
  });

  it('step 1: the new department’s home page is served within a minute, without a restart', async () => {
    const [, home] = /1\. Mở (http:\/\/\S+?)\/? —/.exec(printed)!;
    const visitor = new HttpBrowser(home!, { port: server.port });
    const page = await poll(
      () => visitor.request('/'),
      (a) => a.status === 200,
      60_000,
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sở Công Thương');
  }, 70_000);

  it('step 2: the head signs in to its back office and sees the new accounts', async () => {
    const [, backOffice] = /2\. Trưởng Ban đăng nhập (http:\/\/\S+) /.exec(printed)!;
    const url = new URL(backOffice!);
    const head = new HttpBrowser(url.origin, { port: server.port });
    const { username, password } = account('Trưởng Ban Biên tập');
    await head.signInFully(username, password);
    const accounts = await head.request('/quan-tri/tai-khoan');
    expect(accounts.status).toBe(200);
    expect(accounts.text).toContain(account('Cán bộ chuyên trách CNTT').username);
    expect(accounts.text).toContain('Trần Văn Bình');
  });
});
