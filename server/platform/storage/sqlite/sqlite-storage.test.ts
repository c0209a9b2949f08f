import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCaseStorageContract } from '../case-storage-contract.ts';
import { readMigrations } from '../migrations.ts';
import { describeShareLinkContract } from '../share-link-contract.ts';
import { describeStorageContract } from '../storage-contract.ts';
import { openSqliteStorage } from './sqlite-storage.ts';

const dir = mkdtempSync(join(tmpdir(), 'congso-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStorageContract('SQLite (file)', async () => openSqliteStorage({ path: join(dir, 'contract.sqlite') }));
describeStorageContract('SQLite (memory)', async () => openSqliteStorage({ path: ':memory:' }));
describeCaseStorageContract('SQLite (file)', async () => openSqliteStorage({ path: join(dir, 'cases.sqlite') }));
describeShareLinkContract('SQLite', async () => openSqliteStorage({ path: ':memory:' }));

describe('SQLite file settings', () => {
  it('creates the folder and opens in WAL mode with foreign keys on', async () => {
    const path = join(dir, 'nested', 'data', 'congso.sqlite');
    const storage = openSqliteStorage({ path });
    await storage.migrate();
    await storage.close();
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    // Every migration file, in order: the list grows with each new one.
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(readMigrations('sqlite').map(({ version }) => ({ version })));
    db.close();
  });
});

describe('SQLite locks between processes (docs/adr/0102)', () => {
  it('makes a second connection to the file wait for the holder, and takes over a lease its holder stopped renewing', async () => {
    const path = join(dir, 'locks.sqlite');
    const server = openSqliteStorage({ path });
    await server.migrate();
    const cli = openSqliteStorage({ path });
    const events: string[] = [];
    let release!: () => void;
    const held = server.locks.withLock('content-repository', () => new Promise<void>((resolve) => ((release = resolve), events.push('server'))));
    const waiting = cli.locks.withLock('content-repository', async () => void events.push('cli'));
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toEqual(['server']);
    release();
    await Promise.all([held, waiting]);
    expect(events).toEqual(['server', 'cli']);

    // A process that died mid-task left its lease; once expired, the next holder does not wait for it.
    const raw = new DatabaseSync(path);
    raw.prepare('INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)').run('build:sotuphap', 'dead-process', Date.now() - 1);
    raw.close();
    expect(await cli.locks.withLock('build:sotuphap', async () => 'taken over')).toBe('taken over');
    await Promise.all([server.close(), cli.close()]);
  });
});
