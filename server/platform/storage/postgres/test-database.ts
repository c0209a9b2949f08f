import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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
    if (process.env.CI === 'true') throw new Error(`PostgreSQL unreachable at ${TEST_DATABASE_URL} and CI=true: ${String(error)}`);
    console.warn(`⚠ PostgreSQL tests skipped: cannot reach ${TEST_DATABASE_URL} (${String(error)}). Set TEST_DATABASE_URL to run them.`);
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
