import type {
  RateBucket,
  RateBucketStep,
  ShareLinkRecord,
  ShareLinkUse,
  ThrottleDecision,
  ThrottleState,
  ThrottleStep,
} from './records.ts';
import type {
  AccountPatch,
  AccountRecord,
  AuditEntry,
  AuditQuery,
  NewAuditEntry,
  RoleLimit,
  SessionRecord,
} from './records.ts';
import type {
  AttachmentRecord,
  CaseChange,
  CaseCount,
  CaseEvent,
  CaseQuery,
  CaseRecord,
  CaseRating,
  CreatedCase,
  DisposalList,
  NewCase,
  ServiceGrant,
} from './case-records.ts';

/**
 * The one storage contract (docs/adr/0010-storage-adapters.md). Both adapters
 * pass `storage-contract.ts`; services depend on this file only.
 */
export interface AccountRepository {
  /** Throws UsernameTakenError, EmailTakenError, or BoardLimitError when `limit` would be exceeded. */
  create(account: AccountRecord, limit?: RoleLimit): Promise<AccountRecord>;
  /** Throws AccountNotFoundError, EmailTakenError, or BoardLimitError when `limit` would be exceeded. */
  update(id: string, patch: AccountPatch, limit?: RoleLimit): Promise<AccountRecord>;
  findById(id: string): Promise<AccountRecord | null>;
  findByUsername(username: string): Promise<AccountRecord | null>;
  /** undefined: all accounts; null: accounts outside any department (admins). Ordered by username. */
  list(departmentId?: string | null): Promise<AccountRecord[]>;
  /** `base` and `base` followed by digits, for picking a free username. */
  usernamesLike(base: string): Promise<string[]>;
  /** Accounts whose current credentials `accountId`'s holder saw (docs/adr/0017). Ordered by username. */
  witnessedBy(accountId: string): Promise<AccountRecord[]>;
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

/** Cases of the online public services (Điều 13–15); every write is one transaction. */
export interface CaseRepository {
  /**
   * The case, its first event and its attachments' metadata, all or nothing.
   * With an idempotency key already used in the department, writes nothing
   * and returns the existing case. Throws TrackingCodeTakenError on the rare
   * code collision (the service draws another).
   */
  create(input: NewCase): Promise<CreatedCase>;
  findById(id: string): Promise<CaseRecord | null>;
  findByTrackingCode(trackingCode: string): Promise<CaseRecord | null>;
  /** Oldest received first. */
  list(query: CaseQuery): Promise<CaseRecord[]>;
  /** Patch, event and attachments, all or nothing. Throws CaseConflictError on a stale version, CaseNotFoundError when absent. */
  update(change: CaseChange): Promise<CaseRecord>;
  /** Oldest first. */
  events(caseId: string): Promise<CaseEvent[]>;
  attachments(caseId: string): Promise<AttachmentRecord[]>;
  /** Closed cases older than the retention period: deleted with their events; returns the stored file names to remove. */
  purgeClosedBefore(at: number): Promise<string[]>;
  /** Cases per department, service and state, for the metrics (docs/adr/0105); only non-zero counts. */
  countByStatus(): Promise<CaseCount[]>;
}

/** The citizens' ratings of closed cases (docs/adr/0058). */
export interface CaseRatingRepository {
  /** Stores the rating, durably; false, writing nothing, when the case already has one. */
  add(rating: CaseRating): Promise<boolean>;
  find(caseId: string): Promise<CaseRating | null>;
}

export interface DisposalProposal {
  id: string;
  departmentId: string;
  closedBefore: number;
  proposedAt: number;
  /** The longest list the head is asked to read at once; the rest waits for the next list. */
  max: number;
}

/** Lists of closed cases past retention, destroyed only on the head's approval (docs/adr/0059). */
export interface CaseDisposalRepository {
  /**
   * The department's cases closed before `closedBefore`, oldest first, as a
   * new proposed list; the list already waiting when there is one; null
   * when nothing is past retention.
   */
  propose(proposal: DisposalProposal): Promise<DisposalList | null>;
  /** Newest first. */
  list(departmentId: string, limit: number): Promise<DisposalList[]>;
  find(id: string): Promise<DisposalList | null>;
  /**
   * Records the approval and destroys the listed cases with their events,
   * attachments' metadata and ratings, in one transaction; returns the
   * stored file names to remove. Throws DisposalDecidedError when the list
   * is not waiting any more.
   */
  approve(decision: { id: string; approvedBy: string; approvedByName: string; approvedAt: number }): Promise<string[]>;
}

/** Spent proof-of-work challenges (docs/adr/0051), shared by every server process. */
export interface ReplayRepository {
  /** Atomic insert-if-absent: true the first time an id is spent. */
  consume(id: string, expiresAt: number): Promise<boolean>;
  deleteExpired(now: number): Promise<number>;
}

/** Which officers handle which service, as the head decided (Điều 15). */
export interface ServiceGrantRepository {
  list(departmentId: string): Promise<ServiceGrant[]>;
  /** Replaces the account's grants in the department. */
  set(departmentId: string, accountId: string, services: readonly ServiceGrant['service'][]): Promise<void>;
}

/**
 * Mutual exclusion between the processes of one installation
 * (docs/adr/0102): PostgreSQL advisory locks held by a session, a renewed
 * lease row in SQLite. Not re-entrant: callers take it once, outermost.
 */
export interface LockRepository {
  /** Runs `task` once no other holder of `name`, in this process or another, is running; waits its turn. */
  withLock<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/** Which instance runs an occurrence of a scheduled job (server/platform/scheduler.ts). */
export interface JobClaimRepository {
  /** Atomic insert-if-absent: true for the one instance that claims this occurrence first. */
  claim(job: string, due: number, instance: string, now: number): Promise<boolean>;
  /** Forgets claims of occurrences due before `due`; returns how many. */
  deleteBefore(due: number): Promise<number>;
}

/** Token buckets shared by every server process (docs/adr/0051, 0102). */
export interface RateBucketRepository {
  /** Runs `step` on the stored bucket and writes its result, atomically per key. */
  apply<D>(key: string, step: (current: RateBucket | null) => RateBucketStep<D>): Promise<D>;
  /** Forgets buckets untouched since `before` (full again by then); returns how many. */
  deleteIdle(before: number): Promise<number>;
}

/** Share links of drafts and each of their uses (docs/adr/0093). */
export interface ShareLinkRepository {
  create(link: ShareLinkRecord): Promise<void>;
  find(id: string): Promise<ShareLinkRecord | null>;
  /** The links of one entry, newest first. */
  listForEntry(departmentId: string, section: string, slug: string): Promise<ShareLinkRecord[]>;
  /** Marks the link revoked; false when it was already revoked or does not exist. */
  revoke(id: string, by: string, at: number): Promise<boolean>;
  recordUse(use: ShareLinkUse): Promise<void>;
  /** Uses of a link, oldest first. */
  uses(linkId: string): Promise<ShareLinkUse[]>;
}

export interface Storage {
  readonly dialect: 'sqlite' | 'postgres';
  readonly accounts: AccountRepository;
  readonly sessions: SessionRepository;
  readonly throttle: ThrottleRepository;
  readonly audit: AuditRepository;
  readonly cases: CaseRepository;
  readonly replays: ReplayRepository;
  readonly serviceGrants: ServiceGrantRepository;
  readonly locks: LockRepository;
  readonly jobClaims: JobClaimRepository;
  readonly rateBuckets: RateBucketRepository;
  readonly caseRatings: CaseRatingRepository;
  readonly caseDisposals: CaseDisposalRepository;
  readonly shareLinks: ShareLinkRepository;
  /** Applies pending migrations; returns the versions it applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}
