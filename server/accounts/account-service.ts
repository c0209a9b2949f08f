import { randomUUID } from 'node:crypto';
import type { DelegableRight, Role } from '#src/schema/roles.ts';
import { AccountNotFoundError, NotApplicableError, OneTimePasswordNotSentError, UsernameTakenError } from './errors.ts';
import { UnknownDepartmentError } from '#server/platform/errors.ts';
import { isAppError } from '#server/platform/app-error.ts';
import { normalizeFullName } from './full-name.ts';
import { generateOneTimePassword, ONE_TIME_PASSWORD_LIFETIME_MS } from './one-time-password.ts';
import {
  type AccountAction,
  authorizeAccountAction,
  authorizeAccountList,
  authorizeAuditRead,
  BOARD_LIMITS,
  SECTION_ROLES,
} from './permissions.ts';
import { linkedUsernames } from './credential-witness.ts';
import { maskEmail, normalizeOfficialEmail } from './official-email.ts';
import { clearOnSuccess } from './throttle.ts';
import { baseUsername, firstFreeUsername } from './username.ts';
import type { AccountRecord, AuditEntry, RoleLimit } from '#server/platform/storage/records.ts';
import { type CredentialIssue, credentialIssues } from './credential-history.ts';
import type { Principal } from './principal.ts';
import type { RequestMeta } from '#server/platform/http/request-meta.ts';
import type { ServiceDeps } from './service-deps.ts';
import { log } from '#server/platform/observability/log.ts';

export interface NewAccountInput {
  fullName: string;
  role: Role;
  /** Required for every role but admin. */
  departmentId: string | null;
  sections?: string[];
  /** Official address (`…gov.vn`), where one-time passwords go when mail is configured. */
  email?: string | null;
}

/**
 * How a one-time password reached its holder (docs/adr/0017): mailed to
 * their official address, shown on the screen of whoever created or reset
 * the account (who is then recorded as its witness), or printed for the
 * server's operator (CLI, sample seeding).
 */
export type Delivery = { channel: 'email'; maskedAddress: string } | { channel: 'screen' } | { channel: 'operator' };

export interface IssuedPassword {
  account: AccountRecord;
  /** Only for the screen and the operator; never stored in clear, never present when mailed. */
  oneTimePassword?: string;
  delivery: Delivery;
}

/** What the shell operator gets: always the password, printed for them. */
export type IssuedFor<A extends Principal> = A extends { system: true }
  ? IssuedPassword & { oneTimePassword: string }
  : IssuedPassword;

const USERNAME_RETRIES = 5;
/** How many past one-time passwords the account pages list. */
const HISTORY_LENGTH = 10;

function mayReadAudit(actor: Principal, departmentId: string | null): boolean {
  try {
    authorizeAuditRead(actor, departmentId);
    return true;
  } catch {
    return false;
  }
}

function limitFor(role: Role): RoleLimit | undefined {
  const max = (BOARD_LIMITS as Partial<Record<Role, number>>)[role];
  return max === undefined ? undefined : { role, max };
}

/** Điều 11.4: every change to an account goes through here, is authorised, and is audited. */
export function createAccountService(deps: ServiceDeps) {
  const { storage, clock, hasher, audit } = deps;

  async function authorize(
    actor: Principal,
    action: AccountAction,
    target: Pick<AccountRecord, 'role' | 'departmentId'> & { id?: string; username?: string },
    meta: RequestMeta,
    newRole?: Role,
    attempted: string = action,
  ) {
    if (actor.system) return;
    try {
      authorizeAccountAction(actor, action, target, newRole);
    } catch (error) {
      // Refusals are security events too: a head sees who tried what on their board.
      if (isAppError(error)) {
        await audit({
          action: 'action-refused',
          actor,
          target:
            target.id && target.username
              ? { id: target.id, username: target.username, departmentId: target.departmentId }
              : null,
          departmentId: target.departmentId ?? actor.departmentId,
          meta,
          details: { attempted, code: error.code, role: target.role, ...(newRole ? { newRole } : {}) },
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

  async function issuePassword(): Promise<{
    oneTimePassword: string;
    passwordHash: string;
    passwordExpiresAt: number;
  }> {
    const oneTimePassword = generateOneTimePassword();
    return {
      oneTimePassword,
      passwordHash: await hasher.hash(oneTimePassword),
      passwordExpiresAt: clock() + ONE_TIME_PASSWORD_LIFETIME_MS,
    };
  }

  /** Mail when the holder can be reached there; the operator reads the CLI; otherwise the screen, and a witness. */
  function channelFor(actor: Principal, email: string | null): Delivery['channel'] {
    if (actor.system) return 'operator';
    return deps.mailer && email ? 'email' : 'screen';
  }

  /** Who saw the password, per docs/adr/0017: only the screen makes a witness. */
  function witnessFor(actor: Principal, channel: Delivery['channel']): string | null {
    return channel === 'screen' ? actor.id : null;
  }

  async function mail(
    account: AccountRecord,
    oneTimePassword: string,
    why: 'created' | 'reset',
    actor: Principal,
  ): Promise<Delivery> {
    try {
      await deps.mailer!.send(account, oneTimePassword, why, actor.username);
    } catch (error) {
      log.error('one-time-password-mail-failed', {
        username: account.username,
        reason: (error as { code?: string }).code ?? (error as Error).name,
      });
      throw new OneTimePasswordNotSentError({ username: account.username, accountCreated: why === 'created' });
    }
    return { channel: 'email', maskedAddress: maskEmail(account.email!) };
  }

  function handedOver(account: AccountRecord, oneTimePassword: string, channel: 'screen' | 'operator'): IssuedPassword {
    return { account, oneTimePassword, delivery: { channel } };
  }

  return {
    async create<A extends Principal>(actor: A, input: NewAccountInput, meta: RequestMeta): Promise<IssuedFor<A>> {
      const fullName = normalizeFullName(input.fullName);
      const email = input.email ? normalizeOfficialEmail(input.email) : null;
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
      const channel = channelFor(actor, email);
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
          email,
          credentialsSeenBy: witnessFor(actor, channel),
        };
        try {
          await storage.accounts.create(account, limitFor(input.role));
        } catch (error) {
          // Someone took the same username between our read and our write: pick again.
          if (error instanceof UsernameTakenError && attempt < USERNAME_RETRIES) continue;
          throw error;
        }
        await audit({
          action: 'account-created',
          actor,
          target: account,
          meta,
          details: { role: account.role, fullName, sections, email, delivery: channel },
        });
        // Written first: the username is only known once the row is in. A failed mail leaves an account whose password reached nobody.
        const issued =
          channel === 'email'
            ? { account, delivery: await mail(account, oneTimePassword, 'created', actor) }
            : handedOver(account, oneTimePassword, channel);
        return issued as IssuedFor<A>;
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
      const updated = await storage.accounts.update(
        target.id,
        { status: 'active', updatedAt: clock() },
        limitFor(target.role),
      );
      await audit({ action: 'account-enabled', actor, target, meta });
      return updated;
    },

    /**
     * A new one-time password; the old password and every session stop
     * working. Mailed before anything is written, so a relay that fails
     * leaves the old password in place.
     */
    async resetPassword<A extends Principal>(actor: A, username: string, meta: RequestMeta): Promise<IssuedFor<A>> {
      const target = await load(username);
      await authorize(actor, 'reset-password', target, meta);
      const { oneTimePassword, passwordHash, passwordExpiresAt } = await issuePassword();
      const channel = channelFor(actor, target.email);
      const mailed =
        channel === 'email' ? await mail({ ...target, passwordExpiresAt }, oneTimePassword, 'reset', actor) : null;
      const account = await storage.accounts.update(target.id, {
        passwordHash,
        passwordExpiresAt,
        mustChangePassword: true,
        credentialsSeenBy: witnessFor(actor, channel),
        updatedAt: clock(),
      });
      const ended = await storage.sessions.deleteForAccount(target.id);
      // Earlier guesses are worth nothing against the new password.
      await storage.throttle.apply(`account:${target.username}`, () => clearOnSuccess());
      await audit({
        action: 'password-reset',
        actor,
        target,
        meta,
        details: { sessionsEnded: ended, delivery: channel },
      });
      return (
        mailed ? { account, delivery: mailed } : handedOver(account, oneTimePassword, channel as 'screen' | 'operator')
      ) as IssuedFor<A>;
    },

    /** The official address one-time passwords go to: set by whoever may reset the password, since it decides where the next one goes. */
    async setEmail(
      actor: Principal,
      username: string,
      email: string | null,
      meta: RequestMeta,
    ): Promise<AccountRecord> {
      const target = await load(username);
      await authorize(actor, 'reset-password', target, meta, undefined, 'set-email');
      const next = email ? normalizeOfficialEmail(email) : null;
      const updated = await storage.accounts.update(target.id, { email: next, updatedAt: clock() });
      await audit({ action: 'email-changed', actor, target, meta, details: { from: target.email, to: next } });
      return updated;
    },

    /** Whoever saw the account's current one-time password, for the account page; null when nobody did. */
    async witnessOf(account: AccountRecord): Promise<AccountRecord | null> {
      return account.credentialsSeenBy ? storage.accounts.findById(account.credentialsSeenBy) : null;
    },

    /**
     * The usernames that count as the same person as `accountId` for the
     * editorial four-eyes rules (docs/adr/0017): whoever saw its current
     * one-time password, and every account whose current one this one's
     * holder saw.
     */
    async linkedUsernames(accountId: string): Promise<string[]> {
      const account = await storage.accounts.findById(accountId);
      if (!account) return [];
      const witness = account.credentialsSeenBy ? await storage.accounts.findById(account.credentialsSeenBy) : null;
      return linkedUsernames(account, [
        ...(witness ? [witness] : []),
        ...(await storage.accounts.witnessedBy(accountId)),
      ]);
    },

    async changeRole(actor: Principal, username: string, role: Role, meta: RequestMeta): Promise<AccountRecord> {
      const target = await load(username);
      await authorize(actor, 'change-role', target, meta, role);
      const sections = SECTION_ROLES.includes(role) ? target.sections : [];
      const updated = await storage.accounts.update(target.id, { role, sections, updatedAt: clock() }, limitFor(role));
      await audit({ action: 'role-changed', actor, target, meta, details: { from: target.role, to: role } });
      return updated;
    },

    async assignSections(
      actor: Principal,
      username: string,
      sections: string[],
      meta: RequestMeta,
    ): Promise<AccountRecord> {
      const target = await load(username);
      await authorize(actor, 'assign-sections', target, meta);
      const updated = await storage.accounts.update(target.id, { sections, updatedAt: clock() });
      await audit({
        action: 'sections-assigned',
        actor,
        target,
        meta,
        details: { from: target.sections, to: sections },
      });
      return updated;
    },

    /** Điều 19b, 19c: the head names who may verify or publish besides the deputies and themself. */
    async delegate(
      actor: Principal,
      username: string,
      rights: DelegableRight[],
      meta: RequestMeta,
    ): Promise<AccountRecord> {
      const target = await load(username);
      await authorize(actor, 'delegate', target, meta);
      const updated = await storage.accounts.update(target.id, { delegations: rights, updatedAt: clock() });
      // Who granted what is shown on the compliance dashboard (docs/adr/0017).
      const granted = rights.filter((right) => !target.delegations.includes(right));
      await audit({
        action: 'rights-delegated',
        actor,
        target,
        meta,
        details: { from: target.delegations, to: rights, granted },
      });
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

    /**
     * The one-time passwords this account was given and the first sign-in
     * after each (docs/adr/0017): for its holder, its department's head and
     * the province administrator; null for anyone else.
     */
    async credentialHistory(actor: Principal, account: AccountRecord): Promise<CredentialIssue[] | null> {
      if (actor.id !== account.id && !mayReadAudit(actor, account.departmentId)) return null;
      return credentialIssues(storage.audit, { targetId: account.id }, HISTORY_LENGTH);
    },

    /** The latest one-time passwords given on the head's board (every board for the administrator); null for anyone else. */
    async boardCredentialHistory(actor: Principal): Promise<CredentialIssue[] | null> {
      if (actor.role !== 'head' && actor.role !== 'admin') return null;
      return credentialIssues(
        storage.audit,
        { departmentId: actor.role === 'admin' ? undefined : actor.departmentId },
        HISTORY_LENGTH,
      );
    },

    /** Delegations of `verify`/`publish` and who granted them (Điều 19), for the compliance dashboard; undefined: every department. */
    async delegationGrants(departmentId: string | undefined, limit = HISTORY_LENGTH * 2): Promise<AuditEntry[]> {
      return storage.audit.list({ departmentId, actions: ['rights-delegated'], limit });
    },

    async readAudit(
      actor: Principal,
      query: { departmentId?: string | null; limit: number; beforeId?: number },
    ): Promise<AuditEntry[]> {
      if (!actor.system) authorizeAuditRead(actor, query.departmentId ?? null);
      return storage.audit.list(query);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
