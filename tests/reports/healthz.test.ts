import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/platform/app.ts';
import { appendBuildRecord, readBuildHistory } from '#src/build/build-history.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { cheapHasher, DEPARTMENTS } from '../accounts/support.ts';

describe('/healthz and the build history (Điều 17.4)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'congso-healthz-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function appWith(distDir: string) {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    const services = createServices({ storage, departments: DEPARTMENTS, hasher: cheapHasher() });
    const app = createApp({ storage, departments: DEPARTMENTS, services, distDir });
    // The details are for a probe on the server itself (the public gets only { ok }).
    const probe = (url: string) =>
      app.request(url, {}, { incoming: { socket: { remoteAddress: '127.0.0.1' } } } as never);
    return { storage, probe };
  }

  it('answers 503 while a site has never been built, 200 once every site has its build-info.json', async () => {
    const dist = path.join(dir, 'dist');
    const { probe, storage } = await appWith(dist);
    const before = await probe('http://localhost/healthz');
    expect(before.status).toBe(503);
    const body = await before.json();
    expect(body.database.ok).toBe(true);
    expect(body.contentRepository).toMatchObject({ ok: true, skipped: true });
    expect(body.builds.map((b: { site: string; ok: boolean }) => [b.site, b.ok])).toEqual([
      ['sotuphap', false],
      ['soyte', false],
    ]);

    for (const site of ['sotuphap', 'soyte']) {
      await mkdir(path.join(dist, site), { recursive: true });
      await writeFile(
        path.join(dist, site, 'build-info.json'),
        JSON.stringify({ site, builtAt: '2026-11-27T03:00:00.000Z', pages: 42, commit: 'abc' }),
      );
    }
    const after = await probe('http://sotuphap.localhost/healthz');
    expect(after.status).toBe(200);
    expect((await after.json()).builds[0]).toEqual({
      site: 'sotuphap',
      ok: true,
      builtAt: '2026-11-27T03:00:00.000Z',
      pages: 42,
      commit: 'abc',
    });

    await storage.close();
    const down = await probe('http://localhost/healthz');
    expect(down.status).toBe(503);
    expect((await down.json()).database.ok).toBe(false);
  });

  it('keeps the build history newest first and skips a line torn by a crash', async () => {
    const dist = path.join(dir, 'dist-history');
    await appendBuildRecord(dist, {
      site: 'sotuphap',
      at: '2026-11-26T01:00:00.000Z',
      triggeredBy: 'cli:webmaster',
      durationMs: 5400,
      pages: 40,
      entries: 35,
      result: 'success',
    });
    await appendBuildRecord(dist, {
      site: 'sotuphap',
      at: '2026-11-27T01:00:00.000Z',
      triggeredBy: 'publish:ttbhanh',
      durationMs: 6100,
      pages: null,
      entries: 36,
      result: 'failure',
      errorCode: 'CONTENT_INVALID',
    });
    await writeFile(path.join(dist, '_history', 'sotuphap.jsonl'), '{"site":"sotuphap","at":"2026-11-2', { flag: 'a' });
    const history = await readBuildHistory(dist, 'sotuphap');
    expect(history.map((r) => [r.at, r.result, r.triggeredBy])).toEqual([
      ['2026-11-27T01:00:00.000Z', 'failure', 'publish:ttbhanh'],
      ['2026-11-26T01:00:00.000Z', 'success', 'cli:webmaster'],
    ]);
    expect(await readBuildHistory(dist, 'soyte')).toEqual([]);
  });
});
