import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { JobClaimRepository, LockRepository, RateBucketRepository } from '../repository.ts';

/** How long a lease lasts without renewal: a process that died frees its locks after this. */
const LEASE_MS = 30_000;
const FIRST_POLL_MS = 10;
const LONGEST_POLL_MS = 250;

type Transaction = <T>(work: () => T) => T;

/**
 * Coordination of the processes beside one SQLite file (docs/adr/0102): the
 * server and the command lines that write the same installation (new-site,
 * backup). A lock is a lease row: taken when absent or expired, renewed
 * while held, deleted when done. Waiting is polling: SQLite has no way to
 * wake another process.
 */
export function createSqliteCoordination(db: DatabaseSync, transaction: Transaction) {
  const run = (sql: string, ...params: SQLInputValue[]) => db.prepare(sql).run(...params);
  const one = (sql: string, ...params: SQLInputValue[]) => db.prepare(sql).get(...params) as Record<string, unknown> | undefined;
  // A closed database (the process stopping) must not turn a timer into a crash.
  const quietly = (work: () => void) => {
    try {
      if (db.isOpen) work();
    } catch {
      // The lease expires on its own.
    }
  };

  const locks: LockRepository = {
    async withLock(name, task) {
      const holder = randomUUID();
      for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, LONGEST_POLL_MS)) {
        const now = Date.now();
        const taken = run(
          `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE leases.expires_at <= ?`,
          name,
          holder,
          now + LEASE_MS,
          now,
        );
        if (Number(taken.changes) === 1) break;
        await sleep(wait);
      }
      const renew = setInterval(() => quietly(() => run('UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?', Date.now() + LEASE_MS, name, holder)), LEASE_MS / 3);
      renew.unref();
      try {
        return await task();
      } finally {
        clearInterval(renew);
        quietly(() => run('DELETE FROM leases WHERE name = ? AND holder = ?', name, holder));
      }
    },
  };

  const jobClaims: JobClaimRepository = {
    async claim(job, due, instance, now) {
      const inserted = run('INSERT INTO job_claims (job, due, instance, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', job, due, instance, now);
      return Number(inserted.changes) === 1;
    },
    async deleteBefore(due) {
      return Number(run('DELETE FROM job_claims WHERE due < ?', due).changes);
    },
  };

  const rateBuckets: RateBucketRepository = {
    async apply(key, step) {
      return transaction(() => {
        const row = one('SELECT tokens, updated_at FROM rate_buckets WHERE key = ?', key);
        const { next, decision } = step(row ? { tokens: Number(row.tokens), updatedAt: Number(row.updated_at) } : null);
        run(
          'INSERT INTO rate_buckets (key, tokens, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at',
          key,
          next.tokens,
          next.updatedAt,
        );
        return decision;
      });
    },
    async deleteIdle(before) {
      return Number(run('DELETE FROM rate_buckets WHERE updated_at < ?', before).changes);
    },
  };

  return { locks, jobClaims, rateBuckets };
}
