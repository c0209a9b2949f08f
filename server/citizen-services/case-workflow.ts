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
  'receiveSignedLetter',
  'sendSignedLetter',
  'extendAcceptance',
  'extend',
  'suspend',
  'resume',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

export interface TransitionRule {
  from: readonly CaseStatus[];
  /** `same` keeps the status (assignment, notes, declaring complexity). */
  to: CaseStatus | 'same';
  by: readonly CaseRelation[];
  /** A reason or answer the citizen reads, or the officer to assign. */
  needs?: 'publicText' | 'assignee';
  /** A decision the citizen is told of although the status stays (an extension, the signed letter received). */
  tellsCitizen?: true;
}

type Rules = Partial<Record<TransitionName, TransitionRule>>;

/** States in which nothing more happens but notes. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['rejected', 'resolved'];
const OPEN: readonly CaseStatus[] = [
  'submitted',
  'received',
  'supplement-requested',
  'accepted',
  'in-progress',
  'awaiting-approval',
  'suspended',
];
const ANY: readonly CaseStatus[] = [...OPEN, ...FINAL_STATUSES];
const STAFF: readonly CaseRelation[] = ['head', 'assignee', 'reception'];

const common = {
  assign: { from: OPEN, to: 'same', by: ['head'], needs: 'assignee' },
  note: { from: ANY, to: 'same', by: STAFF },
} as const satisfies Partial<Record<TransitionName, TransitionRule>>;

export const WORKFLOWS: Record<ServiceId, Rules> = {
  // Luật Khiếu nại 2011 Điều 27–31, 36–40: accept or refuse with reasons, verify, conclude.
  'khieu-nai-to-cao': {
    ...common,
    // Điều 8: the complaint is the letter the complainant signed or finger-printed; the acceptance clock starts when it arrives (docs/adr/0057).
    receiveSignedLetter: { from: ['submitted'], to: 'same', by: STAFF, tellsCitizen: true },
    sendSignedLetter: { from: ['submitted'], to: 'same', by: ['citizen'] },
    accept: { from: ['submitted'], to: 'accepted', by: ['head', 'reception'] },
    reject: { from: ['submitted'], to: 'rejected', by: ['head', 'reception'], needs: 'publicText' },
    startVerification: { from: ['accepted'], to: 'in-progress', by: ['head', 'assignee'] },
    // Điều 28, 37: a complex case gets the longer limit, by the head's decision with its reason, told to the complainant.
    declareComplex: {
      from: ['accepted', 'in-progress'],
      to: 'same',
      by: ['head'],
      needs: 'publicText',
      tellsCitizen: true,
    },
    resolve: { from: ['accepted', 'in-progress'], to: 'resolved', by: ['head', 'assignee'], needs: 'publicText' },
  },
  // Điều 13.3: moderated, answered by an officer, published once the head approves.
  'hoi-dap': {
    ...common,
    accept: { from: ['submitted'], to: 'accepted', by: ['head', 'reception'] },
    reject: { from: ['submitted'], to: 'rejected', by: ['head', 'reception'], needs: 'publicText' },
    answer: {
      from: ['accepted', 'in-progress'],
      to: 'awaiting-approval',
      by: ['head', 'assignee'],
      needs: 'publicText',
    },
    approve: { from: ['awaiting-approval'], to: 'resolved', by: ['head'] },
    sendBack: { from: ['awaiting-approval'], to: 'in-progress', by: ['head'] },
  },
  // Điều 13.2, 13.4: receive, ask for what is missing, accept or refuse with reasons, return the result.
  'ho-so': {
    ...common,
    receive: { from: ['submitted'], to: 'received', by: ['head', 'reception'] },
    requestSupplement: {
      from: ['submitted', 'received'],
      to: 'supplement-requested',
      by: ['head', 'reception', 'assignee'],
      needs: 'publicText',
    },
    supplement: { from: ['supplement-requested'], to: 'received', by: ['citizen'] },
    accept: { from: ['received'], to: 'accepted', by: ['head', 'reception', 'assignee'] },
    reject: {
      from: ['submitted', 'received', 'supplement-requested', 'accepted'],
      to: 'rejected',
      by: ['head', 'reception', 'assignee'],
      needs: 'publicText',
    },
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
  // Luật Tiếp cận thông tin 2016 (docs/adr/0048): available information is given at once (resolve from submitted);
  // otherwise the request is accepted as valid, answered within 10 working days of receipt, extended once with
  // a written notice (Điều 30), or refused in writing with the reasons (Điều 28).
  'tiep-can-thong-tin': {
    ...common,
    accept: { from: ['submitted'], to: 'accepted', by: ['head', 'reception'] },
    reject: {
      from: ['submitted', 'accepted', 'in-progress'],
      to: 'rejected',
      by: ['head', 'reception', 'assignee'],
      needs: 'publicText',
    },
    startVerification: { from: ['accepted'], to: 'in-progress', by: ['head', 'assignee'] },
    extend: {
      from: ['submitted', 'accepted', 'in-progress'],
      to: 'same',
      by: ['head'],
      needs: 'publicText',
      tellsCitizen: true,
    },
    resolve: {
      from: ['submitted', 'accepted', 'in-progress'],
      to: 'resolved',
      by: ['head', 'assignee', 'reception'],
      needs: 'publicText',
    },
  },
};

/**
 * Where a kind of letter has its own steps, they replace the service's; null
 * removes a step. Luật Tố cáo 2018: the denouncer's letter, text and files are
 * for the head and the assigned officer only (Điều 47, docs/adr/0059), so
 * they decide acceptance; the limits grow by extension decisions (Điều 24,
 * 30), not by declaring complexity, and the resolution may be suspended
 * (Điều 34). Feedback and petitions need no signed letter.
 */
export const KIND_WORKFLOWS: Partial<Record<string, Partial<Record<TransitionName, TransitionRule | null>>>> = {
  'to-cao': {
    accept: { from: ['submitted'], to: 'accepted', by: ['head', 'assignee'] },
    reject: { from: ['submitted'], to: 'rejected', by: ['head', 'assignee'], needs: 'publicText' },
    // Điều 24.1: up to 10 working days instead of 7 when the facts must be checked in several places.
    extendAcceptance: { from: ['submitted'], to: 'same', by: ['head'], needs: 'publicText', tellsCitizen: true },
    declareComplex: null,
    // Điều 30.1: once for a complex case, twice for a particularly complex one; a written decision told to the denouncer.
    extend: { from: ['accepted', 'in-progress'], to: 'same', by: ['head'], needs: 'publicText', tellsCitizen: true },
    // Điều 34: waiting for another body's result or an expert's; the time suspended does not count.
    suspend: { from: ['accepted', 'in-progress'], to: 'suspended', by: ['head'], needs: 'publicText' },
    resume: { from: ['suspended'], to: 'in-progress', by: ['head'], needs: 'publicText' },
  },
  'phan-anh': { receiveSignedLetter: null, sendSignedLetter: null },
  'kien-nghi': { receiveSignedLetter: null, sendSignedLetter: null },
};

/** The rule of a step for this case: the kind's own, else the service's. */
export function ruleFor(service: ServiceId, kind: string | null, name: TransitionName): TransitionRule | undefined {
  const own = service === 'khieu-nai-to-cao' && kind ? KIND_WORKFLOWS[kind] : undefined;
  if (own && name in own) return own[name] ?? undefined;
  return WORKFLOWS[service][name];
}

/** Statuses after which a comment on a draft counts as received and kept. */
export const COUNTED_COMMENT_STATUSES: readonly CaseStatus[] = ['accepted'];

export interface TransitionInput {
  publicText?: string | null;
  assigneeId?: string | null;
}

/** The case as the table reads it: its service, its kind of letter (`to-cao`…) and its status. */
export interface WorkflowTarget {
  service: ServiceId;
  kind: string | null;
  status: CaseStatus;
}

/**
 * Throws the readable refusal, or returns the status after the transition.
 * Order: does the service (and the kind of letter) know the verb, is the
 * actor allowed, is the case in a state for it, is the required reason there.
 */
export function checkTransition(
  target: WorkflowTarget,
  name: TransitionName,
  relations: ReadonlySet<CaseRelation>,
  input: TransitionInput = {},
): CaseStatus {
  const { service, kind, status } = target;
  const rule = ruleFor(service, kind, name);
  if (!rule) {
    const reason =
      WORKFLOWS[service][name] || (kind && KIND_WORKFLOWS[kind]?.[name]) ? 'not-this-kind' : 'not-this-service';
    throw new TransitionNotAllowedError({ transition: name, from: status, reason });
  }
  if (!rule.by.some((relation) => relations.has(relation))) throw new CasePermissionError({ action: name });
  if (!rule.from.includes(status))
    throw new TransitionNotAllowedError({ transition: name, from: status, reason: 'wrong-state' });
  if (rule.needs === 'publicText' && !input.publicText?.trim())
    throw new ReasonRequiredError({ transition: name, field: 'publicText' });
  if (rule.needs === 'assignee' && !input.assigneeId)
    throw new ReasonRequiredError({ transition: name, field: 'assignee' });
  return rule.to === 'same' ? status : rule.to;
}

/** The transitions an actor could fire now: the buttons of the case page. */
export function availableTransitions(target: WorkflowTarget, relations: ReadonlySet<CaseRelation>): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => {
    const rule = ruleFor(target.service, target.kind, name);
    return rule?.from.includes(target.status) && rule.by.some((r) => r !== 'citizen' && relations.has(r));
  });
}

/** Whether the citizen is told of this step: every change of status, and the decisions the table marks. */
export function tellsCitizen(
  target: Pick<WorkflowTarget, 'service' | 'kind'>,
  name: TransitionName,
  statusChanged: boolean,
): boolean {
  return statusChanged || ruleFor(target.service, target.kind, name)?.tellsCitizen === true;
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
