import { AccountDisabledError } from '../errors/account-disabled-error.ts';
import { InitialPasswordExpiredError } from '../errors/initial-password-expired-error.ts';
import { InvalidCredentialsError } from '../errors/invalid-credentials-error.ts';
import { ThrottledError } from '../errors/throttled-error.ts';
import { WeakPasswordError } from '../errors/weak-password-error.ts';
import { WrongSiteError } from '../errors/wrong-site-error.ts';
import { assertPasswordLengthBounded, checkNewPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../lib/password-policy.ts';
import { hashSessionToken, generateSessionToken, SESSION_TOKEN_PATTERN } from '../lib/session-token.ts';
import { isSessionExpired, needsTouch } from '../lib/session-policy.ts';
import type { Site } from '../lib/site-for-host.ts';
import { clearOnSuccess, refundOnSuccess, reserveAttempt } from '../lib/throttle.ts';
import type { AccountRecord, SessionRecord } from '../storage/records.ts';
import type { Principal, RequestMeta } from './principal.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface SignedIn {
  /** Goes into the cookie; only its hash is stored. */
  token: string;
  session: SessionRecord;
  account: AccountRecord;
}

export interface ActiveSession {
  tokenHash: string;
  session: SessionRecord;
  account: AccountRecord;
}

export function principalOf(account: AccountRecord): Principal {
  return { id: account.id, username: account.username, role: account.role, departmentId: account.departmentId };
}

function siteDepartmentId(site: Site): string | null {
  return site.kind === 'department' ? site.department.id : null;
}

/** The province admin signs in on the portal; everyone else on their own department's host. */
function belongsToSite(account: AccountRecord, site: Site): boolean {
  return site.kind === 'portal' ? account.role === 'admin' : account.departmentId === site.department.id;
}

export function createAuthService(deps: ServiceDeps) {
  const { storage, clock, hasher, audit } = deps;

  async function openSession(account: AccountRecord, meta: RequestMeta): Promise<SignedIn> {
    const token = generateSessionToken();
    const now = clock();
    const session: SessionRecord = {
      tokenHash: hashSessionToken(token),
      accountId: account.id,
      createdAt: now,
      lastSeenAt: now,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 200) ?? null,
    };
    await storage.sessions.create(session);
    return { token, session, account };
  }

  async function throttle(key: string, username: string, site: Site, meta: RequestMeta, policy = deps.accountThrottle) {
    const decision = await storage.throttle.apply(key, (current) => reserveAttempt(current, key, clock(), policy));
    if (decision.allowed) return;
    await audit({
      action: 'sign-in-throttled',
      actor: null,
      targetUsername: username,
      departmentId: siteDepartmentId(site),
      meta,
      details: { key: key.split(':')[0], locked: decision.locked },
    });
    throw new ThrottledError({ retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000), locked: decision.locked });
  }

  return {
    /**
     * Điều 11.3. The answer and the work done are the same for an unknown
     * username and a wrong password: both cost one argon2 verification and
     * both end in InvalidCredentialsError. Other answers (disabled, expired,
     * wrong site) come only after the right password.
     */
    async signIn(input: { username: string; password: string; site: Site; previousToken?: string }, meta: RequestMeta): Promise<SignedIn> {
      const { username, password, site } = input;
      const accountKey = `account:${username}`;
      const addressKey = `address:${meta.ip ?? 'unknown'}`;
      await throttle(addressKey, username, site, meta, deps.addressThrottle);
      await throttle(accountKey, username, site, meta);

      const account = await storage.accounts.findByUsername(username);
      const verified = await hasher.verify(password, account?.passwordHash ?? (await hasher.dummyHash));
      if (!account || !verified) {
        await audit({
          action: 'sign-in-failed',
          actor: null,
          target: account,
          targetUsername: username,
          departmentId: account ? account.departmentId : siteDepartmentId(site),
          meta,
          details: { reason: account ? 'wrong-password' : 'unknown-username' },
        });
        throw new InvalidCredentialsError();
      }

      await storage.throttle.apply(accountKey, () => clearOnSuccess());
      await storage.throttle.apply(addressKey, (current) => refundOnSuccess(current, deps.addressThrottle));

      const refuse = async (reason: string, error: Error) => {
        await audit({ action: 'sign-in-failed', actor: null, target: account, meta, details: { reason } });
        throw error;
      };
      if (account.status !== 'active') await refuse('disabled', new AccountDisabledError());
      if (!belongsToSite(account, site)) await refuse('wrong-site', new WrongSiteError({ accountDepartmentId: account.departmentId }));
      if (account.mustChangePassword && account.passwordExpiresAt !== null && clock() >= account.passwordExpiresAt) {
        await refuse('one-time-password-expired', new InitialPasswordExpiredError());
      }

      // Rotation: whatever session the browser had before is dropped, so a
      // token planted before sign-in (session fixation) is worth nothing.
      if (input.previousToken && SESSION_TOKEN_PATTERN.test(input.previousToken)) {
        await storage.sessions.delete(hashSessionToken(input.previousToken));
      }
      const signedIn = await openSession(account, meta);
      await audit({ action: 'sign-in', actor: principalOf(account), target: account, meta });
      return signedIn;
    },

    /** The session behind a cookie token, or null if there is none, it expired, or the account was disabled. */
    async resume(token: string, site: Site): Promise<ActiveSession | null> {
      const tokenHash = hashSessionToken(token);
      const session = await storage.sessions.find(tokenHash);
      if (!session) return null;
      const now = clock();
      if (isSessionExpired(session, now)) {
        await storage.sessions.delete(tokenHash);
        return null;
      }
      const account = await storage.accounts.findById(session.accountId);
      // Checked on every request, not only at disable time: even a session
      // the disable step missed cannot outlive the account.
      if (!account || account.status !== 'active') {
        await storage.sessions.delete(tokenHash);
        return null;
      }
      if (!belongsToSite(account, site)) return null;
      if (needsTouch(session, now)) {
        await storage.sessions.touch(tokenHash, now);
        session.lastSeenAt = now;
      }
      return { tokenHash, session, account };
    },

    async signOut(active: ActiveSession, meta: RequestMeta): Promise<void> {
      await storage.sessions.delete(active.tokenHash);
      await audit({ action: 'sign-out', actor: principalOf(active.account), target: active.account, meta });
    },

    /**
     * Điều 11.2: the only thing a one-time password allows. Ends every other
     * session of the account and issues a fresh token for this one.
     */
    async changePassword(
      active: ActiveSession,
      input: { currentPassword: string; newPassword: string; confirmation: string },
      meta: RequestMeta,
    ): Promise<SignedIn> {
      const { account } = active;
      assertPasswordLengthBounded(input.newPassword);
      const newPassword = checkNewPassword(input.newPassword, { username: account.username, fullName: account.fullName, commonPasswords: deps.commonPasswords });
      const bounds = { minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH };
      if (input.confirmation.normalize('NFC') !== newPassword) throw new WeakPasswordError({ reason: 'mismatch', ...bounds });
      if (input.currentPassword.normalize('NFC') === newPassword) throw new WeakPasswordError({ reason: 'same-as-current', ...bounds });

      // Someone at an unlocked screen must not get unlimited tries at the current password either.
      const key = `account:${account.username}`;
      const decision = await storage.throttle.apply(key, (current) => reserveAttempt(current, key, clock(), deps.accountThrottle));
      if (!decision.allowed) throw new ThrottledError({ retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000), locked: decision.locked });
      if (!(await hasher.verify(input.currentPassword, account.passwordHash))) {
        await audit({ action: 'sign-in-failed', actor: principalOf(account), target: account, meta, details: { reason: 'wrong-current-password' } });
        throw new InvalidCredentialsError();
      }
      await storage.throttle.apply(key, () => clearOnSuccess());

      const updated = await storage.accounts.update(account.id, {
        passwordHash: await hasher.hash(newPassword),
        mustChangePassword: false,
        passwordExpiresAt: null,
        updatedAt: clock(),
      });
      await storage.sessions.deleteForAccount(account.id);
      const signedIn = await openSession(updated, meta);
      await audit({ action: 'password-changed', actor: principalOf(account), target: account, meta });
      return signedIn;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
