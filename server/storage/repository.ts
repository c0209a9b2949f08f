import type { ThrottleDecision, ThrottleState, ThrottleStep } from '../lib/throttle.ts';
import type {
  AccountPatch,
  AccountRecord,
  AuditEntry,
  AuditQuery,
  NewAuditEntry,
  RoleLimit,
  SessionRecord,
} from './records.ts';

/**
 * The one storage contract (docs/adr/0010-storage-adapters.md). Both adapters
 * pass `storage-contract.ts`; services depend on this file only.
 */
export interface AccountRepository {
  /** Throws UsernameTakenError, or BoardLimitError when `limit` would be exceeded. */
  create(account: AccountRecord, limit?: RoleLimit): Promise<AccountRecord>;
  /** Throws AccountNotFoundError, or BoardLimitError when `limit` would be exceeded. */
  update(id: string, patch: AccountPatch, limit?: RoleLimit): Promise<AccountRecord>;
  findById(id: string): Promise<AccountRecord | null>;
  findByUsername(username: string): Promise<AccountRecord | null>;
  /** undefined: all accounts; null: accounts outside any department (admins). Ordered by username. */
  list(departmentId?: string | null): Promise<AccountRecord[]>;
  /** `base` and `base` followed by digits, for picking a free username. */
  usernamesLike(base: string): Promise<string[]>;
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  find(tokenHash: string): Promise<SessionRecord | null>;
  touch(tokenHash: string, lastSeenAt: number): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Returns how many were ended. */
  deleteForAccount(accountId: string, exceptTokenHash?: string): Promise<number>;
  deleteExpired(now: number, idleMs: number, absoluteMs: number): Promise<number>;
}

export interface ThrottleRepository {
  /** Runs `step` on the stored state and writes its result, atomically per key. */
  apply(key: string, step: (current: ThrottleState | null) => ThrottleStep): Promise<ThrottleDecision>;
  get(key: string): Promise<ThrottleState | null>;
}

export interface AuditRepository {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

export interface Storage {
  readonly dialect: 'sqlite' | 'postgres';
  readonly accounts: AccountRepository;
  readonly sessions: SessionRepository;
  readonly throttle: ThrottleRepository;
  readonly audit: AuditRepository;
  /** Applies pending migrations; returns the versions it applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}
