import type { DelegableRight, Role } from '#src/schema/roles.ts';
import type { SectionId } from '#src/schema/sections.ts';
import {
  InvalidTransitionError,
  NotOnBoardError,
  NotYourDraftError,
  PublisherIsVerifierError,
  RightNotGrantedError,
  SectionNotAssignedError,
  SecretDraftError,
  SelfVerificationError,
  StateSecretError,
  UrgentReasonRequiredError,
  UrgentReviewerError,
} from './errors.ts';
import type { EventName, WorkflowState } from './workflow-labels.ts';

export { EVENT_LABELS, STATE_LABELS, type EventName, type WorkflowState } from './workflow-labels.ts';

/**
 * The three steps of Điều 19 as one state machine: nhập mới (draft) → chờ
 * xác thực (in-review) → đã xác thực (ready) → đăng tải (published). Pure:
 * it is told the facts of an entry and who acts, and answers with the next
 * state or a typed refusal. Everything that changes content asks it first.
 * Authorship and four eyes: docs/adr/0043-authorship-and-four-eyes.md;
 * urgent publication: docs/adr/0044-urgent-publication.md.
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
  /**
   * Accounts that count as the same person as this one for the four-eyes
   * rules: whoever saw this account's one-time password, and the accounts
   * whose one-time password this person saw (ADR 0017). Empty by default.
   */
  linked?: readonly string[];
}

export interface EntryFacts {
  site: string;
  section: SectionId;
  slug: string;
  /** null while the entry does not exist yet. */
  state: WorkflowState | null;
  /** Usernames who entered it or submitted it (step 1): "their own entry". */
  owners: readonly string[];
  /**
   * Everyone whose change of content is in the current revision: the
   * authors, deputies who amended it in review included. Defaults to owners.
   */
  authors?: readonly string[];
  /** Who verified the revision now waiting for publication (state ready). */
  verifiedBy?: string | null;
  stateSecret: boolean;
  /** For an urgent publication already live: who published it alone. */
  urgentBy?: string | null;
}

/** Which right a transition needs. `enter` is step 1, held by every board member. */
type Right = 'enter' | 'author' | 'check' | 'verify' | 'publish' | 'urgent' | 'discard' | 'redraft' | 'system';

interface TransitionRule {
  from: WorkflowState | null;
  to: WorkflowState | null;
  right: Right;
}

/**
 * Every allowed move, named by verb as whitehall's edition workflow does.
 * A move not listed here does not exist.
 */
export const TRANSITIONS = {
  create: [{ from: null, to: 'draft', right: 'enter' }],
  edit: [
    // A draft is its authors' working copy (Điều 11.4: nobody alters another's work).
    { from: 'draft', to: 'draft', right: 'author' },
    // Step 2 lets the verifier amend the text; it stays in review and the amender becomes an author.
    { from: 'in-review', to: 'in-review', right: 'check' },
    // A change after verification voids it: someone must check again.
    { from: 'ready', to: 'in-review', right: 'check' },
    // Editing what is live starts a new draft; the live page stays as it is (see 'redraft').
    { from: 'published', to: 'draft', right: 'redraft' },
  ],
  submit: [{ from: 'draft', to: 'in-review', right: 'author' }],
  withdraw: [{ from: 'in-review', to: 'draft', right: 'author' }],
  verify: [{ from: 'in-review', to: 'ready', right: 'verify' }],
  return: [
    { from: 'in-review', to: 'draft', right: 'check' },
    { from: 'ready', to: 'draft', right: 'check' },
    { from: 'ready', to: 'in-review', right: 'check' },
  ],
  publish: [{ from: 'ready', to: 'published', right: 'publish' }],
  // Điều 9 urgent news: the head alone, with a written reason, reviewed afterwards (ADR 0044).
  'publish-urgently': [
    { from: 'draft', to: 'published', right: 'urgent' },
    { from: 'in-review', to: 'published', right: 'urgent' },
    { from: 'ready', to: 'published', right: 'urgent' },
  ],
  'review-urgent': [{ from: 'published', to: 'published', right: 'check' }],
  unpublish: [{ from: 'published', to: 'draft', right: 'publish' }],
  discard: [
    { from: 'draft', to: null, right: 'discard' },
    { from: 'in-review', to: null, right: 'discard' },
    { from: 'ready', to: null, right: 'discard' },
  ],
  delete: [{ from: 'published', to: null, right: 'publish' }],
  // docs/adr/0049: at a moment the published entry carries (publishAt, expireAt, a consultation's or a
  // procurement notice's closing), the server rebuilds the site; the step is the system's, never a person's.
  'change-on-time': [{ from: 'published', to: 'published', right: 'system' }],
} as const satisfies Record<string, readonly TransitionRule[]>;
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

/** The actor, or an account that counts as the same person (ADR 0017). */
export function isSamePerson(actor: Pick<Actor, 'username' | 'linked'>, username: string | null | undefined): boolean {
  return !!username && (actor.username === username || (actor.linked ?? []).includes(username));
}

export function authorsOf(entry: EntryFacts): readonly string[] {
  return entry.authors ?? entry.owners;
}

function isAuthor(actor: Actor, entry: EntryFacts): boolean {
  return authorsOf(entry).some((u) => isSamePerson(actor, u)) || entry.owners.some((u) => isSamePerson(actor, u));
}

function checkRight(actor: Actor, entry: EntryFacts, event: EventName, right: Right): void {
  inSection(actor, entry.section, event);
  switch (right) {
    case 'enter':
      return;
    case 'author':
      if (!isAuthor(actor, entry)) throw new NotYourDraftError({ event, authors: [...authorsOf(entry)] });
      return;
    case 'check':
      if (!canVerify(actor) && !canPublish(actor))
        throw new RightNotGrantedError({ event, right: 'verify', role: actor.role });
      return;
    case 'verify':
      if (!canVerify(actor)) throw new RightNotGrantedError({ event, right: 'verify', role: actor.role });
      return;
    case 'publish':
      if (!canPublish(actor)) throw new RightNotGrantedError({ event, right: 'publish', role: actor.role });
      return;
    case 'urgent':
      if (actor.role !== 'head') throw new RightNotGrantedError({ event, right: 'urgent', role: actor.role });
      return;
    case 'redraft':
      // A live entry is reopened by its authors or by those who check; content from before the
      // workflow has no recorded author and is the section's editors' to maintain. Anyone else
      // would hold the entry's one draft and keep its authors out (ADR 0043).
      if (isAuthor(actor, entry) || canVerify(actor) || canPublish(actor)) return;
      if (authorsOf(entry).length === 0 && actor.role !== 'contributor') return;
      throw new NotYourDraftError({ event, authors: [...authorsOf(entry)] });
    case 'system':
      throw new RightNotGrantedError({ event, right: 'system', role: actor.role });
    case 'discard':
      // The author may throw away their own draft; once submitted, only those who check it may.
      if (entry.state === 'draft' && isAuthor(actor, entry)) return;
      if (!canVerify(actor) && !canPublish(actor))
        throw new RightNotGrantedError({ event, right: 'own', role: actor.role });
      return;
  }
}

/** The four-eyes rules of ADR 0043 that go beyond who holds which right. */
function fourEyes(actor: Actor, event: EntryEvent, entry: EntryFacts, reason: string | undefined): void {
  if (event === 'verify' && isAuthor(actor, entry)) throw new SelfVerificationError({ username: actor.username });
  if (event === 'publish' && isSamePerson(actor, entry.verifiedBy))
    throw new PublisherIsVerifierError({ username: actor.username });
  if (event === 'publish-urgently' && (reason ?? '').trim().length < URGENT_REASON_MIN_LENGTH) {
    throw new UrgentReasonRequiredError({ minLength: URGENT_REASON_MIN_LENGTH });
  }
  if (event === 'review-urgent') {
    if (!entry.urgentBy) throw new InvalidTransitionError({ event, from: entry.state, to: entry.state });
    if (isSamePerson(actor, entry.urgentBy)) throw new UrgentReviewerError({ username: actor.username });
  }
  // Step 2 verifies an entry for publication; one that can never be published is never verified, or it would wait
  // for the head forever on every list (docs/adr/0108).
  if ((event === 'verify' || event === 'publish' || event === 'publish-urgently') && entry.stateSecret) {
    throw new StateSecretError({ event, site: entry.site, section: entry.section, slug: entry.slug });
  }
}

/** A reason is a sentence, not a keystroke. */
export const URGENT_REASON_MIN_LENGTH = 15;

/**
 * Answers "may `actor` fire `event` on this entry?" with the state it leads
 * to, or throws the refusal. `to` picks among several targets (return);
 * `reason` is the written reason an urgent publication needs.
 */
export function authorizeTransition(
  actor: Actor,
  event: EntryEvent,
  entry: EntryFacts,
  options: { to?: WorkflowState | null; reason?: string } = {},
): WorkflowState | null {
  onBoard(actor, entry.site, event);
  const rules: readonly TransitionRule[] = TRANSITIONS[event];
  const from = rules.filter((r) => r.from === entry.state);
  const rule = options.to === undefined ? from[0] : from.find((r) => r.to === options.to);
  if (!rule) throw new InvalidTransitionError({ event, from: entry.state, to: options.to ?? null });
  checkRight(actor, entry, event, rule.right);
  fourEyes(actor, event, entry, options.reason);
  return rule.to;
}

/**
 * Reading an unpublished entry (Điều 4.2đ, ADR 0043): board members read
 * drafts of the sections they work in; a draft marked as a state secret only
 * its authors and whoever can verify or publish in its section.
 */
export function authorizeDraftRead(actor: Actor, entry: EntryFacts): void {
  onBoard(actor, entry.site, 'read');
  inSection(actor, entry.section, 'read');
  if (entry.stateSecret && !isAuthor(actor, entry) && !canVerify(actor) && !canPublish(actor)) {
    throw new SecretDraftError({ section: entry.section, slug: entry.slug });
  }
}

/**
 * Whether the actor may see a draft of this section drawn as the page while
 * editing it (docs/adr/0106): a board member of the site who may enter the
 * section. A state-secret draft is shown to them: it leaves nobody's hands.
 */
export function authorizeDraftPreview(actor: Actor, site: string, section: SectionId): void {
  onBoard(actor, site, 'read');
  inSection(actor, section, 'read');
}

export function mayReadDraft(actor: Actor, entry: EntryFacts): boolean {
  try {
    authorizeDraftRead(actor, entry);
    return true;
  } catch {
    return false;
  }
}

/**
 * Files under `content/<site>/tep/` that no entry brings (ADR 0021): only who
 * may publish changes them, and the change still passes the publication gate.
 */
export function authorizeMediaChange(actor: Actor, site: string, event: 'upload-media' | 'delete-media'): void {
  onBoard(actor, site, event);
  if (!canPublish(actor)) throw new RightNotGrantedError({ event, right: 'publish', role: actor.role });
}

/** Events the actor could fire now: for buttons, never for enforcement. */
export function availableEvents(actor: Actor, entry: EntryFacts): EntryEvent[] {
  return ENTRY_EVENTS.filter((event) =>
    (TRANSITIONS[event] as readonly TransitionRule[])
      .filter((r) => r.from === entry.state)
      .some((r) => {
        try {
          // An urgent publication's reason is asked for on its form; whether it is allowed does not depend on it.
          authorizeTransition(actor, event, entry, { to: r.to, reason: 'x'.repeat(URGENT_REASON_MIN_LENGTH) });
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
