import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { JobClaimRepository, LockRepository, RateBucketRepository } from '../repository.ts';

type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

/**
 * A 64-bit advisory lock key for a name. Advisory locks are per database,
 * not per schema: the schema is part of the key, so installations (and
 * test runs) sharing a database server never wait for each other.
 */
export function advisoryKey(schema: string, name: string): string {
  return createHash('sha256').update(`congso:${schema}:${name}`).digest().readBigInt64BE(0).toString();
}

/**
 * Coordination of several server processes on one PostgreSQL database
 * (docs/adr/0102). A lock is a session advisory lock on a connection of its
 * own pool, held for the task: a publication's build can take a minute, and
 * waiting for it must not starve the queries of the main pool. PostgreSQL
 * releases it if the process dies.
 */
export function createPostgresCoordination(pool: pg.Pool, lockPool: pg.Pool, transaction: Transaction, schema: string) {
  const locks: LockRepository = {
    async withLock(name, task) {
      const key = advisoryKey(schema, name);
      const client = await lockPool.connect();
      let broken = false;
      try {
        await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
        try {
          return await task();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => {
            // A connection that cannot unlock is closed instead: closing it releases the lock.
            broken = true;
          });
        }
      } finally {
        client.release(broken);
      }
    },
  };

  const jobClaims: JobClaimRepository = {
    async claim(job, due, instance, now) {
      const inserted = await pool.query(
        'INSERT INTO job_claims (job, due, instance, claimed_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [job, due, instance, now],
      );
      return inserted.rowCount === 1;
    },
    async deleteBefore(due) {
      return (await pool.query('DELETE FROM job_claims WHERE due < $1', [due])).rowCount ?? 0;
    },
  };

  const rateBuckets: RateBucketRepository = {
    async apply(key, step) {
      return transaction(async (client) => {
        // As for sign-in throttling: a row lock cannot cover a key with no row yet.
        await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryKey(schema, `bucket:${key}`)]);
        const { rows } = await client.query('SELECT tokens, updated_at FROM rate_buckets WHERE key = $1', [key]);
        const row = rows[0] as { tokens: number; updated_at: number } | undefined;
        const { next, decision } = step(row ? { tokens: Number(row.tokens), updatedAt: Number(row.updated_at) } : null);
        await client.query(
          `INSERT INTO rate_buckets (key, tokens, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at`,
          [key, next.tokens, next.updatedAt],
        );
        return decision;
      });
    },
    async deleteIdle(before) {
      return (await pool.query('DELETE FROM rate_buckets WHERE updated_at < $1', [before])).rowCount ?? 0;
    },
  };

  return { locks, jobClaims, rateBuckets };
}
