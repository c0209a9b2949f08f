import { randomBytes } from 'node:crypto';
import { type Clock, systemClock } from '#server/platform/clock.ts';
import { loadCommonPasswords } from './common-passwords.ts';
import { createPasswordHasher, type PasswordHasher } from './password-hash.ts';
import { buildHostIndex, type DepartmentRef } from '#server/platform/http/site-for-host.ts';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, DEVICE_THROTTLE, type ThrottlePolicy } from './throttle.ts';
import { initialsThenGivenName, type UsernameRule } from './username.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { createAccountService } from './account-service.ts';
import { createAuditTrail } from './audit-trail.ts';
import { createAuthService } from './auth-service.ts';
import type { MailOptions } from '#server/platform/mail/mail-options.ts';
import { createOneTimePasswordMailer } from './one-time-password-mailer.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface ServiceOptions {
  storage: Storage;
  departments: readonly DepartmentRef[];
  /** Extra host names served as the province portal (besides localhost). */
  portalHosts?: readonly string[];
  clock?: Clock;
  hasher?: PasswordHasher;
  commonPasswords?: ReadonlySet<string>;
  usernameRule?: UsernameRule;
  accountThrottle?: ThrottlePolicy;
  addressThrottle?: ThrottlePolicy;
  deviceThrottle?: ThrottlePolicy;
  /** Signs "known device" cookies; keep it across restarts (main.ts reads it from the data folder). A random one otherwise. */
  deviceSecret?: Uint8Array;
  /** Mail relay for one-time passwords (SMTP_* as for case notices); none: shown once on screen instead. */
  mail?: MailOptions | null;
}

/** Resolves every option once, at start-up, as Hono resolves middleware options outside the request. */
export function createServices(options: ServiceOptions) {
  const clock = options.clock ?? systemClock;
  const sites = buildHostIndex(options.departments, options.portalHosts);
  const deps: ServiceDeps = {
    storage: options.storage,
    clock,
    hasher: options.hasher ?? createPasswordHasher(),
    commonPasswords: options.commonPasswords ?? loadCommonPasswords(),
    usernameRule: options.usernameRule ?? initialsThenGivenName,
    sites,
    accountThrottle: options.accountThrottle ?? ACCOUNT_THROTTLE,
    addressThrottle: options.addressThrottle ?? ADDRESS_THROTTLE,
    deviceThrottle: options.deviceThrottle ?? DEVICE_THROTTLE,
    deviceSecret: options.deviceSecret ?? randomBytes(32),
    mailer: options.mail ? createOneTimePasswordMailer(options.mail, sites) : null,
    audit: createAuditTrail(options.storage.audit, clock),
  };
  return { deps, auth: createAuthService(deps), accounts: createAccountService(deps) };
}

export type Services = ReturnType<typeof createServices>;
