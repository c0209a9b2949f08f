import type { DelegableRight, Role } from '#src/schema/roles.ts';

/** Times are integer milliseconds since the epoch in every adapter: no time-zone surprises. */
export type AccountStatus = 'active' | 'disabled';

export interface AccountRecord {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  /** null only for the province administrator. */
  departmentId: string | null;
  sections: string[];
  delegations: DelegableRight[];
  status: AccountStatus;
  passwordHash: string;
  /** True while the password is a one-time password (Điều 11.2). */
  mustChangePassword: boolean;
  /** When a one-time password stops working; null for a chosen password. */
  passwordExpiresAt: number | null;
  createdAt: number;
  updatedAt: number;
  createdBy: string | null;
  /** Official e-mail address (lower case), where one-time passwords are sent when mail is configured (docs/adr/0017). */
  email: string | null;
  /**
   * Id of the account whose holder saw the current one-time password (it was
   * shown on their screen); null when it reached only the holder (e-mail, the
   * operator's CLI, the sample seeding). Kept when the holder changes it:
   * the witness could have done that too.
   */
  credentialsSeenBy: string | null;
}

export type AccountPatch = Partial<
  Pick<
    AccountRecord,
    | 'role'
    | 'sections'
    | 'delegations'
    | 'status'
    | 'passwordHash'
    | 'mustChangePassword'
    | 'passwordExpiresAt'
    | 'email'
    | 'credentialsSeenBy'
  >
> & { updatedAt: number };

/** Refuse the write if it would make more than `max` active accounts with `role` in the department. */
export interface RoleLimit {
  role: Role;
  max: number;
}

export interface SessionRecord {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  tokenHash: string;
  accountId: string;
  createdAt: number;
  lastSeenAt: number;
  ip: string | null;
  userAgent: string | null;
}

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-in-throttled',
  'sign-out',
  'password-changed',
  'account-created',
  'account-disabled',
  'account-enabled',
  'password-reset',
  'role-changed',
  'sections-assigned',
  'rights-delegated',
  'email-changed',
  'action-refused',
  'department-created',
  'department-renamed',
  'department-removed',
  // A denouncer's identity, words or files shown to an officer (Luật Tố cáo 2018 Điều 47, docs/adr/0059).
  'case-protected-viewed',
  // Closed cases past retention destroyed on the head's decision (docs/adr/0059).
  'case-disposal-approved',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  at: number;
  actorId: string | null;
  /** Kept as text too: the log must still read right after an account changes. */
  actorUsername: string | null;
  action: AuditAction;
  /** The department the event belongs to, so each head reads only their own. */
  departmentId: string | null;
  targetId: string | null;
  targetUsername: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditQuery {
  /** undefined: every department (admin); null: province-level events only. */
  departmentId?: string | null;
  limit: number;
  /** Pagination: entries with a smaller id. */
  beforeId?: number;
  /** Entries with a larger id (what happened after a given entry). */
  afterId?: number;
  /** Only entries about this account. */
  targetId?: string;
  /** Only these actions. */
  actions?: readonly AuditAction[];
  /** Newest first unless told otherwise. */
  order?: 'newest-first' | 'oldest-first';
}

/**
 * A sign-in throttle bucket (docs/adr/0018), stored per key; the storage
 * applies a step to it atomically, the accounts capability decides the steps.
 */
export interface ThrottleState {
  key: string;
  /** Failures since the last success; drives the delays. */
  failures: number;
  windowStart: number;
  /** Attempts reserved in the current window: the hard cap. */
  windowCount: number;
  /** Only in rows written before ADR 0018 (temporary locks); honoured until it passes, never set again. */
  lockedUntil: number | null;
  nextAttemptAt: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number; capped: boolean };

export interface ThrottleStep {
  next: ThrottleState | null;
  decision: ThrottleDecision;
}

/**
 * A token bucket of the citizen forms (docs/adr/0051), stored per key so
 * every server process draws from the same one (docs/adr/0102); the storage
 * applies a step atomically, citizen services decide the steps.
 */
export interface RateBucket {
  tokens: number;
  updatedAt: number;
}

export interface RateBucketStep<D> {
  next: RateBucket;
  decision: D;
}

/** A read-only link to a draft for someone without an account (docs/adr/0093). */
export interface ShareLinkRecord {
  id: string;
  departmentId: string;
  section: string;
  slug: string;
  /** The draft's commit the link shows. */
  commit: string;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  revokedBy: string | null;
}

export type ShareLinkOutcome = 'shown' | 'expired' | 'revoked' | 'tampered' | 'secret' | 'gone';

export interface ShareLinkUse {
  linkId: string;
  at: number;
  outcome: ShareLinkOutcome;
}
