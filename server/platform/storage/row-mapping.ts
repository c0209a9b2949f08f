import type { DelegableRight, Role } from '#src/schema/roles.ts';
import type { ThrottleState } from './records.ts';
import type { AccountRecord, AccountStatus, AuditAction, AuditEntry, AuditQuery, SessionRecord } from './records.ts';

/** Rows as both drivers return them once BIGINT is read as a number; JSON may arrive parsed (jsonb) or as text. */
type Row = Record<string, unknown>;

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function nullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function toAccount(row: Row): AccountRecord {
  return {
    id: String(row.id),
    username: String(row.username),
    fullName: String(row.full_name),
    role: row.role as Role,
    departmentId: nullableString(row.department_id),
    sections: json<string[]>(row.sections),
    delegations: json<DelegableRight[]>(row.delegations),
    status: row.status as AccountStatus,
    passwordHash: String(row.password_hash),
    mustChangePassword: row.must_change_password === true || row.must_change_password === 1,
    passwordExpiresAt: nullableNumber(row.password_expires_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    createdBy: nullableString(row.created_by),
    email: nullableString(row.email),
    credentialsSeenBy: nullableString(row.credentials_seen_by),
  };
}

export function toSession(row: Row): SessionRecord {
  return {
    tokenHash: String(row.token_hash),
    accountId: String(row.account_id),
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    ip: nullableString(row.ip),
    userAgent: nullableString(row.user_agent),
  };
}

export function toThrottleState(row: Row): ThrottleState {
  return {
    key: String(row.key),
    failures: Number(row.failures),
    windowStart: Number(row.window_start),
    windowCount: Number(row.window_count),
    lockedUntil: nullableNumber(row.locked_until),
    nextAttemptAt: Number(row.next_attempt_at),
  };
}

export function toAuditEntry(row: Row): AuditEntry {
  return {
    id: Number(row.id),
    at: Number(row.at),
    actorId: nullableString(row.actor_id),
    actorUsername: nullableString(row.actor_username),
    action: row.action as AuditAction,
    departmentId: nullableString(row.department_id),
    targetId: nullableString(row.target_id),
    targetUsername: nullableString(row.target_username),
    ip: nullableString(row.ip),
    details: json<Record<string, unknown>>(row.details),
  };
}

/** Applies a patch over a record, for adapters that read-modify-write. */
export function patched(account: AccountRecord, patch: Partial<AccountRecord>): AccountRecord {
  const next = { ...account };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

/** `base`, `base2`, `base17`… but not `basement`. */
export function isUsernameVariant(base: string, candidate: string): boolean {
  return candidate === base || (candidate.startsWith(base) && /^\d+$/.test(candidate.slice(base.length)));
}

/**
 * The WHERE clause and parameters of an audit query, for both adapters:
 * `placeholder(n)` writes the n-th parameter (`?` or `$n`), `isSame` the
 * null-safe equality (`IS ?` or `IS NOT DISTINCT FROM $n`).
 */
export function auditFilter(query: AuditQuery, placeholder: (n: number) => string, isSame: (n: number) => string) {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(params.length));
  };
  if (query.departmentId !== undefined) add((n) => `department_id ${isSame(n)}`, query.departmentId);
  add((n) => `id < ${placeholder(n)}`, query.beforeId ?? Number.MAX_SAFE_INTEGER);
  if (query.afterId !== undefined) add((n) => `id > ${placeholder(n)}`, query.afterId);
  if (query.targetId !== undefined) add((n) => `target_id = ${placeholder(n)}`, query.targetId);
  if (query.actions !== undefined) {
    if (query.actions.length === 0) clauses.push('FALSE');
    else {
      const first = params.length + 1;
      params.push(...query.actions);
      clauses.push(`action IN (${query.actions.map((_, i) => placeholder(first + i)).join(', ')})`);
    }
  }
  params.push(query.limit);
  const order = query.order === 'oldest-first' ? 'ASC' : 'DESC';
  return {
    sql: `SELECT * FROM audit_log WHERE ${clauses.join(' AND ')} ORDER BY id ${order} LIMIT ${placeholder(params.length)}`,
    params,
  };
}
