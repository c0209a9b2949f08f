import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/schema/roles.ts';
import {
  authorizeMediaChange,
  authorizeTransition,
  availableEvents,
  ENTRY_EVENTS,
  TRANSITIONS,
  type Actor,
  type EntryEvent,
  type EntryFacts,
  type WorkflowState,
} from './editorial-workflow.ts';

const member = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  username: role,
  name: role,
  site: 'sotuphap',
  role,
  sections: role === 'editor' || role === 'contributor' ? ['tin-tuc'] : [],
  delegations: [],
  ...extra,
});

const entry = (state: WorkflowState | null, extra: Partial<EntryFacts> = {}): EntryFacts => ({
  site: 'sotuphap',
  section: 'tin-tuc',
  slug: 'hoi-nghi',
  state,
  owners: ['someone-else'],
  stateSecret: false,
  ...extra,
});

function outcome(actor: Actor, event: EntryEvent, facts: EntryFacts, to?: WorkflowState | null): string {
  try {
    return `→ ${authorizeTransition(actor, event, facts, to === undefined ? {} : { to })}`;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

const ROLES = ['head', 'deputy', 'editor', 'it-officer', 'contributor'] as const;
const OK = (s: WorkflowState | null) => `→ ${s}`;
const RIGHT = 'E_WORKFLOW_RIGHT_NOT_GRANTED';
const BAD = 'E_WORKFLOW_INVALID_TRANSITION';

/**
 * The whole matrix for members acting on someone else's entry in a section
 * they are assigned to. Columns: head, deputy, editor, it-officer, contributor.
 */
const MATRIX: Array<[EntryEvent, WorkflowState | null, WorkflowState | null | undefined, string[]]> = [
  ['create', null, undefined, [OK('draft'), OK('draft'), OK('draft'), OK('draft'), OK('draft')]],
  ['create', 'draft', undefined, [BAD, BAD, BAD, BAD, BAD]],
  ['edit', 'draft', undefined, Array(5).fill(OK('draft'))],
  ['edit', 'in-review', undefined, Array(5).fill(OK('in-review'))],
  ['edit', 'ready', undefined, Array(5).fill(OK('in-review'))],
  ['edit', 'published', undefined, Array(5).fill(OK('draft'))],
  ['submit', 'draft', undefined, Array(5).fill(OK('in-review'))],
  ['submit', 'ready', undefined, Array(5).fill(BAD)],
  ['withdraw', 'in-review', undefined, [RIGHT, OK('draft'), RIGHT, RIGHT, RIGHT]],
  ['verify', 'draft', undefined, Array(5).fill(BAD)],
  ['verify', 'in-review', undefined, [RIGHT, OK('ready'), RIGHT, RIGHT, RIGHT]],
  ['verify', 'ready', undefined, Array(5).fill(BAD)],
  ['return', 'in-review', 'draft', [RIGHT, OK('draft'), RIGHT, RIGHT, RIGHT]],
  ['return', 'ready', 'draft', [RIGHT, OK('draft'), RIGHT, RIGHT, RIGHT]],
  ['return', 'ready', 'in-review', [RIGHT, OK('in-review'), RIGHT, RIGHT, RIGHT]],
  ['return', 'draft', 'draft', Array(5).fill(BAD)],
  ['publish', 'draft', undefined, Array(5).fill(BAD)],
  ['publish', 'in-review', undefined, Array(5).fill(BAD)],
  ['publish', 'ready', undefined, [OK('published'), RIGHT, RIGHT, RIGHT, RIGHT]],
  ['unpublish', 'published', undefined, [OK('draft'), RIGHT, RIGHT, RIGHT, RIGHT]],
  ['unpublish', 'ready', undefined, Array(5).fill(BAD)],
  ['discard', 'draft', undefined, [OK(null), OK(null), RIGHT, RIGHT, RIGHT]],
  ['discard', 'in-review', undefined, [OK(null), OK(null), RIGHT, RIGHT, RIGHT]],
  ['discard', 'ready', undefined, [OK(null), OK(null), RIGHT, RIGHT, RIGHT]],
  ['discard', 'published', undefined, Array(5).fill(BAD)],
  ['delete', 'published', undefined, [OK(null), RIGHT, RIGHT, RIGHT, RIGHT]],
  ['delete', 'draft', undefined, Array(5).fill(BAD)],
];

describe('the Điều 19 workflow, role by role', () => {
  it.each(MATRIX)('%s from %s (to %s) gives, per role, the expected answer', (event, from, to, expected) => {
    const got = ROLES.map((role) => outcome(member(role), event, entry(from), to));
    expect(got).toEqual(expected);
  });

  it('the matrix covers every transition rule that exists', () => {
    for (const event of ENTRY_EVENTS) {
      for (const rule of TRANSITIONS[event]) {
        const covered = MATRIX.some(([e, from, to]) => e === event && from === rule.from && (to === undefined || to === rule.to));
        expect(covered, `${event} ${rule.from}→${rule.to}`).toBe(true);
      }
    }
  });
});

describe('sections, delegation and the board', () => {
  it('an editor cannot enter an entry in a section not assigned to them', () => {
    const editor = member('editor', { sections: ['van-ban'] });
    expect(outcome(editor, 'create', entry(null))).toBe('E_WORKFLOW_SECTION_NOT_ASSIGNED');
    expect(outcome(editor, 'create', entry(null, { section: 'van-ban' }))).toBe(OK('draft'));
  });

  it('a contributor cannot even edit a draft outside their sections', () => {
    const contributor = member('contributor', { sections: ['gop-y'] });
    expect(outcome(contributor, 'edit', entry('draft'))).toBe('E_WORKFLOW_SECTION_NOT_ASSIGNED');
  });

  it('an editor delegated to verify verifies, but only in their sections', () => {
    const editor = member('editor', { delegations: ['verify'] });
    expect(outcome(editor, 'verify', entry('in-review'))).toBe(OK('ready'));
    expect(outcome(editor, 'verify', entry('in-review', { section: 'van-ban' }))).toBe('E_WORKFLOW_SECTION_NOT_ASSIGNED');
    expect(outcome(editor, 'publish', entry('ready'))).toBe(RIGHT);
  });

  it('a deputy delegated to publish publishes, unpublishes and deletes', () => {
    const deputy = member('deputy', { delegations: ['publish'] });
    expect(outcome(deputy, 'publish', entry('ready'))).toBe(OK('published'));
    expect(outcome(deputy, 'unpublish', entry('published'))).toBe(OK('draft'));
    expect(outcome(deputy, 'delete', entry('published'))).toBe(OK(null));
  });

  it('a head delegated nothing still cannot verify: step 2 belongs to the deputies', () => {
    expect(outcome(member('head'), 'verify', entry('in-review'))).toBe(RIGHT);
  });

  it('members of another department and the province admin are refused every step', () => {
    const stranger = member('head', { site: 'sogddt' });
    const admin = member('admin', { site: null });
    for (const actor of [stranger, admin]) {
      expect(outcome(actor, 'create', entry(null))).toBe('E_WORKFLOW_NOT_ON_BOARD');
      expect(outcome(actor, 'publish', entry('ready'))).toBe('E_WORKFLOW_NOT_ON_BOARD');
    }
  });
});

describe('rules that protect the three steps', () => {
  it('nobody verifies their own entry by default', () => {
    const deputy = member('deputy');
    expect(outcome(deputy, 'verify', entry('in-review', { owners: ['deputy'] }))).toBe('E_WORKFLOW_SELF_VERIFICATION');
  });

  it('a department may allow self-verification explicitly', () => {
    const deputy = member('deputy');
    const to = authorizeTransition(deputy, 'verify', entry('in-review', { owners: ['deputy'] }), { policy: { allowSelfVerification: true } });
    expect(to).toBe('ready');
  });

  it('editing a verified entry sends it back to review, whoever edits', () => {
    for (const role of ROLES) expect(outcome(member(role), 'edit', entry('ready'))).toBe(OK('in-review'));
  });

  it('an entry marked as a state secret can never be published, even by the head', () => {
    expect(outcome(member('head'), 'publish', entry('ready', { stateSecret: true }))).toBe('E_WORKFLOW_STATE_SECRET');
    expect(outcome(member('deputy', { delegations: ['publish'] }), 'publish', entry('ready', { stateSecret: true }))).toBe(
      'E_WORKFLOW_STATE_SECRET',
    );
  });

  it('the author may withdraw or discard their own draft, but not verify it', () => {
    const contributor = member('contributor');
    expect(outcome(contributor, 'withdraw', entry('in-review', { owners: ['contributor'] }))).toBe(OK('draft'));
    expect(outcome(contributor, 'discard', entry('draft', { owners: ['contributor'] }))).toBe(OK(null));
    expect(outcome(contributor, 'discard', entry('in-review', { owners: ['contributor'] }))).toBe(RIGHT);
  });

  it('only who may publish writes media straight to the live site', () => {
    expect(() => authorizeMediaChange(member('head'), 'sotuphap', 'upload-media')).not.toThrow();
    expect(() => authorizeMediaChange(member('contributor', { delegations: ['publish'] }), 'sotuphap', 'delete-media')).not.toThrow();
    for (const role of ['deputy', 'editor', 'it-officer', 'contributor'] as const) {
      expect(() => authorizeMediaChange(member(role), 'sotuphap', 'upload-media')).toThrow(expect.objectContaining({ code: RIGHT }));
    }
  });

  it('offers each person only the steps they may take', () => {
    expect(availableEvents(member('deputy'), entry('in-review'))).toEqual(['edit', 'withdraw', 'verify', 'return', 'discard']);
    expect(availableEvents(member('contributor'), entry('in-review'))).toEqual(['edit']);
    expect(availableEvents(member('head'), entry('ready'))).toEqual(['edit', 'publish', 'discard']);
  });
});
