import type { Clock } from '#server/platform/clock.ts';
import type { PasswordHasher } from './password-hash.ts';
import type { HostIndex } from '#server/platform/http/site-for-host.ts';
import type { ThrottlePolicy } from './throttle.ts';
import type { UsernameRule } from './username.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import type { AuditTrail } from './audit-trail.ts';
import type { OneTimePasswordMailer } from './one-time-password-mailer.ts';

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
