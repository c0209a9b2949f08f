import { randomUUID } from 'node:crypto';
import type { DelegableRight, Role } from '../../src/schema/roles.ts';
import { AccountNotFoundError } from '../errors/account-not-found-error.ts';
import { isAppError } from '../errors/app-error.ts';
import { NotApplicableError } from '../errors/not-applicable-error.ts';
import { UnknownDepartmentError } from '../errors/unknown-department-error.ts';
import { UsernameTakenError } from '../errors/username-taken-error.ts';
import { normalizeFullName } from '../lib/full-name.ts';
import { generateOneTimePassword, ONE_TIME_PASSWORD_LIFETIME_MS } from '../lib/one-time-password.ts';
import {
  type AccountAction,
  authorizeAccountAction,
  authorizeAccountList,
  authorizeAuditRead,
  BOARD_LIMITS,
  SECTION_ROLES,
} from '../lib/permissions.ts';
import { clearOnSuccess } from '../lib/throttle.ts';
import { baseUsername, firstFreeUsername } from '../lib/username.ts';
import type { AccountRecord, AuditEntry, RoleLimit } from '../storage/records.ts';
import type { Principal, RequestMeta } from './principal.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface NewAccountInput {
  fullName: string;
  role: Role;
  /** Required for every role but admin. */
  departmentId: string | null;
  sections?: string[];
}

export interface IssuedPassword {
  account: AccountRecord;
  /** Shown once to the creator, never stored in clear. */
  oneTimePassword: string;
}

const USERNAME_RETRIES = 5;

function limitFor(role: Role): RoleLimit | undefined {
  const max = (BOARD_LIMITS as Partial<Record<Role, number>>)[role];
  return max === undefined ? undefined : { role, max };
}

/** Điều 11.4: every change to an account goes through here, is authorised, and is audited. */
export function createAccountService(deps: ServiceDeps) {
  const { storage, clock, hasher, audit } = deps;

  async function authorize(actor: Principal, action: AccountAction, target: Pick<AccountRecord, 'role' | 'departmentId'> & { id?: string; username?: string }, meta: RequestMeta, newRole?: Role) {
    if (actor.system) return;
    try {
      authorizeAccountAction(actor, action, target, newRole);
    } catch (error) {
      // Refusals are security events too: a head sees who tried what on their board.
      if (isAppError(error)) {
        await audit({
          action: 'action-refused',
          actor,
          target: target.id && target.username ? { id: target.id, username: target.username, departmentId: target.departmentId } : null,
          departmentId: target.departmentId ?? actor.departmentId,
          meta,
          details: { attempted: action, code: error.code, role: target.role, ...(newRole ? { newRole } : {}) },
        });
      }
      throw error;
    }
  }

  async function load(username: string): Promise<AccountRecord> {
    const account = await storage.accounts.findByUsername(username);
    if (!account) throw new AccountNotFoundError({ username });
    return account;
  }

  async function issuePassword(): Promise<{ oneTimePassword: string; passwordHash: string; passwordExpiresAt: number }> {
    const oneTimePassword = generateOneTimePassword();
    return { oneTimePassword, passwordHash: await hasher.hash(oneTimePassword), passwordExpiresAt: clock() + ONE_TIME_PASSWORD_LIFETIME_MS };
  }

  return {
    async create(actor: Principal, input: NewAccountInput, meta: RequestMeta): Promise<IssuedPassword> {
      const fullName = normalizeFullName(input.fullName);
      const base = baseUsername(fullName, deps.usernameRule);
      const departmentId = input.role === 'admin' ? null : input.departmentId;
      if (input.role !== 'admin' && (departmentId === null || !deps.sites.byId.has(departmentId))) {
        throw new UnknownDepartmentError({ departmentId: String(departmentId) });
      }
      const target = { role: input.role, departmentId };
      await authorize(actor, 'create', target, meta);
      const sections = input.sections ?? [];
      if (sections.length > 0) {
        if (!SECTION_ROLES.includes(input.role)) throw new NotApplicableError({ what: 'sections', role: input.role });
        // Assigning work is the head's decision (Điều 17.3): an IT officer creates the account, the head assigns.
        await authorize(actor, 'assign-sections', target, meta);
      }

      const { oneTimePassword, passwordHash, passwordExpiresAt } = await issuePassword();
      const now = clock();
      for (let attempt = 1; ; attempt += 1) {
        const taken = new Set(await storage.accounts.usernamesLike(base));
        const account: AccountRecord = {
          id: randomUUID(),
          username: firstFreeUsername(base, taken),
          fullName,
          role: input.role,
          departmentId,
          sections,
          delegations: [],
          status: 'active',
          passwordHash,
          mustChangePassword: true,
          passwordExpiresAt,
          createdAt: now,
          updatedAt: now,
          createdBy: actor.system ? null : actor.id,
        };
        try {
          await storage.accounts.create(account, limitFor(input.role));
        } catch (error) {
          // Someone took the same username between our read and our write: pick again.
          if (error instanceof UsernameTakenError && attempt < USERNAME_RETRIES) continue;
          throw error;
        }
        await audit({ action: 'account-created', actor, target: account, meta, details: { role: account.role, fullName, sections } });
        return { account, oneTimePassword };
      }
    },

    /** Disabling ends the account's sessions at once (Điều 11.4). */
    async disable(actor: Principal, username: string, meta: RequestMeta): Promise<AccountRecord> {
      const target = await load(username);
      await authorize(actor, 'disable', target, meta);
      const updated = await storage.accounts.update(target.id, { status: 'disabled', updatedAt: clock() });
      const ended = await storage.sessions.deleteForAccount(target.id);
      await audit({ action: 'account-disabled', actor, target, meta, details: { sessionsEnded: ended } });
      return updated;
    },

    async enable(actor: Principal, username: string, meta: RequestMeta): Promise<AccountRecord> {
      const target = await load(username);
      await authorize(actor, 'enable', target, meta);
      const updated = await storage.accounts.update(target.id, { status: 'active', updatedAt: clock() }, limitFor(target.role));
      await audit({ action: 'account-enabled', actor, target, meta });
      return updated;
    },

    /** A new one-time password; the old password and every session stop working. */
    async resetPassword(actor: Principal, username: string, meta: RequestMeta): Promise<IssuedPassword> {
      const target = await load(username);
      await authorize(actor, 'reset-password', target, meta);
      const { oneTimePassword, passwordHash, passwordExpiresAt } = await issuePassword();
      const account = await storage.accounts.update(target.id, { passwordHash, passwordExpiresAt, mustChangePassword: true, updatedAt: clock() });
      const ended = await storage.sessions.deleteForAccount(target.id);
      // The manager has just identified the person; a lock left by someone else's guessing should not keep them out.
      await storage.throttle.apply(`account:${target.username}`, () => clearOnSuccess());
      await audit({ action: 'password-reset', actor, target, meta, details: { sessionsEnded: ended } });
      return { account, oneTimePassword };
    },

    async changeRole(actor: Principal, username: string, role: Role, meta: RequestMeta): Promise<AccountRecord> {
      const target = await load(username);
      await authorize(actor, 'change-role', target, meta, role);
      const sections = SECTION_ROLES.includes(role) ? target.sections : [];
      const updated = await storage.accounts.update(target.id, { role, sections, updatedAt: clock() }, limitFor(role));
      await audit({ action: 'role-changed', actor, target, meta, details: { from: target.role, to: role } });
      return updated;
    },

    async assignSections(actor: Principal, username: string, sections: string[], meta: RequestMeta): Promise<AccountRecord> {
      const target = await load(username);
      await authorize(actor, 'assign-sections', target, meta);
      const updated = await storage.accounts.update(target.id, { sections, updatedAt: clock() });
      await audit({ action: 'sections-assigned', actor, target, meta, details: { from: target.sections, to: sections } });
      return updated;
    },

    /** Điều 19b, 19c: the head names who may verify or publish besides the deputies and themself. */
    async delegate(actor: Principal, username: string, rights: DelegableRight[], meta: RequestMeta): Promise<AccountRecord> {
      const target = await load(username);
      await authorize(actor, 'delegate', target, meta);
      const updated = await storage.accounts.update(target.id, { delegations: rights, updatedAt: clock() });
      await audit({ action: 'rights-delegated', actor, target, meta, details: { from: target.delegations, to: rights } });
      return updated;
    },

    /** One account, for whoever may see the list it is on. */
    async get(actor: Principal, username: string): Promise<AccountRecord> {
      const account = await load(username);
      if (!actor.system) authorizeAccountList(actor, account.departmentId);
      return account;
    },

    /** The admin sees every account; a head or IT officer, their department's. */
    async list(actor: Principal, departmentId: string | null | undefined): Promise<AccountRecord[]> {
      if (!actor.system) authorizeAccountList(actor, departmentId ?? null);
      return storage.accounts.list(departmentId);
    },

    async readAudit(actor: Principal, query: { departmentId?: string | null; limit: number; beforeId?: number }): Promise<AuditEntry[]> {
      if (!actor.system) authorizeAuditRead(actor, query.departmentId ?? null);
      return storage.audit.list(query);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
