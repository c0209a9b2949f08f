import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export interface Migration {
  /** File name without `.sql`, e.g. "0001-accounts". Applied in this order. */
  version: string;
  sql: string;
  checksum: string;
}

const MIGRATION_FILE = /^(\d{4}-[a-z0-9-]+)\.sql$/;

export function readMigrations(dialect: 'sqlite' | 'postgres'): Migration[] {
  const dir = new URL(`./migrations/${dialect}/`, import.meta.url);
  return readdirSync(dir)
    .map((name) => MIGRATION_FILE.exec(name))
    .filter((match) => match !== null)
    .map((match) => {
      const sql = readFileSync(new URL(match[0], dir), 'utf8');
      return { version: match[1], sql, checksum: createHash('sha256').update(sql).digest('hex') };
    })
    .sort((a, b) => a.version.localeCompare(b.version));
}

export interface AppliedMigration {
  version: string;
  checksum: string;
}

/**
 * Which migrations still need applying. A changed file that already ran is an
 * error: the database would silently differ from what the file says.
 */
export function pendingMigrations(all: readonly Migration[], applied: readonly AppliedMigration[]): Migration[] {
  const done = new Map(applied.map((m) => [m.version, m.checksum]));
  for (const migration of all) {
    const checksum = done.get(migration.version);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.version} was edited after it was applied; add a new migration instead.`);
    }
  }
  return all.filter((migration) => !done.has(migration.version));
}
