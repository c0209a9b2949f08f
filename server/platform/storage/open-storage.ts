import path from 'node:path';
import type { Storage } from './repository.ts';
import { openSqliteThreadStorage } from './sqlite/sqlite-thread-storage.ts';

export const DEFAULT_SQLITE_PATH = './data/congso.sqlite';

export interface StorageEnvironment {
  DATABASE_URL?: string;
  SQLITE_PATH?: string;
}

/** The folder beside the SQLite file: the server's keys and files live there with either database. */
export function dataDirectory(env: StorageEnvironment): string {
  return path.dirname(path.resolve(env.SQLITE_PATH || DEFAULT_SQLITE_PATH));
}

export interface StorageHooks {
  /** The SQLite thread died (docs/adr/0054): every call is refused from then on, so the server should stop and be restarted. */
  onFailure?: (error: Error) => void;
}

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file, on its own thread (docs/adr/0054). */
export async function openStorage(env: StorageEnvironment, { onFailure }: StorageHooks = {}): Promise<Storage> {
  if (env.DATABASE_URL) {
    // Loaded only when asked for, so a SQLite install never needs the pg driver at start-up.
    const { openPostgresStorage } = await import('./postgres/postgres-storage.ts');
    return openPostgresStorage({ connectionString: env.DATABASE_URL });
  }
  return openSqliteThreadStorage({ path: env.SQLITE_PATH || DEFAULT_SQLITE_PATH, onFailure });
}
