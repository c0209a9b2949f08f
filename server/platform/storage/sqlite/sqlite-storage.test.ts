import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCaseStorageContract } from '../case-storage-contract.ts';
import { readMigrations } from '../migrations.ts';
import { describeStorageContract } from '../storage-contract.ts';
import { openSqliteStorage } from './sqlite-storage.ts';

const dir = mkdtempSync(join(tmpdir(), 'congso-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStorageContract('SQLite (file)', async () => openSqliteStorage({ path: join(dir, 'contract.sqlite') }));
describeStorageContract('SQLite (memory)', async () => openSqliteStorage({ path: ':memory:' }));
describeCaseStorageContract('SQLite (file)', async () => openSqliteStorage({ path: join(dir, 'cases.sqlite') }));

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
