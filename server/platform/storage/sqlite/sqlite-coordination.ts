import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { RateBucket } from '../records.ts';
import type { JobClaimRepository, LockRepository, RateBucketRepository } from '../repository.ts';

/** How long a lease lasts without renewal: a process that died frees its locks after this. */
const LEASE_MS = 30_000;
const FIRST_POLL_MS = 10;
const LONGEST_POLL_MS = 250;

type Transaction = <T>(work: () => T) => T;

/**
 * Runs `work` with commits that do not wait for the disk (synchronous =
 * NORMAL in WAL mode): atomic and consistent, kept across a crash of the
 * process, and written to disk with the next durable commit; only a power
 * cut in between can undo them. For writes whose loss forgives a client a
 * few requests and never loses a citizen's case or an officer's decision:
 * the rate-limit buckets and spent challenges (docs/adr/0054). Each
 * durable commit would cost one fsync per submission on the one thread
 * that writes.
 */
export function withoutWaitingForDisk<T>(db: DatabaseSync, work: () => T): T {
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    return work();
  } finally {
    db.exec('PRAGMA synchronous = FULL');
  }
}

/** What a compare-and-swap answers: done, or the state the caller's step must run on instead. */
export type Swapped<S> = { swapped: true } | { swapped: false; current: S | null };

/** Two states read from rows by the same mapping: equal when every field is. */
export const sameState = (a: object | null, b: object | null) => JSON.stringify(a) === JSON.stringify(b);

/** Take, renew and release one lease row; synchronous on the connection, asynchronous across the storage thread (docs/adr/0054). */
export interface LeaseRows {
  take(name: string, holder: string, now: number): boolean | Promise<boolean>;
  renew(name: string, holder: string): void | Promise<void>;
  release(name: string, holder: string): void | Promise<void>;
}

/**
 * A lock over lease rows: wait by polling (SQLite cannot wake another
 * process), renew while the task runs, release when it ends. A renewal or
 * release that fails is ignored: the lease then expires on its own.
 */
export function leaseLock(leases: LeaseRows): LockRepository {
  const quietly = (work: () => void | Promise<void>) => {
    try {
      void Promise.resolve(work()).catch(() => undefined);
    } catch {
      // The lease expires on its own.
    }
  };
  return {
    async withLock(name, task) {
      const holder = randomUUID();
      for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, LONGEST_POLL_MS)) {
        if (await leases.take(name, holder, Date.now())) break;
        await sleep(wait);
      }
      const renew = setInterval(() => quietly(() => leases.renew(name, holder)), LEASE_MS / 3);
      renew.unref();
      try {
        return await task();
      } finally {
        clearInterval(renew);
        quietly(() => leases.release(name, holder));
      }
    },
  };
}

/**
 * Coordination of the processes beside one SQLite file (docs/adr/0102): the
 * server and the command lines that write the same installation (new-site,
 * backup). A lock is a lease row: taken when absent or expired, renewed
 * while held, deleted when done. Waiting is polling: SQLite has no way to
 * wake another process.
 */
export function createSqliteCoordination(db: DatabaseSync, transaction: Transaction) {
  // Prepared once: every submission reads and writes its bucket, and parsing the SQL each time cost more than running it.
  const prepared = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) prepared.set(sql, (found = db.prepare(sql)));
    return found;
  };
  const run = (sql: string, ...params: SQLInputValue[]) => statement(sql).run(...params);
  const one = (sql: string, ...params: SQLInputValue[]) =>
    statement(sql).get(...params) as Record<string, unknown> | undefined;
  // A closed database (the process stopping) must not turn a timer into a crash.
  const quietly = (work: () => void) => {
    try {
      if (db.isOpen) work();
    } catch {
      // The lease expires on its own.
    }
  };

  /** The lease rows themselves; `leaseLock` waits, renews and releases with them. */
  const leases: LeaseRows = {
    take(name, holder, now) {
      const taken = run(
        `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE leases.expires_at <= ?`,
        name,
        holder,
        now + LEASE_MS,
        now,
      );
      return Number(taken.changes) === 1;
    },
    renew(name, holder) {
      quietly(() =>
        run('UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?', Date.now() + LEASE_MS, name, holder),
      );
    },
    release(name, holder) {
      quietly(() => run('DELETE FROM leases WHERE name = ? AND holder = ?', name, holder));
    },
  };
  const locks = leaseLock(leases);

  const jobClaims: JobClaimRepository = {
    async claim(job, due, instance, now) {
      const inserted = run(
        'INSERT INTO job_claims (job, due, instance, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        job,
        due,
        instance,
        now,
      );
      return Number(inserted.changes) === 1;
    },
    async deleteBefore(due) {
      return Number(run('DELETE FROM job_claims WHERE due < ?', due).changes);
    },
  };

  const readBucket = (key: string): RateBucket | null => {
    const row = one('SELECT tokens, updated_at FROM rate_buckets WHERE key = ?', key);
    return row ? { tokens: Number(row.tokens), updatedAt: Number(row.updated_at) } : null;
  };
  const writeBucket = (key: string, next: RateBucket) =>
    run(
      'INSERT INTO rate_buckets (key, tokens, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at',
      key,
      next.tokens,
      next.updatedAt,
    );

  const rateBuckets: RateBucketRepository = {
    async apply(key, step) {
      return withoutWaitingForDisk(db, () =>
        transaction(() => {
          const { next, decision } = step(readBucket(key));
          writeBucket(key, next);
          return decision;
        }),
      );
    },
    async deleteIdle(before) {
      return Number(run('DELETE FROM rate_buckets WHERE updated_at < ?', before).changes);
    },
  };

  /**
   * `apply` for a step that runs on another thread (docs/adr/0054): writes
   * the step's result only if the bucket is still what the step saw, else
   * answers what it is now, and the caller runs the step again on that.
   */
  const swapOne = (key: string, expected: RateBucket | null, next: RateBucket): Swapped<RateBucket> => {
    const current = readBucket(key);
    if (!sameState(current, expected)) return { swapped: false, current };
    if (!sameState(current, next)) writeBucket(key, next);
    return { swapped: true };
  };
  const swapBucket = (key: string, expected: RateBucket | null, next: RateBucket): Swapped<RateBucket> =>
    withoutWaitingForDisk(db, () => transaction(() => swapOne(key, expected, next)));

  /**
   * Several swaps in one transaction, in order, each as `swapBucket` would
   * do it alone: the storage thread receives a turn's submissions together,
   * and one commit then writes their bucket page once instead of once each
   * (docs/adr/0111). A swap that fails alone (a statement refused) changes
   * nothing and is answered with its error; the others still count.
   */
  const swapBuckets = (
    swaps: ReadonlyArray<readonly [key: string, expected: RateBucket | null, next: RateBucket]>,
  ): Array<{ ok: true; value: Swapped<RateBucket> } | { ok: false; error: unknown }> =>
    withoutWaitingForDisk(db, () =>
      transaction(() =>
        swaps.map(([key, expected, next]) => {
          try {
            return { ok: true as const, value: swapOne(key, expected, next) };
          } catch (error) {
            return { ok: false as const, error };
          }
        }),
      ),
    );

  return { locks, leases, jobClaims, rateBuckets, swapBucket, swapBuckets };
}
