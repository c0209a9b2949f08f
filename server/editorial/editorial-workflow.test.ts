import { describe, expect, it } from 'vitest';
import type { Role } from '#src/schema/roles.ts';
import {
  authorizeDraftPreview,
  authorizeDraftRead,
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
  verifiedBy: state === 'ready' ? 'someone-else' : null,
  urgentBy: state === 'published' ? 'someone-else' : null,
  stateSecret: false,
  ...extra,
});

/** The same entry, but the actor entered it, wrote its text and (when ready) verified it. */
const own = (actor: Actor, state: WorkflowState | null): EntryFacts =>
  entry(state, {
    owners: [actor.username],
    authors: [actor.username],
    verifiedBy: state === 'ready' ? actor.username : null,
  });

const REASON = 'Thông báo khẩn về mưa lũ, cần đăng ngay';

function outcome(actor: Actor, event: EntryEvent, facts: EntryFacts, to?: WorkflowState | null): string {
  try {
    return `→ ${authorizeTransition(actor, event, facts, { ...(to === undefined ? {} : { to }), reason: REASON })}`;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

const ROLES = ['head', 'deputy', 'editor', 'it-officer', 'contributor'] as const;
const OK = (s: WorkflowState | null) => `→ ${s}`;
const RIGHT = 'E_WORKFLOW_RIGHT_NOT_GRANTED';
const BAD = 'E_WORKFLOW_INVALID_TRANSITION';
const NOT_YOURS = 'E_WORKFLOW_NOT_YOUR_DRAFT';
const SELF = 'E_WORKFLOW_SELF_VERIFICATION';
const SAME = 'E_WORKFLOW_PUBLISHER_IS_VERIFIER';
const CHECKERS = (s: WorkflowState | null) => [OK(s), OK(s), RIGHT, RIGHT, RIGHT];
const HEAD_ONLY = (s: WorkflowState | null) => [OK(s), RIGHT, RIGHT, RIGHT, RIGHT];

type Row = [EntryEvent, WorkflowState | null, WorkflowState | null | undefined, string[]];

/**
 * Members acting on someone else's entry in a section they are assigned to
 * (ADR 0043). Columns: head, deputy, editor, it-officer, contributor.
 */
const OTHERS: Row[] = [
  ['create', null, undefined, Array(5).fill(OK('draft'))],
  ['create', 'draft', undefined, Array(5).fill(BAD)],
  ['edit', 'draft', undefined, Array(5).fill(NOT_YOURS)],
  ['edit', 'in-review', undefined, CHECKERS('in-review')],
  ['edit', 'ready', undefined, CHECKERS('in-review')],
  ['edit', 'published', undefined, [OK('draft'), OK('draft'), NOT_YOURS, NOT_YOURS, NOT_YOURS]],
  ['submit', 'draft', undefined, Array(5).fill(NOT_YOURS)],
  ['submit', 'ready', undefined, Array(5).fill(BAD)],
  ['withdraw', 'in-review', undefined, Array(5).fill(NOT_YOURS)],
  ['verify', 'draft', undefined, Array(5).fill(BAD)],
  ['verify', 'in-review', undefined, [RIGHT, OK('ready'), RIGHT, RIGHT, RIGHT]],
  ['verify', 'ready', undefined, Array(5).fill(BAD)],
  ['return', 'in-review', 'draft', CHECKERS('draft')],
  ['return', 'ready', 'draft', CHECKERS('draft')],
  ['return', 'ready', 'in-review', CHECKERS('in-review')],
  ['return', 'draft', 'draft', Array(5).fill(BAD)],
  ['publish', 'draft', undefined, Array(5).fill(BAD)],
  ['publish', 'in-review', undefined, Array(5).fill(BAD)],
  ['publish', 'ready', undefined, HEAD_ONLY('published')],
  ['publish-urgently', 'draft', undefined, HEAD_ONLY('published')],
  ['publish-urgently', 'in-review', undefined, HEAD_ONLY('published')],
  ['publish-urgently', 'ready', undefined, HEAD_ONLY('published')],
  ['publish-urgently', 'published', undefined, Array(5).fill(BAD)],
  ['review-urgent', 'published', undefined, CHECKERS('published')],
  ['review-urgent', 'ready', undefined, Array(5).fill(BAD)],
  ['unpublish', 'published', undefined, HEAD_ONLY('draft')],
  ['unpublish', 'ready', undefined, Array(5).fill(BAD)],
  ['discard', 'draft', undefined, CHECKERS(null)],
  ['discard', 'in-review', undefined, CHECKERS(null)],
  ['discard', 'ready', undefined, CHECKERS(null)],
  ['discard', 'published', undefined, Array(5).fill(BAD)],
  ['delete', 'published', undefined, HEAD_ONLY(null)],
  ['delete', 'draft', undefined, Array(5).fill(BAD)],
  // docs/adr/0049: the server's step at a moment the entry carries; no member of the board may fire it.
  ['change-on-time', 'published', undefined, Array(5).fill(RIGHT)],
  ['change-on-time', 'draft', undefined, Array(5).fill(BAD)],
];

/** The same members on an entry they entered and wrote themselves (and, when ready, verified). */
const OWN: Row[] = [
  ['edit', 'draft', undefined, Array(5).fill(OK('draft'))],
  ['edit', 'in-review', undefined, CHECKERS('in-review')],
  ['edit', 'published', undefined, Array(5).fill(OK('draft'))],
  ['submit', 'draft', undefined, Array(5).fill(OK('in-review'))],
  ['withdraw', 'in-review', undefined, Array(5).fill(OK('draft'))],
  ['verify', 'in-review', undefined, [RIGHT, SELF, RIGHT, RIGHT, RIGHT]],
  ['publish', 'ready', undefined, [SAME, RIGHT, RIGHT, RIGHT, RIGHT]],
  ['discard', 'draft', undefined, Array(5).fill(OK(null))],
  ['discard', 'in-review', undefined, CHECKERS(null)],
];

describe('the Điều 19 workflow, role by role', () => {
  it.each(OTHERS)(
    "%s someone else's entry from %s (to %s) gives, per role, the expected answer",
    (event, from, to, expected) => {
      expect(ROLES.map((role) => outcome(member(role), event, entry(from), to))).toEqual(expected);
    },
  );

  it.each(OWN)(
    '%s their own entry from %s (to %s) gives, per role, the expected answer',
    (event, from, to, expected) => {
      expect(ROLES.map((role) => outcome(member(role), event, own(member(role), from), to))).toEqual(expected);
    },
  );

  it('the matrix covers every transition rule that exists', () => {
    for (const event of ENTRY_EVENTS) {
      for (const rule of TRANSITIONS[event]) {
        const covered = OTHERS.some(
          ([e, from, to]) => e === event && from === rule.from && (to === undefined || to === rule.to),
        );
        expect(covered, `${event} ${rule.from}→${rule.to}`).toBe(true);
      }
    }
  });
});

describe('four eyes at least (ADR 0043)', () => {
  it('a deputy who amended a submitted entry is one of its authors and cannot verify it', () => {
    const deputy = member('deputy', { delegations: ['publish'] });
    const amended = entry('in-review', { owners: ['contributor'], authors: ['contributor', 'deputy'] });
    expect(outcome(deputy, 'edit', entry('in-review', { owners: ['contributor'] }))).toBe(OK('in-review'));
    expect(outcome(deputy, 'verify', amended)).toBe(SELF);
  });

  it('whoever verified a revision cannot also publish it, even holding the publish delegation', () => {
    const deputy = member('deputy', { delegations: ['publish'] });
    expect(outcome(deputy, 'publish', entry('ready', { verifiedBy: 'deputy' }))).toBe(SAME);
    expect(outcome(deputy, 'publish', entry('ready', { verifiedBy: 'otherdeputy' }))).toBe(OK('published'));
  });

  it('an account whose one-time password the head saw counts as the head: its verification is not a second pair of eyes', () => {
    const head = member('head', { linked: ['puppet'] });
    expect(outcome(head, 'publish', entry('ready', { verifiedBy: 'puppet' }))).toBe(SAME);
    const puppet = member('contributor', { username: 'puppet', delegations: ['verify'], linked: ['head'] });
    expect(outcome(puppet, 'verify', entry('in-review', { owners: ['head'], authors: ['head'] }))).toBe(SELF);
  });

  it('an account reset by the IT officer cannot verify what the IT officer wrote', () => {
    const deputy = member('deputy', { linked: ['it-officer'] });
    expect(outcome(deputy, 'verify', entry('in-review', { owners: ['it-officer'], authors: ['it-officer'] }))).toBe(
      SELF,
    );
    expect(
      outcome(member('deputy'), 'verify', entry('in-review', { owners: ['it-officer'], authors: ['it-officer'] })),
    ).toBe(OK('ready'));
  });

  it('an urgent publication needs a written reason, and its review a second person', () => {
    const head = member('head');
    expect(() => authorizeTransition(head, 'publish-urgently', entry('draft'), { reason: '  gấp  ' })).toThrow(
      expect.objectContaining({ code: 'E_WORKFLOW_URGENT_REASON_REQUIRED' }),
    );
    expect(outcome(head, 'review-urgent', entry('published', { urgentBy: 'head' }))).toBe(
      'E_WORKFLOW_URGENT_SELF_REVIEW',
    );
    expect(
      outcome(member('deputy', { linked: ['head'] }), 'review-urgent', entry('published', { urgentBy: 'head' })),
    ).toBe('E_WORKFLOW_URGENT_SELF_REVIEW');
    expect(outcome(member('deputy'), 'review-urgent', entry('published', { urgentBy: 'head' }))).toBe(OK('published'));
    expect(outcome(member('deputy'), 'review-urgent', entry('published', { urgentBy: null }))).toBe(BAD);
  });
});

describe('reopening what is live', () => {
  it("content from before the workflow has no recorded author: the section's members reopen it, contributors do not", () => {
    const imported = entry('published', { owners: [], authors: [] });
    expect(ROLES.map((role) => outcome(member(role), 'edit', imported))).toEqual([
      OK('draft'),
      OK('draft'),
      OK('draft'),
      OK('draft'),
      NOT_YOURS,
    ]);
  });
});

describe('sections, delegation and the board', () => {
  it('an editor cannot enter an entry in a section not assigned to them', () => {
    const editor = member('editor', { sections: ['van-ban'] });
    expect(outcome(editor, 'create', entry(null))).toBe('E_WORKFLOW_SECTION_NOT_ASSIGNED');
    expect(outcome(editor, 'create', entry(null, { section: 'van-ban' }))).toBe(OK('draft'));
  });

  it('a contributor cannot even edit their own draft outside their sections', () => {
    const contributor = member('contributor', { sections: ['gop-y'] });
    expect(outcome(contributor, 'edit', own(contributor, 'draft'))).toBe('E_WORKFLOW_SECTION_NOT_ASSIGNED');
  });

  it('an editor delegated to verify verifies, but only in their sections', () => {
    const editor = member('editor', { delegations: ['verify'] });
    expect(outcome(editor, 'verify', entry('in-review'))).toBe(OK('ready'));
    expect(outcome(editor, 'verify', entry('in-review', { section: 'van-ban' }))).toBe(
      'E_WORKFLOW_SECTION_NOT_ASSIGNED',
    );
    expect(outcome(editor, 'publish', entry('ready'))).toBe(RIGHT);
  });

  it('a deputy delegated to publish publishes, unpublishes and deletes', () => {
    const deputy = member('deputy', { delegations: ['publish'] });
    expect(outcome(deputy, 'publish', entry('ready'))).toBe(OK('published'));
    expect(outcome(deputy, 'unpublish', entry('published'))).toBe(OK('draft'));
    expect(outcome(deputy, 'delete', entry('published'))).toBe(OK(null));
  });

  it('only the head publishes urgently, not a publish delegate', () => {
    expect(outcome(member('deputy', { delegations: ['publish'] }), 'publish-urgently', entry('draft'))).toBe(RIGHT);
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
  it('editing a verified entry sends it back to review, whoever of those who check edits', () => {
    for (const role of ['head', 'deputy'] as const)
      expect(outcome(member(role), 'edit', entry('ready'))).toBe(OK('in-review'));
  });

  it('an entry marked as a state secret is never verified for publication (docs/adr/0108)', () => {
    for (const actor of [member('deputy'), member('editor', { delegations: ['verify'] })])
      expect(outcome(actor, 'verify', entry('in-review', { stateSecret: true }))).toBe('E_WORKFLOW_STATE_SECRET');
    // It can still be sent back to its authors, or thrown away.
    expect(outcome(member('deputy'), 'return', entry('in-review', { stateSecret: true }))).toBe(OK('draft'));
    expect(outcome(member('deputy'), 'discard', entry('in-review', { stateSecret: true }))).toBe(OK(null));
  });

  it('an entry marked as a state secret can never be published, even by the head or urgently', () => {
    expect(outcome(member('head'), 'publish', entry('ready', { stateSecret: true }))).toBe('E_WORKFLOW_STATE_SECRET');
    expect(outcome(member('head'), 'publish-urgently', entry('draft', { stateSecret: true }))).toBe(
      'E_WORKFLOW_STATE_SECRET',
    );
    expect(
      outcome(member('deputy', { delegations: ['publish'] }), 'publish', entry('ready', { stateSecret: true })),
    ).toBe('E_WORKFLOW_STATE_SECRET');
  });

  it('a state-secret draft is read by its authors and by who verifies or publishes, nobody else (Điều 4.2đ)', () => {
    const secret = entry('draft', { stateSecret: true, owners: ['contributor'] });
    const read = (actor: Actor, facts: EntryFacts) => {
      try {
        authorizeDraftRead(actor, facts);
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(ROLES.map((role) => read(member(role), secret))).toEqual([
      'ok',
      'ok',
      'E_WORKFLOW_SECRET_DRAFT',
      'E_WORKFLOW_SECRET_DRAFT',
      'ok',
    ]);
    expect(read(member('editor', { delegations: ['verify'] }), secret)).toBe('ok');
    expect(read(member('editor', { sections: ['van-ban'] }), entry('draft'))).toBe('E_WORKFLOW_SECTION_NOT_ASSIGNED');
  });

  it('only who may publish writes files of the site that no entry brings', () => {
    expect(() => authorizeMediaChange(member('head'), 'sotuphap', 'upload-media')).not.toThrow();
    expect(() =>
      authorizeMediaChange(member('contributor', { delegations: ['publish'] }), 'sotuphap', 'delete-media'),
    ).not.toThrow();
    for (const role of ['deputy', 'editor', 'it-officer', 'contributor'] as const) {
      expect(() => authorizeMediaChange(member(role), 'sotuphap', 'upload-media')).toThrow(
        expect.objectContaining({ code: RIGHT }),
      );
    }
  });

  it('offers each person only the steps they may take', () => {
    expect(availableEvents(member('deputy'), entry('in-review'))).toEqual(['edit', 'verify', 'return', 'discard']);
    expect(availableEvents(member('contributor'), entry('in-review'))).toEqual([]);
    expect(availableEvents(member('contributor'), own(member('contributor'), 'in-review'))).toEqual(['withdraw']);
    expect(availableEvents(member('head'), entry('ready'))).toEqual([
      'edit',
      'return',
      'publish',
      'publish-urgently',
      'discard',
    ]);
  });
});

describe('drawing a draft as the page while editing it (docs/adr/0106)', () => {
  it('is for the board of the site, in the sections one may enter; never another department nor the province admin', () => {
    expect(() => authorizeDraftPreview(member('head'), 'sotuphap', 'van-ban')).not.toThrow();
    expect(() => authorizeDraftPreview(member('contributor'), 'sotuphap', 'tin-tuc')).not.toThrow();
    expect(() => authorizeDraftPreview(member('contributor'), 'sotuphap', 'van-ban')).toThrow(
      expect.objectContaining({ code: 'E_WORKFLOW_SECTION_NOT_ASSIGNED' }),
    );
    expect(() => authorizeDraftPreview(member('head', { site: 'soyte' }), 'sotuphap', 'tin-tuc')).toThrow(
      expect.objectContaining({ code: 'E_WORKFLOW_NOT_ON_BOARD' }),
    );
    expect(() => authorizeDraftPreview(member('admin', { site: null }), 'sotuphap', 'tin-tuc')).toThrow(
      expect.objectContaining({ code: 'E_WORKFLOW_NOT_ON_BOARD' }),
    );
  });
});
