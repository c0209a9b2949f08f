import type { ThrottleState, ThrottleStep } from '#server/platform/storage/records.ts';

/**
 * Sign-in throttling (Điều 11.3), as pure state transitions so the storage
 * adapters can apply them atomically and tests can move a fake clock.
 * Reasoning in docs/adr/0018-sign-in-throttling-without-lockout.md.
 *
 * An attempt is counted as a failure *before* the password is checked
 * (reserveAttempt) and given back on success. Counting afterwards would let a
 * burst of parallel requests all read "0 failures" and all get through; this
 * way at most `maxPerWindow` guesses per window can ever be checked.
 *
 * There is no lock that also refuses the right password: failures only make
 * the next attempt from the same bucket wait longer (up to `maxDelayMs`), and
 * the hourly cap bounds the total. A device the holder signed in from before
 * has a bucket of its own (see auth-service), so nobody else's failures keep
 * the holder out.
 */

export interface ThrottlePolicy {
  /** Failures allowed without any delay. */
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
  maxPerWindow: number;
}

const HOUR = 60 * 60_000;

/**
 * Per typed username (whether or not such an account exists, so nothing is
 * revealed), for attempts from devices the holder has not used: NIST SP
 * 800-63B §5.2.2's 100 failures per account. Delays stop at 30 s so the
 * holder on a new computer waits at most that long between tries.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  windowMs: HOUR,
  maxPerWindow: 100,
};

/**
 * Per client address. Looser: a whole department's office often shares one
 * public address, and one careless colleague must not slow everyone down.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = {
  freeFailures: 20,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  windowMs: HOUR,
  maxPerWindow: 1_000,
};

/**
 * Per account and known device: the holder's own typing mistakes. Tighter
 * than the account's cap: a device cookie is only ever given to someone who
 * knew the password, but a copied one must not open a second hundred guesses.
 */
export const DEVICE_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  windowMs: HOUR,
  maxPerWindow: 20,
};

/** `capped`: the window's cap is reached, so only waiting for the next window (or another bucket) helps. */

function fresh(key: string, now: number): ThrottleState {
  return { key, failures: 0, windowStart: now, windowCount: 0, lockedUntil: null, nextAttemptAt: now };
}

/** The wait imposed after the `failures`-th failure. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const exponent = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

export function reserveAttempt(
  current: ThrottleState | null,
  key: string,
  now: number,
  policy: ThrottlePolicy,
): ThrottleStep {
  let state = current ?? fresh(key, now);
  if (state.lockedUntil !== null && now >= state.lockedUntil) state = { ...state, lockedUntil: null };
  if (state.lockedUntil !== null) {
    return { next: state, decision: { allowed: false, retryAfterMs: state.lockedUntil - now, capped: true } };
  }
  if (now - state.windowStart >= policy.windowMs) state = { ...state, windowStart: now, windowCount: 0 };
  if (state.windowCount >= policy.maxPerWindow) {
    return {
      next: state,
      decision: { allowed: false, retryAfterMs: state.windowStart + policy.windowMs - now, capped: true },
    };
  }
  if (now < state.nextAttemptAt) {
    return { next: state, decision: { allowed: false, retryAfterMs: state.nextAttemptAt - now, capped: false } };
  }
  const failures = state.failures + 1;
  const next: ThrottleState = {
    ...state,
    failures,
    windowCount: state.windowCount + 1,
    nextAttemptAt: now + delayAfter(failures, policy),
  };
  return { next, decision: { allowed: true } };
}

/** Forget the bucket: a manager issued a new password, so earlier guesses are worth nothing. */
export function clearOnSuccess(): ThrottleStep {
  return { next: null, decision: { allowed: true } };
}

/**
 * The right password from this account's bucket: the delays start over, but
 * the attempt counted against the hourly cap is only given back, never the
 * others, so signing in between guesses cannot reopen the cap.
 */
export function succeedAttempt(current: ThrottleState | null, now: number): ThrottleStep {
  if (!current) return { next: null, decision: { allowed: true } };
  return {
    next: { ...current, failures: 0, windowCount: Math.max(0, current.windowCount - 1), nextAttemptAt: now },
    decision: { allowed: true },
  };
}

/**
 * A success from this address refunds only the attempt it had reserved, so
 * signing in to one's own account between guesses cannot wash the address clean.
 */
export function refundOnSuccess(current: ThrottleState | null): ThrottleStep {
  if (!current) return { next: null, decision: { allowed: true } };
  return {
    next: {
      ...current,
      failures: Math.max(0, current.failures - 1),
      windowCount: Math.max(0, current.windowCount - 1),
    },
    decision: { allowed: true },
  };
}
