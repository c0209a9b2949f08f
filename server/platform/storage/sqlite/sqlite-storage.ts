import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { AccountNotFoundError, BoardLimitError, EmailTakenError, UsernameTakenError } from '#server/accounts/errors.ts';
import { ensurePrivateFile } from '../../private-files.ts';
import type { RateBucket, ThrottleState, ThrottleStep } from '../records.ts';
import { pendingMigrations, readMigrations } from '../migrations.ts';
import type { AccountPatch, AccountRecord, AuditQuery, NewAuditEntry, RoleLimit, SessionRecord } from '../records.ts';
import type { Storage } from '../repository.ts';
import { createSqliteCases } from './sqlite-cases.ts';
import { createSqliteCoordination, type LeaseRows, sameState, type Swapped } from './sqlite-coordination.ts';
import { createSqliteCaseKeeping } from './sqlite-case-keeping.ts';
import {
  auditFilter,
  isUsernameVariant,
  patched,
  toAccount,
  toAuditEntry,
  toSession,
  toThrottleState,
} from '../row-mapping.ts';
import { createSqliteShareLinks } from './sqlite-share-links.ts';

export interface SqliteOptions {
  /** A file path, or ":memory:" for throw-away databases. */
  path: string;
  /** How long a submission waits for others to share its commit (`sqlite-cases.ts`). */
  groupCommitWaitMs?: number;
  /**
   * Pages of write-ahead log after which a commit checkpoints on its own
   * connection; SQLite's default (1,000) when absent. The storage thread
   * leaves checkpoints to a thread of their own and keeps a larger figure
   * as a backstop (docs/adr/0111).
   */
  autocheckpointPages?: number;
}

type Row = Record<string, unknown>;

const SQLITE_CONSTRAINT_UNIQUE = 2067;

/**
 * The embedded default (docs/adr/0010-storage-adapters.md). node:sqlite is
 * synchronous, so each method below runs to completion without yielding:
 * a read-modify-write inside one method cannot interleave with another
 * request, and BEGIN IMMEDIATE covers other processes (the CLI). The server
 * runs it on its own thread (`sqlite-thread-storage.ts`, docs/adr/0054).
 */
export function openSqliteStorage(options: SqliteOptions): Storage {
  return openSqliteConnection(options).storage;
}

/**
 * What the storage thread needs beyond the contract (docs/adr/0054): the
 * steps of `apply` and `withLock` run where the caller's function is, so
 * the thread offers their halves: compare-and-swap, lease rows.
 */
export interface SqlitePrimitives {
  leases: LeaseRows;
  swapThrottle(key: string, expected: ThrottleState | null, next: ThrottleState | null): Swapped<ThrottleState>;
  swapBucket(key: string, expected: RateBucket | null, next: RateBucket): Swapped<RateBucket>;
  /** `swapBucket` for each, in order, in one transaction; each answered on its own. */
  swapBuckets(
    swaps: ReadonlyArray<readonly [key: string, expected: RateBucket | null, next: RateBucket]>,
  ): Array<{ ok: true; value: Swapped<RateBucket> } | { ok: false; error: unknown }>;
}

export function openSqliteConnection({ path, groupCommitWaitMs, autocheckpointPages }: SqliteOptions): {
  storage: Storage;
  primitives: SqlitePrimitives;
} {
  // Created private before SQLite opens it: its -wal and -shm files then take the same mode.
  if (path !== ':memory:') ensurePrivateFile(path);
  const db = new DatabaseSync(path);
  // WAL: readers never wait for the writer. FULL: a committed account change survives a power cut.
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  if (autocheckpointPages !== undefined) db.exec(`PRAGMA wal_autocheckpoint = ${Math.trunc(autocheckpointPages)}`);

  const all = (sql: string, ...params: SQLInputValue[]) => db.prepare(sql).all(...params) as Row[];
  const one = (sql: string, ...params: SQLInputValue[]) => db.prepare(sql).get(...params) as Row | undefined;
  const run = (sql: string, ...params: SQLInputValue[]) => db.prepare(sql).run(...params);

  function transaction<T>(work: () => T): T {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  function assertUnderLimit(departmentId: string | null, limit: RoleLimit | undefined, exceptId?: string): void {
    if (!limit) return;
    const row = one(
      `SELECT count(*) AS n FROM accounts WHERE department_id IS ? AND role = ? AND status = 'active' AND id IS NOT ?`,
      departmentId,
      limit.role,
      exceptId ?? null,
    );
    if (Number(row?.n) >= limit.max) throw new BoardLimitError({ role: limit.role, limit: limit.max });
  }

  function insertAccount(account: AccountRecord): void {
    try {
      run(
        INSERT_ACCOUNT,
        account.id,
        account.username,
        account.fullName,
        account.role,
        account.departmentId,
        JSON.stringify(account.sections),
        JSON.stringify(account.delegations),
        account.status,
        account.passwordHash,
        account.mustChangePassword ? 1 : 0,
        account.passwordExpiresAt,
        account.createdAt,
        account.updatedAt,
        account.createdBy,
        account.email,
        account.credentialsSeenBy,
      );
    } catch (error) {
      throw uniqueViolation(error, account) ?? error;
    }
  }

  /** The domain error for a broken UNIQUE constraint on accounts, or undefined. */
  function uniqueViolation(error: unknown, account: Pick<AccountRecord, 'username' | 'email'>) {
    if ((error as { errcode?: number }).errcode !== SQLITE_CONSTRAINT_UNIQUE) return undefined;
    if (/accounts\.username/.test(String(error))) return new UsernameTakenError({ username: account.username });
    if (/accounts\.email/.test(String(error))) return new EmailTakenError({ email: account.email ?? '' });
    return undefined;
  }

  const INSERT_ACCOUNT = `INSERT INTO accounts (id, username, full_name, role, department_id, sections, delegations, status,
    password_hash, must_change_password, password_expires_at, created_at, updated_at, created_by, email, credentials_seen_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

  const findAccount = (id: string) => {
    const row = one('SELECT * FROM accounts WHERE id = ?', id);
    return row ? toAccount(row) : null;
  };

  const readThrottle = (key: string) => {
    const row = one('SELECT * FROM login_throttle WHERE key = ?', key);
    return row ? toThrottleState(row) : null;
  };
  const writeThrottle = (key: string, next: ThrottleState | null) => {
    if (next === null) run('DELETE FROM login_throttle WHERE key = ?', key);
    else {
      run(
        `INSERT INTO login_throttle (key, failures, window_start, window_count, locked_until, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start,
           window_count = excluded.window_count, locked_until = excluded.locked_until, next_attempt_at = excluded.next_attempt_at`,
        key,
        next.failures,
        next.windowStart,
        next.windowCount,
        next.lockedUntil,
        next.nextAttemptAt,
      );
    }
  };

  const { cases, replays, serviceGrants, flushCases } = createSqliteCases(db, transaction, groupCommitWaitMs);
  const { locks, leases, jobClaims, rateBuckets, swapBucket, swapBuckets } = createSqliteCoordination(db, transaction);
  const { caseRatings, caseDisposals } = createSqliteCaseKeeping(db, transaction);

  const primitives: SqlitePrimitives = {
    leases,
    swapThrottle(key, expected, next) {
      return transaction(() => {
        const current = readThrottle(key);
        if (!sameState(current, expected)) return { swapped: false, current };
        if (!sameState(current, next)) writeThrottle(key, next);
        return { swapped: true };
      });
    },
    swapBucket,
    swapBuckets,
  };

  const storage: Storage = {
    dialect: 'sqlite',
    cases,
    replays,
    serviceGrants,
    locks,
    jobClaims,
    rateBuckets,
    caseRatings,
    caseDisposals,
    shareLinks: createSqliteShareLinks(db),

    accounts: {
      async create(account, limit) {
        transaction(() => {
          assertUnderLimit(
            account.departmentId,
            limit && account.role === limit.role && account.status === 'active' ? limit : undefined,
          );
          insertAccount(account);
        });
        return account;
      },
      async update(id, patch: AccountPatch, limit) {
        return transaction(() => {
          const current = findAccount(id);
          if (!current) throw new AccountNotFoundError({ username: id });
          const next = patched(current, patch);
          if (limit && next.role === limit.role && next.status === 'active')
            assertUnderLimit(next.departmentId, limit, id);
          try {
            run(
              `UPDATE accounts SET role = ?, sections = ?, delegations = ?, status = ?, password_hash = ?,
                must_change_password = ?, password_expires_at = ?, updated_at = ?, email = ?, credentials_seen_by = ? WHERE id = ?`,
              next.role,
              JSON.stringify(next.sections),
              JSON.stringify(next.delegations),
              next.status,
              next.passwordHash,
              next.mustChangePassword ? 1 : 0,
              next.passwordExpiresAt,
              next.updatedAt,
              next.email,
              next.credentialsSeenBy,
              id,
            );
          } catch (error) {
            throw uniqueViolation(error, next) ?? error;
          }
          return next;
        });
      },
      async findById(id) {
        return findAccount(id);
      },
      async findByUsername(username) {
        const row = one('SELECT * FROM accounts WHERE username = ?', username);
        return row ? toAccount(row) : null;
      },
      async list(departmentId) {
        const rows =
          departmentId === undefined
            ? all('SELECT * FROM accounts ORDER BY username')
            : all('SELECT * FROM accounts WHERE department_id IS ? ORDER BY username', departmentId);
        return rows.map(toAccount);
      },
      async witnessedBy(accountId) {
        return all('SELECT * FROM accounts WHERE credentials_seen_by = ? ORDER BY username', accountId).map(toAccount);
      },
      async usernamesLike(base) {
        // LIKE treats _ and % specially; usernames are [a-z0-9] only, so the prefix is safe as is.
        const rows = all(`SELECT username FROM accounts WHERE username LIKE ? || '%'`, base);
        return rows.map((row) => String(row.username)).filter((username) => isUsernameVariant(base, username));
      },
    },

    sessions: {
      async create(session: SessionRecord) {
        run(
          'INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?)',
          session.tokenHash,
          session.accountId,
          session.createdAt,
          session.lastSeenAt,
          session.ip,
          session.userAgent,
        );
      },
      async find(tokenHash) {
        const row = one('SELECT * FROM sessions WHERE token_hash = ?', tokenHash);
        return row ? toSession(row) : null;
      },
      async touch(tokenHash, lastSeenAt) {
        run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', lastSeenAt, tokenHash);
      },
      async delete(tokenHash) {
        run('DELETE FROM sessions WHERE token_hash = ?', tokenHash);
      },
      async deleteForAccount(accountId, exceptTokenHash) {
        const result = run(
          'DELETE FROM sessions WHERE account_id = ? AND token_hash IS NOT ?',
          accountId,
          exceptTokenHash ?? null,
        );
        return Number(result.changes);
      },
      async deleteExpired(now, idleMs, absoluteMs) {
        const result = run(
          'DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?',
          now - idleMs,
          now - absoluteMs,
        );
        return Number(result.changes);
      },
    },

    throttle: {
      async apply(key, step: (current: ThrottleState | null) => ThrottleStep) {
        return transaction(() => {
          const { next, decision } = step(readThrottle(key));
          writeThrottle(key, next);
          return decision;
        });
      },
      async get(key) {
        return readThrottle(key);
      },
    },

    audit: {
      async append(entry: NewAuditEntry) {
        const row = one(
          `INSERT INTO audit_log (at, actor_id, actor_username, action, department_id, target_id, target_username, ip, details)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
          entry.at,
          entry.actorId,
          entry.actorUsername,
          entry.action,
          entry.departmentId,
          entry.targetId,
          entry.targetUsername,
          entry.ip,
          JSON.stringify(entry.details),
        );
        return toAuditEntry(row!);
      },
      async list(query: AuditQuery) {
        const { sql, params } = auditFilter(
          query,
          () => '?',
          () => 'IS ?',
        );
        return all(sql, ...(params as SQLInputValue[])).map(toAuditEntry);
      },
    },

    async migrate() {
      db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)',
      );
      // A migration that rebuilds a table (0007) must not cascade its DROP to the rows that point at it: foreign
      // keys are off while migrations run (the pragma is ignored inside a transaction) and checked before committing.
      db.exec('PRAGMA foreign_keys = OFF');
      try {
        return migrateInTransaction();
      } finally {
        db.exec('PRAGMA foreign_keys = ON');
      }
    },

    async close() {
      if (!db.isOpen) return;
      // Submissions waiting for their group commit are written, not dropped: whoever sent them gets an answer.
      flushCases();
      db.close();
    },
  };

  function migrateInTransaction(): string[] {
    return transaction(() => {
      const applied = all('SELECT version, checksum FROM schema_migrations').map((row) => ({
        version: String(row.version),
        checksum: String(row.checksum),
      }));
      const pending = pendingMigrations(readMigrations('sqlite'), applied);
      for (const migration of pending) {
        db.exec(migration.sql);
        run(
          'INSERT INTO schema_migrations (version, checksum, applied_at) VALUES (?, ?, ?)',
          migration.version,
          migration.checksum,
          Date.now(),
        );
      }
      if (all('PRAGMA foreign_key_check').length > 0)
        throw new Error('A migration left rows pointing at nothing; nothing was applied.');
      return pending.map((migration) => migration.version);
    });
  }

  return { storage, primitives };
}
