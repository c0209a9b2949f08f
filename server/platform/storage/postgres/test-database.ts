import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether PostgreSQL answers. Unreachable is a skip on a laptop, but a
 * failure under CI=true: CI must prove both adapters, not quietly one.
 */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    if (process.env.CI === 'true')
      throw new Error(`PostgreSQL unreachable at ${TEST_DATABASE_URL} and CI=true: ${String(error)}`);
    console.warn(
      `⚠ PostgreSQL tests skipped: cannot reach ${TEST_DATABASE_URL} (${String(error)}). Set TEST_DATABASE_URL to run them.`,
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema of its own per test run, so parallel runs and engineers never clash. */
export function uniqueSchemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own, for what works on a whole database rather than a
 * schema (pg_dump and pg_restore in the restore drill, several server
 * processes on one DATABASE_URL). Dropped, connections and all, by `drop`.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void>; recreate(): Promise<void> }> {
  const name = `congso_${randomBytes(6).toString('hex')}`;
  const creator = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await creator.connect();
  try {
    await creator.query(`CREATE DATABASE ${name}`);
  } finally {
    await creator.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const admin = async (...statements: string[]) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      for (const sql of statements) await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    /** Empty again, under the same address: the database server of a machine that was lost. */
    recreate: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`),
  };
}
