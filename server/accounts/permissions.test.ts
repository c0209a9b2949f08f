import { describe, expect, it } from 'vitest';
import type { Role } from '#src/schema/roles.ts';
import {
  ACCOUNT_ACTIONS,
  type AccountAction,
  type Actor,
  authorizeAccountAction,
  authorizeAccountList,
  authorizeAuditRead,
} from './permissions.ts';

const ROLES: Role[] = ['admin', 'head', 'deputy', 'it-officer', 'editor', 'contributor'];
const CODES: Record<string, string> = {
  ok: 'ok',
  D: 'E_PERMISSION_DENIED',
  R: 'E_RANK_NOT_LOWER',
  O: 'E_OUTSIDE_DEPARTMENT',
  S: 'E_SELF_ACTION',
  N: 'E_NOT_APPLICABLE',
};

function outcome(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
}

function actor(role: Role, departmentId: string | null = role === 'admin' ? null : 'sotuphap'): Actor {
  return { id: `actor-${role}`, role, departmentId };
}

function target(role: Role, departmentId: string | null = role === 'admin' ? null : 'sotuphap') {
  return { id: `target-${role}`, role, departmentId };
}

/** A role change that is otherwise harmless, so the row tests the target, not the new role. */
function harmlessNewRole(targetRole: Role): Role {
  return targetRole === 'contributor' ? 'editor' : 'contributor';
}

// Targets in column order: admin, head, deputy, it-officer, editor, contributor (same department).
const ALL_DENIED = 'D D D D D D';
const MATRIX: Record<Role, Record<AccountAction, string>> = {
  admin: {
    create: 'R ok D ok D D',
    disable: 'R ok D ok D D',
    enable: 'R ok D ok D D',
    'reset-password': 'R ok D ok D D',
    'change-role': ALL_DENIED,
    'assign-sections': ALL_DENIED,
    delegate: ALL_DENIED,
  },
  head: {
    create: 'R R ok ok ok ok',
    disable: 'R R ok ok ok ok',
    enable: 'R R ok ok ok ok',
    'reset-password': 'R R ok ok ok ok',
    'change-role': 'R R ok ok ok ok',
    'assign-sections': 'R R N N ok ok',
    delegate: 'R R ok ok ok ok',
  },
  'it-officer': {
    create: 'R R R R ok ok',
    disable: 'R R R R ok ok',
    enable: 'R R R R ok ok',
    'reset-password': 'R R R R ok ok',
    'change-role': ALL_DENIED,
    'assign-sections': ALL_DENIED,
    delegate: ALL_DENIED,
  },
  deputy: Object.fromEntries(ACCOUNT_ACTIONS.map((a) => [a, ALL_DENIED])) as Record<AccountAction, string>,
  editor: Object.fromEntries(ACCOUNT_ACTIONS.map((a) => [a, ALL_DENIED])) as Record<AccountAction, string>,
  contributor: Object.fromEntries(ACCOUNT_ACTIONS.map((a) => [a, ALL_DENIED])) as Record<AccountAction, string>,
};

const cases = ROLES.flatMap((actorRole) =>
  ACCOUNT_ACTIONS.flatMap((action) =>
    MATRIX[actorRole][action].split(' ').map((expected, column) => ({
      actorRole,
      action,
      targetRole: ROLES[column],
      expected: CODES[expected],
    })),
  ),
);

describe('role × account action (Điều 11.4, 17)', () => {
  it('covers every role, action and target role', () => {
    expect(cases).toHaveLength(ROLES.length * ACCOUNT_ACTIONS.length * ROLES.length);
  });

  it.each(cases)('$actorRole → $action on $targetRole: $expected', ({ actorRole, action, targetRole, expected }) => {
    const subject = target(targetRole);
    const result = outcome(() =>
      authorizeAccountAction(
        actor(actorRole),
        action,
        action === 'create' ? { role: targetRole, departmentId: subject.departmentId } : subject,
        harmlessNewRole(targetRole),
      ),
    );
    expect(result).toBe(expected);
  });

  it.each(ROLES.flatMap((role) => ACCOUNT_ACTIONS.map((action) => ({ role, action }))))(
    '$role may not $action their own account',
    ({ role, action }) => {
      const self = actor(role);
      expect(outcome(() => authorizeAccountAction(self, action, { ...self }, 'editor'))).toBe('E_SELF_ACTION');
    },
  );

  it.each([
    ['head', 'editor', ACCOUNT_ACTIONS],
    ['head', 'deputy', ACCOUNT_ACTIONS],
    ['it-officer', 'contributor', ['create', 'disable', 'enable', 'reset-password']],
  ] as const)('a %s cannot touch a %s of another department', (actorRole, targetRole, actions) => {
    for (const action of actions) {
      const result = outcome(() =>
        authorizeAccountAction(actor(actorRole), action, target(targetRole, 'soyte'), harmlessNewRole(targetRole)),
      );
      expect(result, action).toBe('E_OUTSIDE_DEPARTMENT');
    }
  });

  it('lets the admin act on any department', () => {
    expect(outcome(() => authorizeAccountAction(actor('admin'), 'disable', target('head', 'soyte')))).toBe('ok');
  });

  it('refuses promoting anyone to head or admin, and a missing new role', () => {
    const head = actor('head');
    expect(outcome(() => authorizeAccountAction(head, 'change-role', target('editor'), 'head'))).toBe(
      'E_RANK_NOT_LOWER',
    );
    expect(outcome(() => authorizeAccountAction(head, 'change-role', target('editor'), 'admin'))).toBe(
      'E_RANK_NOT_LOWER',
    );
    expect(outcome(() => authorizeAccountAction(head, 'change-role', target('editor')))).toBe('E_PERMISSION_DENIED');
  });

  it('refuses an action it does not know', () => {
    const unknown = 'delete' as AccountAction;
    for (const role of ROLES) {
      expect(outcome(() => authorizeAccountAction(actor(role), unknown, target('contributor')))).toBe(
        'E_PERMISSION_DENIED',
      );
    }
  });

  it.each([
    ['admin', 'sotuphap', 'ok'],
    ['admin', 'soyte', 'ok'],
    ['admin', null, 'ok'],
    ['head', 'sotuphap', 'ok'],
    ['head', 'soyte', 'E_OUTSIDE_DEPARTMENT'],
    ['head', null, 'E_OUTSIDE_DEPARTMENT'],
    ['deputy', 'sotuphap', 'E_PERMISSION_DENIED'],
    ['it-officer', 'sotuphap', 'E_PERMISSION_DENIED'],
    ['editor', 'sotuphap', 'E_PERMISSION_DENIED'],
    ['contributor', 'sotuphap', 'E_PERMISSION_DENIED'],
  ] as const)('read-audit: %s on %s → %s', (role, departmentId, expected) => {
    expect(outcome(() => authorizeAuditRead(actor(role), departmentId))).toBe(expected);
  });

  it.each([
    ['admin', 'soyte', 'ok'],
    ['head', 'sotuphap', 'ok'],
    ['it-officer', 'sotuphap', 'ok'],
    ['it-officer', 'soyte', 'E_OUTSIDE_DEPARTMENT'],
    ['deputy', 'sotuphap', 'E_PERMISSION_DENIED'],
    ['editor', 'sotuphap', 'E_PERMISSION_DENIED'],
    ['contributor', 'sotuphap', 'E_PERMISSION_DENIED'],
  ] as const)('list accounts: %s on %s → %s', (role, departmentId, expected) => {
    expect(outcome(() => authorizeAccountList(actor(role), departmentId))).toBe(expected);
  });
});
