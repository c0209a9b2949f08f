import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `node server/main.ts` as an operator runs it, in an empty folder: the
 * content repository and the sample accounts appear on the first start only.
 */
const MAIN = path.resolve(import.meta.dirname, '../../server/main.ts');

interface Started {
  output: string;
  port: number;
  stop(): Promise<void>;
}

function start(cwd: string, extraEnv: Record<string, string> = {}): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      cwd,
      env: { ...process.env, PORT: '0', DATABASE_URL: '', SQLITE_PATH: path.join(cwd, 'data', 'congso.sqlite'), CONTENT_REPO_DIR: '', CONGSO_DIST: path.join(cwd, 'dist'), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /congso: http:\/\/localhost:(\d+)\//.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      resolve({
        output,
        port: Number(ready[1]),
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

describe('first start of the server', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'congso-first-start-'));
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it('creates the content repository and one account per role for each sample department, shown once and kept in a private file', async () => {
    const first = await start(cwd);
    try {
      expect(first.output).toContain('Đã tạo kho nội dung');
      expect(await readdir(path.join(cwd, 'data', 'content', 'sites'))).toContain('sotuphap.yaml');
      const file = path.join(cwd, 'data', 'sample-accounts.txt');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const text = await readFile(file, 'utf8');
      const rows = text.split('\n').filter((line) => /\.localhost:\d+\s/.test(line));
      // Six sample departments × five roles of Điều 17.
      expect(rows.filter((r) => r.startsWith('sotuphap.localhost'))).toHaveLength(5);
      expect(rows.filter((r) => !r.startsWith('localhost:'))).toHaveLength(30);
      for (const role of ['Trưởng Ban Biên tập', 'Cán bộ chuyên trách CNTT']) expect(text).toContain(role);
      expect(rows.every((r) => /[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}\s*$/.test(r))).toBe(true);
      expect(text).toContain(`sotuphap.localhost:${first.port}`);
      // The same table went to the console for whoever started it.
      expect(first.output).toContain(rows[1]!.trim());
    } finally {
      await first.stop();
    }
  }, 90_000);

  it('never creates accounts again on a later start', async () => {
    const file = path.join(cwd, 'data', 'sample-accounts.txt');
    const before = await readFile(file, 'utf8');
    const again = await start(cwd);
    await again.stop();
    expect(again.output).not.toContain('Tài khoản mẫu');
    expect(again.output).not.toContain('Đã tạo kho nội dung');
    expect(await readFile(file, 'utf8')).toBe(before);
  }, 90_000);

  it('starts without sample accounts when SEED_SAMPLE_ACCOUNTS=0', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'congso-first-start-'));
    try {
      const started = await start(other, { SEED_SAMPLE_ACCOUNTS: '0' });
      await started.stop();
      expect(started.output).not.toContain('Tài khoản mẫu');
      await expect(stat(path.join(other, 'data', 'sample-accounts.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  }, 90_000);
});
