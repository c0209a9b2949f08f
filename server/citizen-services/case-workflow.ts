import type { ServiceId } from '#src/schema/service-process.ts';
import { CasePermissionError, ReasonRequiredError, TransitionNotAllowedError } from './errors.ts';
import type { CaseStatus } from '#server/platform/storage/case-records.ts';

/**
 * The life of a case, per service, as one table (Điều 14, 15): named states,
 * verb-named transitions with explicit from/to, and who may fire each.
 * Anything the table does not list is refused. "Who" is the actor's relation
 * to the case, decided by `relationsTo` from the department's assignments,
 * never from the URL:
 * - `head`: the head of the agency (account role `head` in the department);
 * - `assignee`: the officer the head assigned the case to;
 * - `reception`: an officer the department gave the service to, while the case is unassigned;
 * - `citizen`: the sender, proven by the tracking code and secret.
 */
export type CaseRelation = 'head' | 'assignee' | 'reception' | 'citizen';

export const TRANSITION_NAMES = [
  'receive',
  'requestSupplement',
  'supplement',
  'accept',
  'reject',
  'assign',
  'startVerification',
  'declareComplex',
  'answer',
  'approve',
  'sendBack',
  'resolve',
  'returnResult',
  'note',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

export interface TransitionRule {
  from: readonly CaseStatus[];
  /** `same` keeps the status (assignment, notes, declaring complexity). */
  to: CaseStatus | 'same';
  by: readonly CaseRelation[];
  /** A reason or answer the citizen reads, or the officer to assign. */
  needs?: 'publicText' | 'assignee';
}

/** States in which nothing more happens but notes. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['rejected', 'resolved'];
const OPEN: readonly CaseStatus[] = ['submitted', 'received', 'supplement-requested', 'accepted', 'in-progress', 'awaiting-approval'];
const ANY: readonly CaseStatus[] = [...OPEN, ...FINAL_STATUSES];
const STAFF: readonly CaseRelation[] = ['head', 'assignee', 'reception'];

const common = {
  assign: { from: OPEN, to: 'same', by: ['head'], needs: 'assignee' },
  note: { from: ANY, to: 'same', by: STAFF },
} as const satisfies Partial<Record<TransitionName, TransitionRule>>;

export const WORKFLOWS: Record<ServiceId, Partial<Record<TransitionName, TransitionRule>>> = {
  // Luật Khiếu nại 2011 Điều 27–31, Luật Tố cáo 2018 Điều 24–35: accept or refuse with reasons, verify, conclude.
  'khieu-nai-to-cao': {
    ...common,
    accept: { from: ['submitted'], to: 'accepted', by: ['head', 'reception'] },
    reject: { from: ['submitted'], to: 'rejected', by: ['head', 'reception'], needs: 'publicText' },
    startVerification: { from: ['accepted'], to: 'in-progress', by: ['head', 'assignee'] },
    declareComplex: { from: ['accepted', 'in-progress'], to: 'same', by: ['head'] },
    resolve: { from: ['accepted', 'in-progress'], to: 'resolved', by: ['head', 'assignee'], needs: 'publicText' },
  },
  // Điều 13.3: moderated, answered by an officer, published once the head approves.
  'hoi-dap': {
    ...common,
    accept: { from: ['submitted'], to: 'accepted', by: ['head', 'reception'] },
    reject: { from: ['submitted'], to: 'rejected', by: ['head', 'reception'], needs: 'publicText' },
    answer: { from: ['accepted', 'in-progress'], to: 'awaiting-approval', by: ['head', 'assignee'], needs: 'publicText' },
    approve: { from: ['awaiting-approval'], to: 'resolved', by: ['head'] },
    sendBack: { from: ['awaiting-approval'], to: 'in-progress', by: ['head'] },
  },
  // Điều 13.2, 13.4: receive, ask for what is missing, accept or refuse with reasons, return the result.
  'ho-so': {
    ...common,
    receive: { from: ['submitted'], to: 'received', by: ['head', 'reception'] },
    requestSupplement: { from: ['submitted', 'received'], to: 'supplement-requested', by: ['head', 'reception', 'assignee'], needs: 'publicText' },
    supplement: { from: ['supplement-requested'], to: 'received', by: ['citizen'] },
    accept: { from: ['received'], to: 'accepted', by: ['head', 'reception', 'assignee'] },
    reject: { from: ['submitted', 'received', 'supplement-requested', 'accepted'], to: 'rejected', by: ['head', 'reception', 'assignee'], needs: 'publicText' },
    returnResult: { from: ['accepted'], to: 'resolved', by: ['head', 'assignee'], needs: 'publicText' },
  },
  // Điều 7.8: comments are moderated, then counted in the consultation's summary.
  'gop-y-du-thao': {
    note: common.note,
    accept: { from: ['submitted'], to: 'accepted', by: ['head', 'reception'] },
    reject: { from: ['submitted'], to: 'rejected', by: ['head', 'reception'], needs: 'publicText' },
  },
  'phan-hoi-website': {
    ...common,
    accept: { from: ['submitted'], to: 'accepted', by: ['head', 'reception'] },
    reject: { from: ['submitted'], to: 'rejected', by: ['head', 'reception'], needs: 'publicText' },
    resolve: { from: ['accepted', 'in-progress'], to: 'resolved', by: ['head', 'assignee'], needs: 'publicText' },
  },
};

/** Statuses after which a comment on a draft counts as received and kept. */
export const COUNTED_COMMENT_STATUSES: readonly CaseStatus[] = ['accepted'];

export interface TransitionInput {
  publicText?: string | null;
  assigneeId?: string | null;
}

/**
 * Throws the readable refusal, or returns the status after the transition.
 * Order: does the service know the verb, is the actor allowed, is the case in
 * a state for it, is the required reason there.
 */
export function checkTransition(
  service: ServiceId,
  name: TransitionName,
  status: CaseStatus,
  relations: ReadonlySet<CaseRelation>,
  input: TransitionInput = {},
): CaseStatus {
  const rule = WORKFLOWS[service][name];
  if (!rule) throw new TransitionNotAllowedError({ transition: name, from: status, reason: 'not-this-service' });
  if (!rule.by.some((relation) => relations.has(relation))) throw new CasePermissionError({ action: name });
  if (!rule.from.includes(status)) throw new TransitionNotAllowedError({ transition: name, from: status, reason: 'wrong-state' });
  if (rule.needs === 'publicText' && !input.publicText?.trim()) throw new ReasonRequiredError({ transition: name, field: 'publicText' });
  if (rule.needs === 'assignee' && !input.assigneeId) throw new ReasonRequiredError({ transition: name, field: 'assignee' });
  return rule.to === 'same' ? status : rule.to;
}

/** The transitions an actor could fire now: the buttons of the case page. */
export function availableTransitions(service: ServiceId, status: CaseStatus, relations: ReadonlySet<CaseRelation>): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => {
    const rule = WORKFLOWS[service][name];
    return rule !== undefined && rule.from.includes(status) && rule.by.some((r) => r !== 'citizen' && relations.has(r));
  });
}

export interface CaseActor {
  id: string;
  role: string;
  departmentId: string | null;
}

/**
 * The actor's relations to a case. The province administrator has none:
 * running the platform does not entitle anyone to read citizens' letters.
 */
export function relationsTo(
  actor: CaseActor,
  target: { departmentId: string; service: ServiceId; assignedTo: string | null },
  grantedServices: ReadonlySet<ServiceId>,
): Set<CaseRelation> {
  const relations = new Set<CaseRelation>();
  if (actor.departmentId !== target.departmentId) return relations;
  if (actor.role === 'head') relations.add('head');
  if (target.assignedTo === actor.id) relations.add('assignee');
  if (target.assignedTo === null && grantedServices.has(target.service)) relations.add('reception');
  return relations;
}

/** Whether the actor may open the case at all. */
export function canView(relations: ReadonlySet<CaseRelation>): boolean {
  return relations.has('head') || relations.has('assignee') || relations.has('reception');
}

/** The transitions that end the case; used for closedAt and the end of the deadline clock. */
export function isFinal(status: CaseStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
