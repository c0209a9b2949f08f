import type { ServiceId } from '#src/schema/service-process.ts';

/**
 * A case: one submission to an online public service (Điều 13) and its life
 * until the answer (Điều 14, 15). Times are integer milliseconds, as for
 * accounts. `payload` is the validated form, personal data included: it
 * never leaves the back office and the citizen's own look-up page.
 */
export const CASE_STATUSES = [
  'submitted',
  'received',
  'supplement-requested',
  'accepted',
  'rejected',
  'in-progress',
  'awaiting-approval',
  'resolved',
  // Luật Tố cáo 2018 Điều 34: resolution suspended by a decision; the clock stands still.
  'suspended',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * What every case is the moment it is submitted (Điều 13): nobody's yet, not declared complex, no signed letter,
 * not a remote area, no extension nor suspension, no resolve limit before acceptance, open, first version. The
 * service starts each case from it and the storage contracts store the same.
 */
export const FRESH_CASE = {
  status: 'submitted',
  assignedTo: null,
  complex: false,
  signedLetterAt: null,
  remoteArea: false,
  extensions: 0,
  suspendedAt: null,
  resolveDueAt: null,
  closedAt: null,
  version: 1,
} as const satisfies Partial<CaseRecord>;

export interface CaseRecord {
  id: string;
  departmentId: string;
  service: ServiceId;
  /** Complaint kind (`to-cao`…) or applicant type (`ca-nhan`…); null for the other services. */
  kind: string | null;
  /** As printed on the receipt: `STP-2026-7KQ4-M9`. */
  trackingCode: string;
  /** `hashSecret` of the citizen's secret; the secret itself is never stored. */
  secretHash: string;
  status: CaseStatus;
  /** A line for queues, free of personal data: the question's title, the procedure code… */
  subject: string;
  /** The procedure code of a dossier, the consultation slug of a comment. */
  subjectRef: string | null;
  payload: Record<string, unknown>;
  /** Where status changes are mailed (Điều 13.1: tracked to the reply); null when the citizen gave none. */
  contactEmail: string | null;
  assignedTo: string | null;
  /** Declared complex: the longer resolve limit applies (Luật Khiếu nại 2011 Điều 28). */
  complex: boolean;
  /**
   * When the letter signed or finger-printed by the sender reached the
   * department (Luật Khiếu nại 2011 Điều 8, Luật Tố cáo 2018 Điều 23): the
   * acceptance clock starts then. Null before, and for kinds that need none.
   */
  signedLetterAt: number | null;
  /** "Vùng sâu, vùng xa đi lại khó khăn", decided on acceptance: the longer limits of Luật Khiếu nại 2011 Điều 28, 37. */
  remoteArea: boolean;
  /** Extension decisions taken so far (Luật Tố cáo 2018 Điều 30: at most two). */
  extensions: number;
  /** Since when the resolution is suspended (status `suspended`); null otherwise. */
  suspendedAt: number | null;
  receivedAt: number;
  acceptDueAt: number;
  resolveDueAt: number | null;
  /** The deadline now running (accept, then resolve); null once the case is closed. */
  dueAt: number | null;
  closedAt: number | null;
  /** Bumped by every change: concurrent officer actions are detected, not lost. */
  version: number;
  updatedAt: number;
}

export interface CaseEvent {
  id: number;
  caseId: string;
  at: number;
  /** null for the citizen and the system. */
  actorId: string | null;
  /** Kept as text: the timeline must still read right after an account changes. */
  actorName: string | null;
  /** The transition's verb (`accept`, `assign`, `submit`…). */
  action: string;
  /** Status after the event. */
  status: CaseStatus;
  /** Shown to the citizen on the look-up page and mailed. */
  publicText: string | null;
  /** Only for officers. */
  internalNote: string | null;
  details: Record<string, unknown>;
}

export type NewCaseEvent = Omit<CaseEvent, 'id' | 'caseId'>;

export interface AttachmentRecord {
  id: string;
  caseId: string;
  /** Server-made name inside the attachment folder; never derived from anything the citizen sent. */
  storedName: string;
  displayName: string;
  mediaType: string;
  kind: string;
  size: number;
  sha256: string;
  source: 'citizen' | 'officer';
  addedAt: number;
}

export type NewAttachment = Omit<AttachmentRecord, 'caseId'>;

export interface NewCase {
  record: CaseRecord;
  event: NewCaseEvent;
  attachments: NewAttachment[];
  /** SHA-256 of the client's idempotency key, or null when it sent none. */
  idempotencyKeyHash: string | null;
  /** Keyed digest of what was submitted: a retry with the key must carry the same (docs/adr/0053). */
  submissionDigest?: string | null;
}

export interface CreatedCase {
  record: CaseRecord;
  /** false when the idempotency key named an existing case: nothing was written. */
  created: boolean;
  /** The digest stored with the case returned: this submission's when created, the first one's otherwise. */
  submissionDigest: string | null;
}

export type CasePatch = Partial<
  Pick<
    CaseRecord,
    | 'status'
    | 'assignedTo'
    | 'complex'
    | 'acceptDueAt'
    | 'resolveDueAt'
    | 'dueAt'
    | 'closedAt'
    | 'payload'
    | 'signedLetterAt'
    | 'remoteArea'
    | 'extensions'
    | 'suspendedAt'
  >
> & { updatedAt: number };

export interface CaseChange {
  id: string;
  /** The version read; a different stored version refuses the change (CaseConflictError). */
  expectedVersion: number;
  patch: CasePatch;
  event: NewCaseEvent;
  attachments?: NewAttachment[];
}

export interface CaseQuery {
  departmentId: string;
  services?: readonly ServiceId[];
  statuses?: readonly CaseStatus[];
  /** A string: only that officer's; null: only unassigned. */
  assignedTo?: string | null;
  /**
   * What a non-head officer may see: cases assigned to `accountId`, and the
   * unassigned cases of the services the department gave them.
   */
  visibleTo?: { accountId: string; services: readonly ServiceId[] };
  /** Only cases whose running deadline is before this instant (the overdue list). */
  dueBefore?: number;
  subjectRef?: string;
  limit: number;
  offset?: number;
}

export interface ServiceGrant {
  departmentId: string;
  accountId: string;
  service: ServiceId;
}

/** How many cases a department has in one state of one service: the operator's gauge (docs/adr/0105). */
export interface CaseCount {
  departmentId: string;
  service: ServiceId;
  status: CaseStatus;
  count: number;
}

/** The citizen's satisfaction with a closed case (docs/adr/0058): once per case. */
export interface CaseRating {
  caseId: string;
  departmentId: string;
  service: ServiceId;
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  score: number;
  comment: string | null;
  /** From the look-up page or the one-time link of the closing e-mail. */
  channel: 'lookup' | 'mail-link';
  ratedAt: number;
}

/** A case on a disposal list: what the record of the decision keeps of it once it is gone. */
export interface DisposalEntry {
  caseId: string;
  trackingCode: string;
  service: ServiceId;
  closedAt: number;
}

/**
 * The cases of a department past their retention period, proposed for
 * disposal and destroyed only once the head approves (docs/adr/0059). The
 * list outlives the cases: it is the record of what was destroyed, by whose
 * decision, when.
 */
export interface DisposalList {
  id: string;
  departmentId: string;
  proposedAt: number;
  /** Cases closed before this instant were past retention when the list was made. */
  closedBefore: number;
  entries: DisposalEntry[];
  status: 'proposed' | 'approved';
  approvedBy: string | null;
  /** Kept as text, like the case timeline. */
  approvedByName: string | null;
  approvedAt: number | null;
}
