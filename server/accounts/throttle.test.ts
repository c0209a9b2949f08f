import { describe, expect, it } from 'vitest';
import type { ThrottleState } from '#server/platform/storage/records.ts';
import { ACCOUNT_THROTTLE, reserveAttempt, succeedAttempt } from './throttle.ts';

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
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000, 30000]);
  });

  it('refuses an attempt made before the delay is over', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 3; i += 1) state = reserveAttempt(state, 'k', 0, ACCOUNT_THROTTLE).next;
    const step = reserveAttempt(state, 'k', 500, ACCOUNT_THROTTLE);
    expect(step.decision).toEqual({ allowed: false, retryAfterMs: 500, capped: false });
  });

  it('never locks: after fifty failures the next attempt waits thirty seconds, no more', () => {
    let state: ThrottleState | null = null;
    let now = 0;
    for (let i = 0; i < 50; i += 1) {
      state = reserveAttempt(state, 'k', now, ACCOUNT_THROTTLE).next;
      now = state!.nextAttemptAt;
    }
    expect(state!.lockedUntil).toBeNull();
    expect(reserveAttempt(state, 'k', now - 1, ACCOUNT_THROTTLE).decision).toEqual({
      allowed: false,
      retryAfterMs: 1,
      capped: false,
    });
    expect(reserveAttempt(state, 'k', now, ACCOUNT_THROTTLE).decision.allowed).toBe(true);
  });

  it('honours a lock left by an older version until it passes, then never sets one again', () => {
    const old: ThrottleState = {
      key: 'k',
      failures: 10,
      windowStart: 0,
      windowCount: 10,
      lockedUntil: 15 * MINUTE,
      nextAttemptAt: 0,
    };
    expect(reserveAttempt(old, 'k', MINUTE, ACCOUNT_THROTTLE).decision).toMatchObject({ allowed: false, capped: true });
    const after = reserveAttempt(old, 'k', 15 * MINUTE, ACCOUNT_THROTTLE);
    expect(after.decision.allowed).toBe(true);
    expect(after.next!.lockedUntil).toBeNull();
  });

  it('starts the delays over after a success but gives back only the attempt it reserved', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 6; i += 1) state = reserveAttempt(state, 'k', i * MINUTE, ACCOUNT_THROTTLE).next;
    const after = succeedAttempt(state, 6 * MINUTE).next!;
    expect(after).toMatchObject({ failures: 0, windowCount: 5, nextAttemptAt: 6 * MINUTE });
  });

  it('never lets more than 100 attempts per hour through, however the clock is played', () => {
    const { accepted } = hammer(0, 60 * MINUTE);
    expect(accepted).toBeLessThanOrEqual(100);
    const day = hammer(0, 24 * 60 * MINUTE);
    expect(day.accepted).toBeLessThanOrEqual(24 * 100);
  });

  it('holds the hourly cap even with a policy that never delays', () => {
    const noLock = { ...ACCOUNT_THROTTLE, freeFailures: Number.POSITIVE_INFINITY };
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
