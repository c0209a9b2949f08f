import { describe, expect, it } from 'vitest';
import { ACCOUNT_THROTTLE, reserveAttempt, type ThrottleState } from './throttle.ts';

const MINUTE = 60_000;

/** Replays failed attempts as fast as the policy lets them through. */
function hammer(start: number, until: number) {
  let state: ThrottleState | null = null;
  let now = start;
  let accepted = 0;
  let refused = 0;
  while (now < until) {
    const step = reserveAttempt(state, 'account:nvan', now, ACCOUNT_THROTTLE);
    state = step.next;
    if (step.decision.allowed) {
      accepted += 1;
      now += 1;
    } else {
      refused += 1;
      now += step.decision.retryAfterMs;
    }
  }
  return { accepted, refused, state };
}

describe('sign-in throttle', () => {
  it('lets the first failures through without delay, then makes each wait longer', () => {
    let state: ThrottleState | null = null;
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i += 1) {
      const step = reserveAttempt(state, 'k', now, ACCOUNT_THROTTLE);
      expect(step.decision.allowed).toBe(true);
      state = step.next;
      waits.push(state!.nextAttemptAt - now);
      now = state!.nextAttemptAt;
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000, 32000]);
  });

  it('refuses an attempt made before the delay is over', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 3; i += 1) state = reserveAttempt(state, 'k', 0, ACCOUNT_THROTTLE).next;
    const step = reserveAttempt(state, 'k', 500, ACCOUNT_THROTTLE);
    expect(step.decision).toEqual({ allowed: false, retryAfterMs: 500, locked: false });
  });

  it('locks after ten failures and releases the lock after fifteen minutes', () => {
    let state: ThrottleState | null = null;
    let now = 0;
    for (let i = 0; i < 10; i += 1) {
      state = reserveAttempt(state, 'k', now, ACCOUNT_THROTTLE).next;
      now = Math.max(now, state!.nextAttemptAt);
    }
    const lockedAt = now;
    expect(state!.lockedUntil).not.toBeNull();
    const refused = reserveAttempt(state, 'k', lockedAt + MINUTE, ACCOUNT_THROTTLE);
    expect(refused.decision).toMatchObject({ allowed: false, locked: true });
    const released = reserveAttempt(state, 'k', state!.lockedUntil!, ACCOUNT_THROTTLE);
    expect(released.decision.allowed).toBe(true);
    expect(released.next!.failures).toBe(1);
  });

  it('never lets more than 100 attempts per hour through, however the clock is played', () => {
    const { accepted } = hammer(0, 60 * MINUTE);
    expect(accepted).toBeLessThanOrEqual(100);
    const day = hammer(0, 24 * 60 * MINUTE);
    expect(day.accepted).toBeLessThanOrEqual(24 * 100);
  });

  it('holds the hourly cap even with a policy that never locks', () => {
    const noLock = { ...ACCOUNT_THROTTLE, lockAfterFailures: Number.POSITIVE_INFINITY, freeFailures: Number.POSITIVE_INFINITY };
    let state: ThrottleState | null = null;
    let accepted = 0;
    for (let i = 0; i < 500; i += 1) {
      const step = reserveAttempt(state, 'k', i, noLock);
      state = step.next;
      if (step.decision.allowed) accepted += 1;
    }
    expect(accepted).toBe(100);
  });
});
