import { afterAll } from 'vitest';
import type { Storage } from '#server/platform/storage/repository.ts';
import { openPostgresStorage } from '#server/platform/storage/postgres/postgres-storage.ts';
import {
  dropSchemas,
  postgresAvailable,
  TEST_DATABASE_URL,
  uniqueSchemaName,
} from '#server/platform/storage/postgres/test-database.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';

/**
 * The security suite runs each storage-backed finding on both adapters: a
 * rule that holds on SQLite but not on PostgreSQL is not a rule. PostgreSQL
 * is skipped with a message off CI and required under CI=true
 * (postgresAvailable throws there).
 */
export interface StorageKind {
  name: 'SQLite' | 'PostgreSQL';
  /** A fresh, migrated store of its own. */
  open(): Promise<Storage>;
}

const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

export const STORAGE_KINDS: StorageKind[] = [
  {
    name: 'SQLite',
    async open() {
      const storage = openSqliteStorage({ path: ':memory:' });
      await storage.migrate();
      return storage;
    },
  },
  ...((await postgresAvailable())
    ? [
        {
          name: 'PostgreSQL' as const,
          async open() {
            const schema = uniqueSchemaName();
            schemas.push(schema);
            const storage = await openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema });
            await storage.migrate();
            return storage;
          },
        },
      ]
    : []),
];
