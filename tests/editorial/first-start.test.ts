import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess as start } from '../support/server-process.ts';

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
