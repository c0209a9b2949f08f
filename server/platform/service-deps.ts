import type { Clock } from './clock.ts';
import type { PasswordHasher } from '#server/accounts/password-hash.ts';
import type { HostIndex } from '#server/sites/site-for-host.ts';
import type { ThrottlePolicy } from '#server/accounts/throttle.ts';
import type { UsernameRule } from '#server/accounts/username.ts';
import type { Storage } from './storage/repository.ts';
import type { AuditTrail } from '#server/accounts/audit-trail.ts';
import type { OneTimePasswordMailer } from '#server/accounts/one-time-password-mailer.ts';

/** Everything the services need, resolved once at start-up. */
export interface ServiceDeps {
  storage: Storage;
  clock: Clock;
  hasher: PasswordHasher;
  commonPasswords: ReadonlySet<string>;
  usernameRule: UsernameRule;
  sites: HostIndex;
  accountThrottle: ThrottlePolicy;
  addressThrottle: ThrottlePolicy;
  deviceThrottle: ThrottlePolicy;
  /** Signs the "known device" cookies (docs/adr/0018). */
  deviceSecret: Uint8Array;
  /** Sends one-time passwords to officials' addresses; null when no mail is configured (docs/adr/0017). */
  mailer: OneTimePasswordMailer | null;
  audit: AuditTrail;
}
