import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentStore } from '#server/citizen-services/attachment-store.ts';
import { startServerProcess } from '../support/server-process.ts';

/**
 * What the server writes beside itself — the database (accounts, sessions,
 * cases), citizens' files, its keys, the content repository with unpublished
 * drafts, the sample accounts' one-time passwords — must be readable by the
 * server's user only: another user on the host reads none of it.
 */
const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe('files and folders the server creates are private to its user', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'congso-permissions-'));
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it('makes every folder 0700 and every file 0600 in the data folder of a first start', async () => {
    const server = await startServerProcess(cwd);
    await server.stop();
    const data = path.join(cwd, 'data');
    const entries = await readdir(data, { withFileTypes: true });
    const names = entries.map((e) => e.name);
    for (const expected of [
      'congso.sqlite',
      'content',
      'attachments',
      'case-secret.key',
      'device-secret.key',
      'sample-accounts.txt',
    ])
      expect(names).toContain(expected);
    expect(await mode(data)).toBe(0o700);
    const found = await Promise.all(entries.map(async (e) => [e.name, await mode(path.join(data, e.name))] as const));
    expect(Object.fromEntries(found)).toEqual(
      Object.fromEntries(entries.map((e) => [e.name, e.isDirectory() ? 0o700 : 0o600])),
    );
  }, 90_000);

  it('stores each citizen file 0600 in a 0700 folder', async () => {
    const store = createAttachmentStore(path.join(cwd, 'elsewhere', 'attachments'));
    const [saved] = await store.save(
      [
        {
          bytes: new TextEncoder().encode('%PDF-1.4\n'),
          checked: { displayName: 'don.pdf', mediaType: 'application/pdf', kind: 'pdf' } as never,
        },
      ],
      'citizen',
      Date.now(),
    );
    expect(await mode(path.join(cwd, 'elsewhere'))).toBe(0o700);
    expect(await mode(store.dir)).toBe(0o700);
    expect(await mode(path.join(store.dir, saved!.storedName))).toBe(0o600);
  });
});
