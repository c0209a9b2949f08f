import path from 'node:path';
import type { Storage } from './repository.ts';
import { openSqliteStorage } from './sqlite/sqlite-storage.ts';

export const DEFAULT_SQLITE_PATH = './data/congso.sqlite';

export interface StorageEnvironment {
  DATABASE_URL?: string;
  SQLITE_PATH?: string;
}

/** The folder beside the SQLite file: the server's keys and files live there with either database. */
export function dataDirectory(env: StorageEnvironment): string {
  return path.dirname(path.resolve(env.SQLITE_PATH || DEFAULT_SQLITE_PATH));
}

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file. */
export async function openStorage(env: StorageEnvironment): Promise<Storage> {
  if (env.DATABASE_URL) {
    // Loaded only when asked for, so a SQLite install never needs the pg driver at start-up.
    const { openPostgresStorage } = await import('./postgres/postgres-storage.ts');
    return openPostgresStorage({ connectionString: env.DATABASE_URL });
  }
  return openSqliteStorage({ path: env.SQLITE_PATH || DEFAULT_SQLITE_PATH });
}
