import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCaseStorageContract } from '../case-storage-contract.ts';
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
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: '0001-accounts' }, { version: '0002-cases' }, { version: '0003-account-credentials' }]);
    db.close();
  });
});
