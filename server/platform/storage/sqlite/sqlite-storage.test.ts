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
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(
      readMigrations('sqlite').map(({ version }) => ({ version })),
    );
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
    const held = server.locks.withLock(
      'content-repository',
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          events.push('server');
        }),
    );
    const waiting = cli.locks.withLock('content-repository', async () => void events.push('cli'));
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toEqual(['server']);
    release();
    await Promise.all([held, waiting]);
    expect(events).toEqual(['server', 'cli']);

    // A process that died mid-task left its lease; once expired, the next holder does not wait for it.
    const raw = new DatabaseSync(path);
    raw
      .prepare('INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)')
      .run('build:sotuphap', 'dead-process', Date.now() - 1);
    raw.close();
    expect(await cli.locks.withLock('build:sotuphap', async () => 'taken over')).toBe('taken over');
    await Promise.all([server.close(), cli.close()]);
  });
});

describe('SQLite migration 0007 (docs/adr/0048)', () => {
  it('rebuilds the cases table for the sixth service and keeps every case’s timeline, files and rating pointing at it', async () => {
    const path = join(dir, 'rebuild.sqlite');
    const first = openSqliteStorage({ path });
    await first.migrate();
    await first.close();
    const raw = new DatabaseSync(path);
    raw.exec(`INSERT INTO cases (id, department_id, service, tracking_code, secret_hash, status, subject, payload, received_at, accept_due_at, updated_at)
              VALUES ('c1', 'sotuphap', 'hoi-dap', 'STP-2026-AAAA-A1', 'h', 'resolved', 'Câu hỏi', '{}', 1, 2, 3)`);
    raw.exec(`INSERT INTO case_events (case_id, at, action, status) VALUES ('c1', 1, 'submit', 'submitted')`);
    raw.exec(
      `INSERT INTO case_ratings (case_id, department_id, service, score, channel, rated_at) VALUES ('c1', 'sotuphap', 'hoi-dap', 5, 'lookup', 4)`,
    );
    // As on an installation that had every other migration: 0007 runs on a table full of cases.
    raw.exec(`DELETE FROM schema_migrations WHERE version = '0007-information-requests'`);
    raw.close();

    const storage = openSqliteStorage({ path });
    expect(await storage.migrate()).toEqual(['0007-information-requests']);
    await storage.close();
    const db = new DatabaseSync(path);
    db.exec('PRAGMA foreign_keys = ON');
    expect(db.prepare('SELECT count(*) AS n FROM case_events WHERE case_id = ?').get('c1')).toEqual({ n: 1 });
    expect(db.prepare('SELECT score FROM case_ratings WHERE case_id = ?').get('c1')).toEqual({ score: 5 });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.exec(`INSERT INTO cases (id, department_id, service, tracking_code, secret_hash, status, subject, payload, received_at, accept_due_at, updated_at)
             VALUES ('c2', 'sotuphap', 'tiep-can-thong-tin', 'STP-2026-BBBB-B2', 'h', 'submitted', 'Yêu cầu', '{}', 1, 2, 3)`);
    expect(() => db.exec(`UPDATE cases SET service = 'dich-vu-khac' WHERE id = 'c2'`)).toThrow(/CHECK/);
    // The references survived the rebuild: deleting the case still takes its timeline with it.
    db.exec(`DELETE FROM cases WHERE id = 'c1'`);
    expect(db.prepare('SELECT count(*) AS n FROM case_events').get()).toEqual({ n: 0 });
    db.close();
  });
});
