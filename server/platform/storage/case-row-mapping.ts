import type { ServiceId } from '#src/schema/service-process.ts';
import type {
  AttachmentRecord,
  CaseCount,
  CaseEvent,
  CaseQuery,
  CaseRating,
  CaseRecord,
  CaseStatus,
  CreatedCase,
  DisposalList,
  NewAttachment,
  NewCase,
  NewCaseEvent,
} from './case-records.ts';

/** Rows of the case tables as both drivers return them (BIGINT as number; JSON as text or parsed). */
type Row = Record<string, unknown>;

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const nullableString = (value: unknown) => (value === null || value === undefined ? null : String(value));

export function toCase(row: Row): CaseRecord {
  return {
    id: String(row.id),
    departmentId: String(row.department_id),
    service: row.service as ServiceId,
    kind: nullableString(row.kind),
    trackingCode: String(row.tracking_code),
    secretHash: String(row.secret_hash),
    status: row.status as CaseStatus,
    subject: String(row.subject),
    subjectRef: nullableString(row.subject_ref),
    payload: json<Record<string, unknown>>(row.payload),
    contactEmail: nullableString(row.contact_email),
    assignedTo: nullableString(row.assigned_to),
    complex: row.complex === true || row.complex === 1,
    signedLetterAt: nullableNumber(row.signed_letter_at),
    remoteArea: row.remote_area === true || row.remote_area === 1,
    extensions: Number(row.extensions ?? 0),
    suspendedAt: nullableNumber(row.suspended_at),
    receivedAt: Number(row.received_at),
    acceptDueAt: Number(row.accept_due_at),
    resolveDueAt: nullableNumber(row.resolve_due_at),
    dueAt: nullableNumber(row.due_at),
    closedAt: nullableNumber(row.closed_at),
    version: Number(row.version),
    updatedAt: Number(row.updated_at),
  };
}

export function toCaseEvent(row: Row): CaseEvent {
  return {
    id: Number(row.id),
    caseId: String(row.case_id),
    at: Number(row.at),
    actorId: nullableString(row.actor_id),
    actorName: nullableString(row.actor_name),
    action: String(row.action),
    status: row.status as CaseStatus,
    publicText: nullableString(row.public_text),
    internalNote: nullableString(row.internal_note),
    details: json<Record<string, unknown>>(row.details),
  };
}

export function toAttachment(row: Row): AttachmentRecord {
  return {
    id: String(row.id),
    caseId: String(row.case_id),
    storedName: String(row.stored_name),
    displayName: String(row.display_name),
    mediaType: String(row.media_type),
    kind: String(row.kind),
    size: Number(row.size),
    sha256: String(row.sha256),
    source: row.source as AttachmentRecord['source'],
    addedAt: Number(row.added_at),
  };
}

export function toCaseCount(row: Row): CaseCount {
  return {
    departmentId: String(row.department_id),
    service: row.service as ServiceId,
    status: row.status as CaseStatus,
    count: Number(row.n),
  };
}

export function toRating(row: Row): CaseRating {
  return {
    caseId: String(row.case_id),
    departmentId: String(row.department_id),
    service: row.service as ServiceId,
    score: Number(row.score),
    comment: nullableString(row.comment),
    channel: row.channel as CaseRating['channel'],
    ratedAt: Number(row.rated_at),
  };
}

export const RATING_COLUMNS = [
  'case_id',
  'department_id',
  'service',
  'score',
  'comment',
  'channel',
  'rated_at',
] as const;

export function ratingValues(r: CaseRating): unknown[] {
  return [r.caseId, r.departmentId, r.service, r.score, r.comment, r.channel, r.ratedAt];
}

export function toDisposalList(row: Row): DisposalList {
  return {
    id: String(row.id),
    departmentId: String(row.department_id),
    proposedAt: Number(row.proposed_at),
    closedBefore: Number(row.closed_before),
    entries: json<DisposalList['entries']>(row.entries),
    status: row.status as DisposalList['status'],
    approvedBy: nullableString(row.approved_by),
    approvedByName: nullableString(row.approved_by_name),
    approvedAt: nullableNumber(row.approved_at),
  };
}

/** Column lists and values in one order, so both adapters insert the same way. */
export const CASE_COLUMNS = [
  'id',
  'department_id',
  'service',
  'kind',
  'tracking_code',
  'secret_hash',
  'status',
  'subject',
  'subject_ref',
  'payload',
  'contact_email',
  'assigned_to',
  'complex',
  'received_at',
  'accept_due_at',
  'resolve_due_at',
  'due_at',
  'closed_at',
  'idempotency_key_hash',
  'version',
  'updated_at',
  'submission_digest',
  'signed_letter_at',
  'remote_area',
  'extensions',
  'suspended_at',
] as const;

export function caseValues(
  { record, idempotencyKeyHash, submissionDigest }: NewCase,
  booleans: 'integer' | 'boolean',
): unknown[] {
  return [
    record.id,
    record.departmentId,
    record.service,
    record.kind,
    record.trackingCode,
    record.secretHash,
    record.status,
    record.subject,
    record.subjectRef,
    JSON.stringify(record.payload),
    record.contactEmail,
    record.assignedTo,
    booleans === 'integer' ? (record.complex ? 1 : 0) : record.complex,
    record.receivedAt,
    record.acceptDueAt,
    record.resolveDueAt,
    record.dueAt,
    record.closedAt,
    idempotencyKeyHash,
    record.version,
    record.updatedAt,
    submissionDigest ?? null,
    record.signedLetterAt,
    booleans === 'integer' ? (record.remoteArea ? 1 : 0) : record.remoteArea,
    record.extensions,
    record.suspendedAt,
  ];
}

/** An existing case found by its idempotency key, with what it was submitted with. */
export function toExistingCase(row: Row): CreatedCase {
  return { record: toCase(row), created: false, submissionDigest: nullableString(row.submission_digest) };
}

export const EVENT_COLUMNS = [
  'case_id',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'status',
  'public_text',
  'internal_note',
  'details',
] as const;

export function eventValues(caseId: string, event: NewCaseEvent): unknown[] {
  return [
    caseId,
    event.at,
    event.actorId,
    event.actorName,
    event.action,
    event.status,
    event.publicText,
    event.internalNote,
    JSON.stringify(event.details),
  ];
}

export const ATTACHMENT_COLUMNS = [
  'id',
  'case_id',
  'stored_name',
  'display_name',
  'media_type',
  'kind',
  'size',
  'sha256',
  'source',
  'added_at',
] as const;

export function attachmentValues(caseId: string, a: NewAttachment): unknown[] {
  return [a.id, caseId, a.storedName, a.displayName, a.mediaType, a.kind, a.size, a.sha256, a.source, a.addedAt];
}

/** The patchable columns, in a fixed order. */
export const PATCH_COLUMNS: Record<string, string> = {
  status: 'status',
  assignedTo: 'assigned_to',
  complex: 'complex',
  acceptDueAt: 'accept_due_at',
  resolveDueAt: 'resolve_due_at',
  dueAt: 'due_at',
  closedAt: 'closed_at',
  payload: 'payload',
  updatedAt: 'updated_at',
  signedLetterAt: 'signed_letter_at',
  remoteArea: 'remote_area',
  extensions: 'extensions',
  suspendedAt: 'suspended_at',
};

const BOOLEAN_COLUMNS = new Set(['complex', 'remoteArea']);

export function patchAssignments(
  patch: Record<string, unknown>,
  booleans: 'integer' | 'boolean',
): Array<[string, unknown]> {
  return Object.entries(patch)
    .filter(([key, value]) => value !== undefined && key in PATCH_COLUMNS)
    .map(([key, value]) => {
      if (key === 'payload') return [PATCH_COLUMNS[key]!, JSON.stringify(value)];
      if (BOOLEAN_COLUMNS.has(key) && booleans === 'integer') return [PATCH_COLUMNS[key]!, value ? 1 : 0];
      return [PATCH_COLUMNS[key]!, value];
    });
}

/**
 * The WHERE clause of a queue query, with `mark(i)` writing the i-th
 * placeholder in the dialect's syntax (`?` or `$i`). The access rule
 * (`visibleTo`) is SQL, not a filter after the fact: an officer cannot see
 * more by paging.
 */
export function caseQueryWhere(query: CaseQuery, mark: (i: number) => string): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return mark(params.length);
  };
  const list = (values: readonly unknown[]) => values.map((v) => add(v)).join(', ');
  const conditions = [`department_id = ${add(query.departmentId)}`];
  if (query.services) conditions.push(query.services.length ? `service IN (${list(query.services)})` : 'FALSE');
  if (query.statuses) conditions.push(query.statuses.length ? `status IN (${list(query.statuses)})` : 'FALSE');
  if (query.assignedTo === null) conditions.push('assigned_to IS NULL');
  else if (query.assignedTo !== undefined) conditions.push(`assigned_to = ${add(query.assignedTo)}`);
  if (query.visibleTo) {
    const own = `assigned_to = ${add(query.visibleTo.accountId)}`;
    const queue = query.visibleTo.services.length
      ? ` OR (assigned_to IS NULL AND service IN (${list(query.visibleTo.services)}))`
      : '';
    conditions.push(`(${own}${queue})`);
  }
  if (query.dueBefore !== undefined) conditions.push(`due_at IS NOT NULL AND due_at < ${add(query.dueBefore)}`);
  if (query.subjectRef !== undefined) conditions.push(`subject_ref = ${add(query.subjectRef)}`);
  return { where: conditions.join(' AND '), params };
}
