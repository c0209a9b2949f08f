import type { ActiveSession } from '#server/platform/app-env.ts';
import {
  AccountDisabledError,
  InitialPasswordExpiredError,
  InvalidCredentialsError,
  ThrottledError,
  WeakPasswordError,
  WrongSiteError,
} from './errors.ts';
import {
  assertPasswordLengthBounded,
  checkNewPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from './password-policy.ts';
import { hashSessionToken, generateSessionToken, SESSION_TOKEN_PATTERN } from './session-token.ts';
import { isSessionExpired, needsTouch } from './session-policy.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import { issueDeviceToken, verifyDeviceToken } from './device-token.ts';
import { clearOnSuccess, refundOnSuccess, reserveAttempt, succeedAttempt, type ThrottlePolicy } from './throttle.ts';
import type { AccountRecord, SessionRecord } from '#server/platform/storage/records.ts';
import type { Principal } from './principal.ts';
import type { RequestMeta } from '#server/platform/http/request-meta.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface SignedIn {
  /** Goes into the cookie; only its hash is stored. */
  token: string;
  session: SessionRecord;
  account: AccountRecord;
  /** The signed "known device" token for this account, renewed at each sign-in (docs/adr/0018). */
  deviceToken?: string;
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

  async function throttle(key: string, username: string, site: Site, meta: RequestMeta, policy: ThrottlePolicy) {
    const decision = await storage.throttle.apply(key, (current) => reserveAttempt(current, key, clock(), policy));
    if (decision.allowed) return;
    await audit({
      action: 'sign-in-throttled',
      actor: null,
      targetUsername: username,
      departmentId: siteDepartmentId(site),
      meta,
      details: { key: key.split(':')[0], capped: decision.capped },
    });
    throw new ThrottledError({ retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000), capped: decision.capped });
  }

  /**
   * Which buckets an attempt counts against (docs/adr/0018): a device this
   * account signed in from before has its own, and nothing else; any other
   * attempt counts against its address and against the account's bucket for
   * unknown devices, capped at 100 an hour.
   */
  function bucketsFor(
    username: string,
    deviceId: string | null,
    ip: string | null,
  ): Array<{ key: string; policy: ThrottlePolicy; onSuccess: 'succeed' | 'refund' }> {
    if (deviceId) return [{ key: `device:${username}:${deviceId}`, policy: deps.deviceThrottle, onSuccess: 'succeed' }];
    return [
      { key: `address:${ip ?? 'unknown'}`, policy: deps.addressThrottle, onSuccess: 'refund' },
      { key: `account:${username}`, policy: deps.accountThrottle, onSuccess: 'succeed' },
    ];
  }

  return {
    /**
     * Điều 11.3. The answer and the work done are the same for an unknown
     * username and a wrong password: both cost one argon2 verification and
     * both end in InvalidCredentialsError. Other answers (disabled, expired,
     * wrong site) come only after the right password.
     */
    async signIn(
      input: { username: string; password: string; site: Site; previousToken?: string; deviceToken?: string },
      meta: RequestMeta,
    ): Promise<SignedIn> {
      const { username, password, site } = input;
      const deviceId = verifyDeviceToken(deps.deviceSecret, username, input.deviceToken, clock());
      const buckets = bucketsFor(username, deviceId, meta.ip);
      for (const bucket of buckets) await throttle(bucket.key, username, site, meta, bucket.policy);

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
          details: { reason: account ? 'wrong-password' : 'unknown-username', knownDevice: deviceId !== null },
        });
        throw new InvalidCredentialsError();
      }

      for (const bucket of buckets) {
        await storage.throttle.apply(bucket.key, (current) =>
          bucket.onSuccess === 'succeed' ? succeedAttempt(current, clock()) : refundOnSuccess(current),
        );
      }

      const refuse = async (reason: string, error: Error) => {
        await audit({ action: 'sign-in-failed', actor: null, target: account, meta, details: { reason } });
        throw error;
      };
      if (account.status !== 'active') await refuse('disabled', new AccountDisabledError());
      if (!belongsToSite(account, site))
        await refuse('wrong-site', new WrongSiteError({ accountDepartmentId: account.departmentId }));
      if (account.mustChangePassword && account.passwordExpiresAt !== null && clock() >= account.passwordExpiresAt) {
        await refuse('one-time-password-expired', new InitialPasswordExpiredError());
      }

      // Rotation: whatever session the browser had before is dropped, so a
      // token planted before sign-in (session fixation) is worth nothing.
      if (input.previousToken && SESSION_TOKEN_PATTERN.test(input.previousToken)) {
        await storage.sessions.delete(hashSessionToken(input.previousToken));
      }
      const signedIn = await openSession(account, meta);
      await audit({
        action: 'sign-in',
        actor: principalOf(account),
        target: account,
        meta,
        details: { knownDevice: deviceId !== null, ...(account.mustChangePassword ? { oneTimePassword: true } : {}) },
      });
      return {
        ...signedIn,
        deviceToken: issueDeviceToken(deps.deviceSecret, username, clock(), deviceId ?? undefined),
      };
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
      if (account?.status !== 'active') {
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
      const newPassword = checkNewPassword(input.newPassword, {
        username: account.username,
        fullName: account.fullName,
        commonPasswords: deps.commonPasswords,
      });
      const bounds = { minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH };
      if (input.confirmation.normalize('NFC') !== newPassword)
        throw new WeakPasswordError({ reason: 'mismatch', ...bounds });
      if (input.currentPassword.normalize('NFC') === newPassword)
        throw new WeakPasswordError({ reason: 'same-as-current', ...bounds });

      // Someone at an unlocked screen must not get unlimited tries at the current password either: a bucket per session.
      const key = `session:${active.tokenHash}`;
      const decision = await storage.throttle.apply(key, (current) =>
        reserveAttempt(current, key, clock(), deps.deviceThrottle),
      );
      if (!decision.allowed)
        throw new ThrottledError({
          retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000),
          capped: decision.capped,
        });
      if (!(await hasher.verify(input.currentPassword, account.passwordHash))) {
        await audit({
          action: 'sign-in-failed',
          actor: principalOf(account),
          target: account,
          meta,
          details: { reason: 'wrong-current-password' },
        });
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
