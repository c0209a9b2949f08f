/**
 * Sign-in throttling (Điều 11.3), as pure state transitions so the storage
 * adapters can apply them atomically and tests can move a fake clock.
 *
 * An attempt is counted as a failure *before* the password is checked
 * (reserveAttempt) and refunded on success. Counting afterwards would let a
 * burst of parallel requests all read "0 failures" and all get through; this
 * way at most `maxPerWindow` guesses per hour can ever be checked.
 */
export interface ThrottleState {
  key: string;
  /** Failures since the last success or lock release; drives delays and the lock. */
  failures: number;
  windowStart: number;
  /** Attempts reserved in the current window: the hard hourly cap. */
  windowCount: number;
  lockedUntil: number | null;
  nextAttemptAt: number;
}

export interface ThrottlePolicy {
  /** Failures allowed without any delay. */
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  lockAfterFailures: number;
  lockMs: number;
  windowMs: number;
  maxPerWindow: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Per typed username, whether or not such an account exists, so lockouts reveal nothing. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  lockAfterFailures: 10,
  lockMs: 15 * MINUTE,
  windowMs: HOUR,
  maxPerWindow: 100,
};

/**
 * Per client address. Looser: a whole department's office often shares one
 * public address, and one careless colleague must not lock everyone out.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = {
  freeFailures: 20,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  lockAfterFailures: 200,
  lockMs: 15 * MINUTE,
  windowMs: HOUR,
  maxPerWindow: 1_000,
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number; locked: boolean };

export interface ThrottleStep {
  next: ThrottleState | null;
  decision: ThrottleDecision;
}

function fresh(key: string, now: number): ThrottleState {
  return { key, failures: 0, windowStart: now, windowCount: 0, lockedUntil: null, nextAttemptAt: now };
}

function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const exponent = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

export function reserveAttempt(current: ThrottleState | null, key: string, now: number, policy: ThrottlePolicy): ThrottleStep {
  let state = current ?? fresh(key, now);
  if (state.lockedUntil !== null && now >= state.lockedUntil) state = { ...state, lockedUntil: null, failures: 0, nextAttemptAt: now };
  if (state.lockedUntil !== null) {
    return { next: state, decision: { allowed: false, retryAfterMs: state.lockedUntil - now, locked: true } };
  }
  if (now - state.windowStart >= policy.windowMs) state = { ...state, windowStart: now, windowCount: 0 };
  if (state.windowCount >= policy.maxPerWindow) {
    return { next: state, decision: { allowed: false, retryAfterMs: state.windowStart + policy.windowMs - now, locked: true } };
  }
  if (now < state.nextAttemptAt) {
    return { next: state, decision: { allowed: false, retryAfterMs: state.nextAttemptAt - now, locked: false } };
  }
  const failures = state.failures + 1;
  const next: ThrottleState = {
    ...state,
    failures,
    windowCount: state.windowCount + 1,
    lockedUntil: failures >= policy.lockAfterFailures ? now + policy.lockMs : null,
    nextAttemptAt: now + delayAfter(failures, policy),
  };
  return { next, decision: { allowed: true } };
}

/** A correct password for this username: its history no longer matters. */
export function clearOnSuccess(): ThrottleStep {
  return { next: null, decision: { allowed: true } };
}

/**
 * A success from this address refunds only the attempt it had reserved, so
 * signing in to one's own account between guesses cannot wash the address clean.
 */
export function refundOnSuccess(current: ThrottleState | null, policy: ThrottlePolicy): ThrottleStep {
  if (!current) return { next: null, decision: { allowed: true } };
  const failures = Math.max(0, current.failures - 1);
  return {
    next: {
      ...current,
      failures,
      windowCount: Math.max(0, current.windowCount - 1),
      lockedUntil: failures >= policy.lockAfterFailures ? current.lockedUntil : null,
    },
    decision: { allowed: true },
  };
}
