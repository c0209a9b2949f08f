import path from 'node:path';
import { attachmentsDirectory } from '#server/citizen-services/index.ts';
import { contentRepositoryDir } from '#server/editorial/index.ts';
import { DEFAULT_SQLITE_PATH, dataDirectory } from '#server/platform/storage/open-storage.ts';

/**
 * Where one installation keeps what it must not lose, read from the same
 * environment as the server (README, Configuration), so `npm run backup`
 * and `npm run restore` act on exactly what `npm start` serves.
 */
export interface Installation {
  /** PostgreSQL when set; the SQLite file otherwise. */
  databaseUrl: string | null;
  sqlitePath: string;
  /** The server's keys (device-secret.key, case-secret.key) live here with either database. */
  dataDir: string;
  attachmentsDir: string;
  contentDir: string;
  /** Built sites: never backed up, rebuilt by the restore. */
  distDir: string;
}

/** The server's secrets: lose them and known devices are forgotten, and citizens' retry links stop working. */
export const KEY_FILES = ['device-secret.key', 'case-secret.key'] as const;

export function installationFromEnv(env: NodeJS.ProcessEnv): Installation {
  return {
    databaseUrl: env.DATABASE_URL || null,
    sqlitePath: path.resolve(env.SQLITE_PATH || DEFAULT_SQLITE_PATH),
    dataDir: dataDirectory(env),
    attachmentsDir: attachmentsDirectory(env),
    contentDir: contentRepositoryDir(env),
    distDir: path.resolve(env.CONGSO_DIST ?? 'dist'),
  };
}
