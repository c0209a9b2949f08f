import type { DelegableRight, Role } from '../../src/schema/roles.ts';
import type { SectionId } from '../../src/schema/sections.ts';
import {
  InvalidTransitionError,
  NotOnBoardError,
  RightNotGrantedError,
  SectionNotAssignedError,
  SelfVerificationError,
  StateSecretError,
  type EventName,
  type WorkflowState,
} from './editorial-workflow-errors.ts';

export { EVENT_LABELS, STATE_LABELS, type EventName, type WorkflowState } from './editorial-workflow-errors.ts';

/**
 * The three steps of Điều 19 as one state machine: nhập mới (draft) → chờ
 * xác thực (in-review) → đã xác thực (ready) → đăng tải (published). Pure:
 * it is told the facts of an entry and who acts, and answers with the next
 * state or a typed refusal. Everything that changes content asks it first.
 * Reasoning in docs/adr/0040-workflow-state-in-git.md.
 */

/** Whoever acts; the session user is adapted to this shape. */
export interface Actor {
  username: string;
  /** Full name, written into commits and history. */
  name: string;
  /** The department (site id) whose board the person sits on; null for the province admin. */
  site: string | null;
  role: Role;
  /** Assigned sections; only binding for editors and contributors (Điều 17.3, 17.5). */
  sections: readonly string[];
  delegations: readonly DelegableRight[];
}

export interface EntryFacts {
  site: string;
  section: SectionId;
  slug: string;
  /** null while the entry does not exist yet. */
  state: WorkflowState | null;
  /** Usernames who did step 1 (created or submitted it): "their own entry". */
  owners: readonly string[];
  stateSecret: boolean;
}

export interface WorkflowPolicy {
  /**
   * Off by default: step 2 exists so that a second person checks the entry.
   * A department with a one-person board may switch it on.
   */
  allowSelfVerification: boolean;
}

export const DEFAULT_POLICY: WorkflowPolicy = { allowSelfVerification: false };

/** Which right a transition needs. `enter` is step 1, held by every board member. */
type Right = 'enter' | 'verify' | 'publish' | 'own-or-verify' | 'discard';

interface TransitionRule {
  from: WorkflowState | null;
  to: WorkflowState | null;
  right: Right;
}

/**
 * Every allowed move, named by verb as whitehall's edition workflow does.
 * A move not listed here does not exist.
 */
export const TRANSITIONS: Readonly<Record<Exclude<EventName, 'upload-media' | 'delete-media'>, readonly TransitionRule[]>> = {
  create: [{ from: null, to: 'draft', right: 'enter' }],
  edit: [
    { from: 'draft', to: 'draft', right: 'enter' },
    // Step 2 lets the verifier amend the text; it stays in review.
    { from: 'in-review', to: 'in-review', right: 'enter' },
    // A change after verification voids it: someone must check again.
    { from: 'ready', to: 'in-review', right: 'enter' },
    // Editing what is live starts a new draft; the live page stays as it is.
    { from: 'published', to: 'draft', right: 'enter' },
  ],
  submit: [{ from: 'draft', to: 'in-review', right: 'enter' }],
  withdraw: [{ from: 'in-review', to: 'draft', right: 'own-or-verify' }],
  verify: [{ from: 'in-review', to: 'ready', right: 'verify' }],
  return: [
    { from: 'in-review', to: 'draft', right: 'verify' },
    { from: 'ready', to: 'draft', right: 'verify' },
    { from: 'ready', to: 'in-review', right: 'verify' },
  ],
  publish: [{ from: 'ready', to: 'published', right: 'publish' }],
  unpublish: [{ from: 'published', to: 'draft', right: 'publish' }],
  discard: [
    { from: 'draft', to: null, right: 'discard' },
    { from: 'in-review', to: null, right: 'discard' },
    { from: 'ready', to: null, right: 'discard' },
  ],
  delete: [{ from: 'published', to: null, right: 'publish' }],
};
export type EntryEvent = keyof typeof TRANSITIONS;
export const ENTRY_EVENTS = Object.keys(TRANSITIONS) as EntryEvent[];

/** Editors and contributors work only in the sections the head assigned them. */
const SECTION_BOUND: readonly Role[] = ['editor', 'contributor'];

function onBoard(actor: Actor, site: string, event: EventName): void {
  if (actor.role === 'admin' || actor.site !== site) {
    throw new NotOnBoardError({ event, site, actorSite: actor.site ?? '', role: actor.role });
  }
}

function inSection(actor: Actor, section: SectionId, event: EventName): void {
  if (SECTION_BOUND.includes(actor.role) && !actor.sections.includes(section)) {
    throw new SectionNotAssignedError({ event, section, role: actor.role });
  }
}

export function canVerify(actor: Pick<Actor, 'role' | 'delegations'>): boolean {
  return actor.role === 'deputy' || actor.delegations.includes('verify');
}

export function canPublish(actor: Pick<Actor, 'role' | 'delegations'>): boolean {
  return actor.role === 'head' || actor.delegations.includes('publish');
}

function checkRight(actor: Actor, entry: EntryFacts, event: EventName, right: Right): void {
  inSection(actor, entry.section, event);
  const owner = entry.owners.includes(actor.username);
  switch (right) {
    case 'enter':
      return;
    case 'verify':
      if (!canVerify(actor)) throw new RightNotGrantedError({ event, right: 'verify', role: actor.role });
      return;
    case 'publish':
      if (!canPublish(actor)) throw new RightNotGrantedError({ event, right: 'publish', role: actor.role });
      return;
    case 'own-or-verify':
      if (!owner && !canVerify(actor)) throw new RightNotGrantedError({ event, right: 'own', role: actor.role });
      return;
    case 'discard':
      // The author may throw away their own draft; once submitted, only those who check it may.
      if (entry.state === 'draft' && owner) return;
      if (!canVerify(actor) && !canPublish(actor)) throw new RightNotGrantedError({ event, right: 'own', role: actor.role });
      return;
  }
}

/**
 * Answers "may `actor` fire `event` on this entry?" with the state it leads
 * to, or throws the refusal. `to` picks among several targets (return).
 */
export function authorizeTransition(
  actor: Actor,
  event: EntryEvent,
  entry: EntryFacts,
  options: { to?: WorkflowState | null; policy?: WorkflowPolicy } = {},
): WorkflowState | null {
  onBoard(actor, entry.site, event);
  const rules = TRANSITIONS[event].filter((r) => r.from === entry.state);
  const rule = options.to === undefined ? rules[0] : rules.find((r) => r.to === options.to);
  if (!rule) throw new InvalidTransitionError({ event, from: entry.state, to: options.to ?? null });
  checkRight(actor, entry, event, rule.right);
  if (event === 'verify' && entry.owners.includes(actor.username) && !(options.policy ?? DEFAULT_POLICY).allowSelfVerification) {
    throw new SelfVerificationError({ username: actor.username });
  }
  if (event === 'publish' && entry.stateSecret) {
    throw new StateSecretError({ site: entry.site, section: entry.section, slug: entry.slug });
  }
  return rule.to;
}

/**
 * Files under `content/<site>/tep/` are served as they land on `main`, so
 * changing them skips steps 1–2: only who may publish may do it directly.
 * Others attach files to an entry, which then goes through the workflow.
 */
export function authorizeMediaChange(actor: Actor, site: string, event: 'upload-media' | 'delete-media'): void {
  onBoard(actor, site, event);
  if (!canPublish(actor)) throw new RightNotGrantedError({ event, right: 'publish', role: actor.role });
}

/** Events the actor could fire now: for buttons, never for enforcement. */
export function availableEvents(actor: Actor, entry: EntryFacts, policy: WorkflowPolicy = DEFAULT_POLICY): EntryEvent[] {
  return ENTRY_EVENTS.filter((event) =>
    TRANSITIONS[event]
      .filter((r) => r.from === entry.state)
      .some((r) => {
        try {
          authorizeTransition(actor, event, entry, { to: r.to, policy });
          return true;
        } catch {
          return false;
        }
      }),
  );
}

/** Whether the actor may write at all in a section of a site (step 1): for the CMS config. */
export function maySectionBeEntered(actor: Actor, site: string, section: SectionId): boolean {
  if (actor.role === 'admin' || actor.site !== site) return false;
  return !SECTION_BOUND.includes(actor.role) || actor.sections.includes(section);
}
