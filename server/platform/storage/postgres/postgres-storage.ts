import pg from 'pg';
import { AccountNotFoundError, BoardLimitError, EmailTakenError, UsernameTakenError } from '#server/accounts/errors.ts';
import { pendingMigrations, readMigrations } from '../migrations.ts';
import type { AccountRecord, RoleLimit } from '../records.ts';
import type { Storage } from '../repository.ts';
import { createPostgresCases } from './postgres-cases.ts';
import { createPostgresCoordination } from './postgres-coordination.ts';
import { createPostgresCaseKeeping } from './postgres-case-keeping.ts';
import {
  auditFilter,
  isUsernameVariant,
  patched,
  toAccount,
  toAuditEntry,
  toSession,
  toThrottleState,
} from '../row-mapping.ts';
import { createPostgresShareLinks } from './postgres-share-links.ts';

export interface PostgresOptions {
  connectionString: string;
  /** Schema to work in (created if missing); tests use a throw-away one per run. */
  schema?: string;
  /** Pool size; the default suits one server process. */
  max?: number;
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_INT8 = 20;
// Any fixed number works; this one is the regulation's, 2567/2007.
const MIGRATION_LOCK = 25_672_007;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

type Queryable = pg.Pool | pg.PoolClient;
type Row = Record<string, unknown>;

/** Used when DATABASE_URL is set (docs/adr/0010-storage-adapters.md). */
export async function openPostgresStorage({ connectionString, schema, max = 10 }: PostgresOptions): Promise<Storage> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max,
    // Milliseconds fit a JS number for 285,000 years; strings would leak into every record.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  // Connections that hold a named lock for a task (docs/adr/0102), apart so waiting never starves queries.
  const lockPool = new pg.Pool({ connectionString, max: 20 });
  lockPool.on('error', () => undefined);
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);

  const rows = async (db: Queryable, sql: string, params: unknown[] = []) =>
    (await db.query(sql, params)).rows as Row[];

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Serialises writes that could together break a board limit (two deputies created at once). */
  async function assertUnderLimit(
    client: pg.PoolClient,
    departmentId: string | null,
    limit: RoleLimit | undefined,
    exceptId?: string,
  ) {
    if (!limit) return;
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`board:${departmentId}:${limit.role}`]);
    const [row] = await rows(
      client,
      `SELECT count(*)::int AS n FROM accounts
       WHERE department_id IS NOT DISTINCT FROM $1 AND role = $2 AND status = 'active' AND id IS DISTINCT FROM $3`,
      [departmentId, limit.role, exceptId ?? null],
    );
    if (Number(row.n) >= limit.max) throw new BoardLimitError({ role: limit.role, limit: limit.max });
  }

  /** The domain error for a broken UNIQUE constraint on accounts, or undefined. */
  function uniqueViolation(error: unknown, account: Pick<AccountRecord, 'username' | 'email'>) {
    if ((error as { code?: string }).code !== PG_UNIQUE_VIOLATION) return undefined;
    const constraint = String((error as { constraint?: string }).constraint);
    if (/username/.test(constraint)) return new UsernameTakenError({ username: account.username });
    if (/email/.test(constraint)) return new EmailTakenError({ email: account.email ?? '' });
    return undefined;
  }

  async function findAccount(db: Queryable, id: string, lock = false) {
    const [row] = await rows(db, `SELECT * FROM accounts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toAccount(row) : null;
  }

  const { cases, replays, serviceGrants } = createPostgresCases(pool, transaction);
  const { locks, jobClaims, rateBuckets } = createPostgresCoordination(pool, lockPool, transaction, schema ?? 'public');
  const { caseRatings, caseDisposals } = createPostgresCaseKeeping(pool, transaction);

  return {
    dialect: 'postgres',
    cases,
    replays,
    serviceGrants,
    locks,
    jobClaims,
    rateBuckets,
    caseRatings,
    caseDisposals,
    shareLinks: createPostgresShareLinks(pool),

    accounts: {
      async create(account: AccountRecord, limit) {
        try {
          await transaction(async (client) => {
            await assertUnderLimit(
              client,
              account.departmentId,
              limit && account.role === limit.role && account.status === 'active' ? limit : undefined,
            );
            await client.query(
              `INSERT INTO accounts (id, username, full_name, role, department_id, sections, delegations, status,
                 password_hash, must_change_password, password_expires_at, created_at, updated_at, created_by, email, credentials_seen_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
              [
                account.id,
                account.username,
                account.fullName,
                account.role,
                account.departmentId,
                JSON.stringify(account.sections),
                JSON.stringify(account.delegations),
                account.status,
                account.passwordHash,
                account.mustChangePassword,
                account.passwordExpiresAt,
                account.createdAt,
                account.updatedAt,
                account.createdBy,
                account.email,
                account.credentialsSeenBy,
              ],
            );
          });
        } catch (error) {
          throw uniqueViolation(error, account) ?? error;
        }
        return account;
      },
      async update(id, patch, limit) {
        return transaction(async (client) => {
          const current = await findAccount(client, id, true);
          if (!current) throw new AccountNotFoundError({ username: id });
          const next = patched(current, patch);
          if (limit && next.role === limit.role && next.status === 'active')
            await assertUnderLimit(client, next.departmentId, limit, id);
          await client.query(
            `UPDATE accounts SET role = $1, sections = $2, delegations = $3, status = $4, password_hash = $5,
               must_change_password = $6, password_expires_at = $7, updated_at = $8, email = $9, credentials_seen_by = $10 WHERE id = $11`,
            [
              next.role,
              JSON.stringify(next.sections),
              JSON.stringify(next.delegations),
              next.status,
              next.passwordHash,
              next.mustChangePassword,
              next.passwordExpiresAt,
              next.updatedAt,
              next.email,
              next.credentialsSeenBy,
              id,
            ],
          );
          return next;
        }).catch((error: unknown) => {
          throw uniqueViolation(error, { username: '', email: patch.email ?? null }) ?? error;
        });
      },
      async witnessedBy(accountId) {
        return (
          await rows(pool, 'SELECT * FROM accounts WHERE credentials_seen_by = $1 ORDER BY username', [accountId])
        ).map(toAccount);
      },
      async findById(id) {
        return findAccount(pool, id);
      },
      async findByUsername(username) {
        const [row] = await rows(pool, 'SELECT * FROM accounts WHERE username = $1', [username]);
        return row ? toAccount(row) : null;
      },
      async list(departmentId) {
        const found =
          departmentId === undefined
            ? await rows(pool, 'SELECT * FROM accounts ORDER BY username')
            : await rows(pool, 'SELECT * FROM accounts WHERE department_id IS NOT DISTINCT FROM $1 ORDER BY username', [
                departmentId,
              ]);
        return found.map(toAccount);
      },
      async usernamesLike(base) {
        const found = await rows(pool, `SELECT username FROM accounts WHERE username LIKE $1 || '%'`, [base]);
        return found.map((row) => String(row.username)).filter((username) => isUsernameVariant(base, username));
      },
    },

    sessions: {
      async create(session) {
        await pool.query(
          'INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)',
          [session.tokenHash, session.accountId, session.createdAt, session.lastSeenAt, session.ip, session.userAgent],
        );
      },
      async find(tokenHash) {
        const [row] = await rows(pool, 'SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
        return row ? toSession(row) : null;
      },
      async touch(tokenHash, lastSeenAt) {
        await pool.query('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2', [lastSeenAt, tokenHash]);
      },
      async delete(tokenHash) {
        await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
      },
      async deleteForAccount(accountId, exceptTokenHash) {
        const result = await pool.query(
          'DELETE FROM sessions WHERE account_id = $1 AND token_hash IS DISTINCT FROM $2',
          [accountId, exceptTokenHash ?? null],
        );
        return result.rowCount ?? 0;
      },
      async deleteExpired(now, idleMs, absoluteMs) {
        const result = await pool.query('DELETE FROM sessions WHERE last_seen_at <= $1 OR created_at <= $2', [
          now - idleMs,
          now - absoluteMs,
        ]);
        return result.rowCount ?? 0;
      },
    },

    throttle: {
      async apply(key, step) {
        return transaction(async (client) => {
          // A row lock cannot cover a key with no row yet; an advisory lock on the key can.
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`throttle:${key}`]);
          const [row] = await rows(client, 'SELECT * FROM login_throttle WHERE key = $1', [key]);
          const { next, decision } = step(row ? toThrottleState(row) : null);
          if (next === null) await client.query('DELETE FROM login_throttle WHERE key = $1', [key]);
          else {
            await client.query(
              `INSERT INTO login_throttle (key, failures, window_start, window_count, locked_until, next_attempt_at)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start,
                 window_count = excluded.window_count, locked_until = excluded.locked_until, next_attempt_at = excluded.next_attempt_at`,
              [key, next.failures, next.windowStart, next.windowCount, next.lockedUntil, next.nextAttemptAt],
            );
          }
          return decision;
        });
      },
      async get(key) {
        const [row] = await rows(pool, 'SELECT * FROM login_throttle WHERE key = $1', [key]);
        return row ? toThrottleState(row) : null;
      },
    },

    audit: {
      async append(entry) {
        const [row] = await rows(
          pool,
          `INSERT INTO audit_log (at, actor_id, actor_username, action, department_id, target_id, target_username, ip, details)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
          [
            entry.at,
            entry.actorId,
            entry.actorUsername,
            entry.action,
            entry.departmentId,
            entry.targetId,
            entry.targetUsername,
            entry.ip,
            JSON.stringify(entry.details),
          ],
        );
        return toAuditEntry(row);
      },
      async list(query) {
        const { sql, params } = auditFilter(
          query,
          (n) => `$${n}`,
          (n) => `IS NOT DISTINCT FROM $${n}`,
        );
        return (await rows(pool, sql, params)).map(toAuditEntry);
      },
    },

    async migrate() {
      const client = await pool.connect();
      try {
        // Two servers starting together must not both apply the same migration.
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)',
        );
        const applied = (await rows(client, 'SELECT version, checksum FROM schema_migrations')).map((row) => ({
          version: String(row.version),
          checksum: String(row.checksum),
        }));
        const pending = pendingMigrations(readMigrations('postgres'), applied);
        for (const migration of pending) {
          await client.query('BEGIN');
          try {
            await client.query(migration.sql);
            await client.query('INSERT INTO schema_migrations (version, checksum, applied_at) VALUES ($1, $2, $3)', [
              migration.version,
              migration.checksum,
              Date.now(),
            ]);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        }
        return pending.map((migration) => migration.version);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },

    async close() {
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
}
