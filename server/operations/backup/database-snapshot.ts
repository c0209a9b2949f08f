import { chmod, copyFile, rename, rm, stat } from 'node:fs/promises';
import { backup, DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { PRIVATE_FILE_MODE, ensurePrivateDir } from '#server/platform/private-files.ts';
import type { Installation } from '../installation.ts';
import { runTool } from './run-tool.ts';
import path from 'node:path';

/**
 * The database part of a backup (docs/adr/0100): SQLite's online backup
 * (a consistent copy while the server keeps writing), or `pg_dump` in its
 * custom format with PostgreSQL. The password of DATABASE_URL goes to the
 * tools in their environment, never on a command line that `ps` shows.
 */
export type Dialect = 'sqlite' | 'postgres';

export const dialectOf = (installation: Installation): Dialect => (installation.databaseUrl ? 'postgres' : 'sqlite');

function postgresArgs(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Writes the database into `dir`; returns the file's name there. */
export async function dumpDatabase(installation: Installation, dir: string): Promise<string> {
  if (installation.databaseUrl) {
    const { dbname, env } = postgresArgs(installation.databaseUrl);
    await runTool(
      'pg_dump',
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${path.join(dir, 'congso.dump')}`,
        `--dbname=${dbname}`,
      ],
      { env },
    );
    return 'congso.dump';
  }
  const source = new DatabaseSync(installation.sqlitePath);
  try {
    await backup(source, path.join(dir, 'congso.sqlite'));
  } finally {
    source.close();
  }
  return 'congso.sqlite';
}

/**
 * Puts the backup's database in place. SQLite: copied beside the live file
 * and renamed over it, so a failure leaves the old one whole. PostgreSQL:
 * `pg_restore` in one transaction, dropping what the dump holds first.
 */
export async function restoreDatabase(installation: Installation, file: string): Promise<void> {
  if (installation.databaseUrl) {
    const { dbname, env } = postgresArgs(installation.databaseUrl);
    await runTool(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${dbname}`,
        file,
      ],
      { env },
    );
    return;
  }
  ensurePrivateDir(path.dirname(installation.sqlitePath));
  const staging = `${installation.sqlitePath}.restoring`;
  await copyFile(file, staging);
  await chmod(staging, PRIVATE_FILE_MODE);
  // The write-ahead log of the replaced database must not be replayed into the restored one.
  for (const suffix of ['-wal', '-shm']) await rm(`${installation.sqlitePath}${suffix}`, { force: true });
  await rename(staging, installation.sqlitePath);
}

/** What the database already holds, in words for the operator; null when it holds no accounts and no cases. */
export async function databaseContents(installation: Installation): Promise<string | null> {
  const counts = installation.databaseUrl
    ? await postgresCounts(installation.databaseUrl)
    : await sqliteCounts(installation.sqlitePath);
  if (!counts || counts.accounts + counts.cases === 0) return null;
  return `cơ sở dữ liệu có ${counts.accounts} tài khoản, ${counts.cases} hồ sơ`;
}

async function sqliteCounts(file: string): Promise<{ accounts: number; cases: number } | null> {
  if (
    !(await stat(file).then(
      (s) => s.size > 0,
      () => false,
    ))
  )
    return null;
  const db = new DatabaseSync(file);
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (t) => t.name,
      ),
    );
    const count = (table: string) =>
      tables.has(table) ? Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n) : 0;
    return { accounts: count('accounts'), cases: count('cases') };
  } finally {
    db.close();
  }
}

async function postgresCounts(databaseUrl: string): Promise<{ accounts: number; cases: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (table: string) => {
      const exists = await client.query('SELECT to_regclass($1) IS NOT NULL AS ok', [table]);
      return exists.rows[0]?.ok ? Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n) : 0;
    };
    return { accounts: await count('accounts'), cases: await count('cases') };
  } finally {
    await client.end();
  }
}
