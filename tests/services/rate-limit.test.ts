import { describe, expect, it } from 'vitest';
import {
  addressKey,
  MemoryRateLimiter,
  SUBMISSION_LIMIT,
  takeToken,
  type Bucket,
} from '#server/citizen-services/rate-limit.ts';
import { createSubmissionGuard } from '#server/citizen-services/submission-guard.ts';
import { createProofOfWork } from '#server/citizen-services/proof-of-work.ts';
import { generateTrackingCode } from '#server/citizen-services/tracking-code.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';

const MINUTE = 60_000;

function limiter(policy = { capacity: 3, refillPerMinute: 1 }, maxKeys?: number) {
  let now = 1_000_000;
  const rl = new MemoryRateLimiter({ policy, clock: () => now, maxKeys });
  return { rl, advance: (ms: number) => (now += ms) };
}

describe('token bucket', () => {
  it('allows a burst up to capacity, then refuses and says when to come back', () => {
    const { rl } = limiter();
    expect([rl.take('a'), rl.take('a'), rl.take('a')].map((d) => d.allowed)).toEqual([true, true, true]);
    expect(rl.take('a')).toEqual({ allowed: false, retryAfterMs: MINUTE });
  });

  it('refills at the declared rate and never above capacity', () => {
    const { rl, advance } = limiter();
    for (let i = 0; i < 3; i += 1) rl.take('a');
    advance(30_000);
    expect(rl.take('a')).toEqual({ allowed: false, retryAfterMs: 30_000 });
    advance(30_000);
    expect(rl.take('a')).toEqual({ allowed: true, remaining: 0 });
    advance(24 * 60 * MINUTE);
    expect(rl.take('a')).toEqual({ allowed: true, remaining: 2 });
  });

  it('keeps addresses apart', () => {
    const { rl } = limiter();
    for (let i = 0; i < 3; i += 1) rl.take('a');
    expect(rl.take('a').allowed).toBe(false);
    expect(rl.take('b').allowed).toBe(true);
  });

  it('holds a steady flood to the refill rate', () => {
    const { rl, advance } = limiter(SUBMISSION_LIMIT);
    let accepted = 0;
    for (let second = 0; second < 3600; second += 1) {
      if (rl.take('flood').allowed) accepted += 1;
      advance(1000);
    }
    expect(accepted).toBeLessThanOrEqual(SUBMISSION_LIMIT.capacity + 10);
    expect(accepted).toBeGreaterThanOrEqual(10);
  });

  it('does not charge a refused request, and charges a cost', () => {
    let bucket: Bucket | null = null;
    const policy = { capacity: 3, refillPerMinute: 1 };
    bucket = takeToken(bucket, 0, policy, 3).next;
    const refused = takeToken(bucket, 0, policy);
    expect(refused.decision.allowed).toBe(false);
    expect(refused.next.tokens).toBe(0);
    expect(() => takeToken(null, 0, policy, 4)).toThrow(RangeError);
  });

  it('mints nothing when the clock steps backwards', () => {
    const policy = { capacity: 3, refillPerMinute: 1 };
    const spent = takeToken(null, 10 * MINUTE, policy, 3).next;
    expect(takeToken(spent, 0, policy).decision.allowed).toBe(false);
    expect(takeToken(spent, 11 * MINUTE, policy).decision.allowed).toBe(true);
  });

  it('throws a typed error for routes that prefer it', () => {
    const { rl } = limiter({ capacity: 1, refillPerMinute: 0.5 });
    rl.consume('a');
    try {
      rl.consume('a');
      expect.unreachable();
    } catch (error) {
      expect((error as { code: string }).code).toBe('E_RATE_LIMITED');
      expect((error as { data: unknown }).data).toEqual({ retryAfterSeconds: 120 });
    }
  });

  it('stays bounded in memory, forgetting full buckets first', () => {
    const { rl, advance } = limiter({ capacity: 3, refillPerMinute: 1 }, 100);
    for (let i = 0; i < 3; i += 1) rl.take('busy');
    for (let i = 0; i < 99; i += 1) rl.take(`visitor-${i}`);
    advance(MINUTE);
    for (let i = 99; i < 150; i += 1) rl.take(`visitor-${i}`);
    expect(rl.size).toBeLessThanOrEqual(100);
    expect(rl.take('busy')).toEqual({ allowed: true, remaining: 0 });
  });
});

describe('limits shared by several server processes (docs/adr/0102)', () => {
  it('gives a client one allowance across processes, and one set of wrong guesses per case', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    const now = () => 1_000_000;
    // Two processes: each its own guard, both on the same storage.
    const [a, b] = [1, 2].map(() =>
      createSubmissionGuard({
        pow: createProofOfWork({ secret: 'k'.repeat(32), clock: now }),
        replays: storage.replays,
        clock: now,
        buckets: storage.rateBuckets,
        submission: { capacity: 3, refillPerMinute: 1 },
      }),
    );
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code: string }) => e.code,
      );
    const address = '203.113.1.5';
    // A form sent without the proof of work costs 2.5 of the 3 tokens: the second, through the other process, finds the bucket spent.
    expect(await codeOf(a!.admit('sotuphap', 'hoi-dap', address, null))).toBe('ok');
    expect(await codeOf(b!.admit('sotuphap', 'hoi-dap', address, null))).toBe('E_RATE_LIMITED');
    expect(await codeOf(b!.admit('sotuphap', 'hoi-dap', '203.113.1.6', null))).toBe('ok');

    const code = generateTrackingCode('STP', 2026).text;
    for (let i = 0; i < 10; i += 1) await (i % 2 ? a! : b!).failedLookup(`198.51.100.${i}`, code);
    expect(await codeOf(b!.beforeLookup('198.51.100.99', code))).toBe('E_RATE_LIMITED');
    expect(await codeOf(a!.beforeLookup('198.51.100.99', code))).toBe('E_RATE_LIMITED');
    await storage.close();
  });
});

describe('address keys', () => {
  it('groups an IPv6 subscriber’s /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('[2001:db8::1]')).toBe('2001:0db8:0000:0000::/64');
    expect(addressKey('::ffff:203.113.1.5')).toBe('203.113.1.5');
    expect(addressKey('203.113.1.5')).toBe('203.113.1.5');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
    expect(addressKey('not an address')).toBe('invalid:not an address');
  });
});
