import type { BoardRole, Role } from '#src/schema/roles.ts';
import { NotApplicableError, RankNotLowerError, SelfActionError } from './errors.ts';
import { OutsideDepartmentError, PermissionDeniedError } from '#server/platform/errors.ts';

/**
 * Who may do what to whose account (Điều 11.4, 17). The whole policy is the
 * GRANTS table below: anything it does not list is refused. Reasoning in
 * docs/adr/0013-account-management-rights.md.
 */
export const ACCOUNT_ACTIONS = [
  'create',
  'disable',
  'enable',
  'reset-password',
  'change-role',
  'assign-sections',
  'delegate',
] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export interface Actor {
  id: string;
  role: Role;
  /** null for the province administrator. */
  departmentId: string | null;
}

export interface TargetAccount {
  /** Absent when the account is about to be created. */
  id?: string;
  role: Role;
  departmentId: string | null;
}

/** Higher manages lower, never the same or above. The admin sits outside every board. */
const RANK: Record<Role, number> = { admin: 6, head: 5, deputy: 4, 'it-officer': 3, editor: 2, contributor: 1 };

const BELOW_HEAD: readonly Role[] = ['deputy', 'it-officer', 'editor', 'contributor'];
const ADMIN_MANAGES: readonly Role[] = ['head', 'it-officer'];
const IT_OFFICER_MANAGES: readonly Role[] = ['editor', 'contributor'];

const GRANTS: Record<Role, Partial<Record<AccountAction, readonly Role[]>>> = {
  // Sets up each department's board leadership and technical contact; no editorial decisions.
  admin: {
    create: ADMIN_MANAGES,
    disable: ADMIN_MANAGES,
    enable: ADMIN_MANAGES,
    'reset-password': ADMIN_MANAGES,
  },
  // Điều 17: the head organises the board and assigns each member's work.
  head: {
    create: BELOW_HEAD,
    disable: BELOW_HEAD,
    enable: BELOW_HEAD,
    'reset-password': BELOW_HEAD,
    'change-role': BELOW_HEAD,
    'assign-sections': BELOW_HEAD,
    delegate: BELOW_HEAD,
  },
  // Điều 17.4: keeps the site running, so handles day-to-day accounts, but not
  // roles, sections or delegations, which are the head's decisions.
  'it-officer': {
    create: IT_OFFICER_MANAGES,
    disable: IT_OFFICER_MANAGES,
    enable: IT_OFFICER_MANAGES,
    'reset-password': IT_OFFICER_MANAGES,
  },
  deputy: {},
  editor: {},
  contributor: {},
};

/** Điều 17: one head, one or two deputies. */
export const BOARD_LIMITS: Partial<Record<BoardRole, number>> = { head: 1, deputy: 2 };

/** Điều 17.3, 17.5: sections are assigned to editors and contributors. */
export const SECTION_ROLES: readonly Role[] = ['editor', 'contributor'];

function refuseRole(actor: Actor, action: string, role: Role): never {
  if (RANK[role] >= RANK[actor.role]) throw new RankNotLowerError({ action, actorRole: actor.role, targetRole: role });
  throw new PermissionDeniedError({ action, actorRole: actor.role, targetRole: role });
}

/** Throws the refusal, or returns when `actor` may do `action` to `target`. */
export function authorizeAccountAction(
  actor: Actor,
  action: AccountAction,
  target: TargetAccount,
  newRole?: Role,
): void {
  if (target.id !== undefined && target.id === actor.id) throw new SelfActionError({ action });
  const allowedTargets = Object.hasOwn(GRANTS[actor.role], action) ? GRANTS[actor.role][action] : undefined;
  if (!allowedTargets) throw new PermissionDeniedError({ action, actorRole: actor.role, targetRole: target.role });
  // Rank before department: "never an account of equal or higher rank" holds whichever board it is on.
  if (!allowedTargets.includes(target.role)) refuseRole(actor, action, target.role);
  if (action === 'change-role') {
    if (newRole === undefined)
      throw new PermissionDeniedError({ action, actorRole: actor.role, targetRole: target.role });
    if (!allowedTargets.includes(newRole)) refuseRole(actor, action, newRole);
  }
  if (actor.role !== 'admin' && actor.departmentId !== target.departmentId)
    throw new OutsideDepartmentError({ action });
  if (action === 'assign-sections' && !SECTION_ROLES.includes(target.role)) {
    throw new NotApplicableError({ what: 'sections', role: target.role });
  }
}

/** Whether an account list is shown at all; each row's actions are still authorised one by one. */
export function authorizeAccountList(actor: Actor, departmentId: string | null): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'head' && actor.role !== 'it-officer') {
    throw new PermissionDeniedError({ action: 'list-accounts', actorRole: actor.role, targetRole: null });
  }
  if (departmentId !== actor.departmentId) throw new OutsideDepartmentError({ action: 'list-accounts' });
}

/** The audit log: the head for their department, the admin for all (Điều 11.4). */
export function authorizeAuditRead(actor: Actor, departmentId: string | null): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'head')
    throw new PermissionDeniedError({ action: 'read-audit', actorRole: actor.role, targetRole: null });
  if (departmentId !== actor.departmentId) throw new OutsideDepartmentError({ action: 'read-audit' });
}

/** For rendering: which buttons to show on a row. Same rules, no exceptions leaking out. */
export function isAllowed(actor: Actor, action: AccountAction, target: TargetAccount, newRole?: Role): boolean {
  try {
    authorizeAccountAction(actor, action, target, newRole);
    return true;
  } catch {
    return false;
  }
}
