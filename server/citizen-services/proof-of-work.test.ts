import { describe, expect, it } from 'vitest';
import {
  createProofOfWork,
  leadingZeroBits,
  MemoryReplayStore,
  workDigest,
  type ReplayStore,
} from '#server/citizen-services/proof-of-work.ts';
import { codeOf } from '#tests/support/refusals.ts';

const SECRET = 'k'.repeat(32);
const SCOPE = 'sotuphap:khieu-nai-to-cao';

/** What the browser does, in the same few lines. */
function solve(challenge: string, difficulty: number): string {
  for (let n = 0; ; n += 1) if (leadingZeroBits(workDigest(challenge, String(n))) >= difficulty) return String(n);
}

function setup(difficulty = 10) {
  let now = Date.UTC(2026, 2, 10, 2, 0, 0);
  const clock = () => now;
  const pow = createProofOfWork({ secret: SECRET, difficulty, ttlMs: 30 * 60_000, clock });
  const replays = new MemoryReplayStore(clock);
  return { pow, replays, advance: (ms: number) => (now += ms) };
}

describe('proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x00, 0x80]))).toBe(16);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Uint8Array.from([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array(4))).toBe(32);
  });

  it('accepts a solved challenge once', async () => {
    const { pow, replays } = setup();
    const { challenge, difficulty } = pow.issue(SCOPE);
    const nonce = solve(challenge, difficulty);
    await expect(pow.verify(SCOPE, challenge, nonce, replays)).resolves.toBeUndefined();
    expect(await codeOf(pow.verify(SCOPE, challenge, nonce, replays))).toBe('E_POW_REPLAYED');
  });

  it('refuses a nonce that does not do the work, without spending the challenge', async () => {
    const { pow, replays } = setup(12);
    const { challenge } = pow.issue(SCOPE);
    let lazy = 0;
    while (leadingZeroBits(workDigest(challenge, String(lazy))) >= 12) lazy += 1;
    expect(await codeOf(pow.verify(SCOPE, challenge, String(lazy), replays))).toBe('E_POW_INVALID');
    expect(replays.size).toBe(0);
    await expect(pow.verify(SCOPE, challenge, solve(challenge, 12), replays)).resolves.toBeUndefined();
  });

  it('refuses a challenge whose difficulty or expiry was edited', async () => {
    const { pow, replays } = setup(12);
    const { challenge } = pow.issue(SCOPE);
    const parts = challenge.split('.');
    const easier = [...parts.slice(0, 3), '1', ...parts.slice(4)].join('.');
    expect(await codeOf(pow.verify(SCOPE, easier, solve(easier, 1), replays))).toBe('E_POW_INVALID');
    const later = [...parts.slice(0, 2), String(Number(parts[2]) + 86_400_000), ...parts.slice(3)].join('.');
    expect(await codeOf(pow.verify(SCOPE, later, solve(later, 12), replays))).toBe('E_POW_INVALID');
  });

  it('refuses a challenge signed with another secret', async () => {
    const { pow, replays } = setup();
    const other = createProofOfWork({ secret: 'x'.repeat(32), difficulty: 8 });
    const { challenge } = other.issue(SCOPE);
    expect(await codeOf(pow.verify(SCOPE, challenge, solve(challenge, 8), replays))).toBe('E_POW_INVALID');
  });

  it('refuses a challenge issued for another form or site', async () => {
    const { pow, replays } = setup();
    const { challenge, difficulty } = pow.issue('sotuphap:hoi-dap');
    expect(await codeOf(pow.verify(SCOPE, challenge, solve(challenge, difficulty), replays))).toBe('E_POW_INVALID');
  });

  it('refuses an expired challenge', async () => {
    const { pow, replays, advance } = setup();
    const { challenge, difficulty } = pow.issue(SCOPE);
    const nonce = solve(challenge, difficulty);
    advance(30 * 60_000);
    expect(await codeOf(pow.verify(SCOPE, challenge, nonce, replays))).toBe('E_POW_EXPIRED');
  });

  it('refuses malformed input without throwing anything untyped', async () => {
    const { pow, replays } = setup();
    const { challenge } = pow.issue(SCOPE);
    for (const [c, n] of [
      ['', '1'],
      ['a.b.c', '1'],
      [challenge, ''],
      [challenge, 'x'.repeat(65)],
      [challenge, 'có dấu'],
      [undefined, '1'],
      [challenge, 42],
    ] as Array<[string, string]>) {
      expect(await codeOf(pow.verify(SCOPE, c, n, replays))).toBe('E_POW_INVALID');
    }
  });

  it('lets a route ask more work of one address', async () => {
    const { pow, replays } = setup(8);
    const hard = pow.issue(SCOPE, 14);
    expect(hard.difficulty).toBe(14);
    const { challenge } = hard;
    let cheap = 0;
    while (
      leadingZeroBits(workDigest(challenge, String(cheap))) < 8 ||
      leadingZeroBits(workDigest(challenge, String(cheap))) >= 14
    )
      cheap += 1;
    expect(await codeOf(pow.verify(SCOPE, challenge, String(cheap), replays))).toBe('E_POW_INVALID');
  });

  it('asks the replay store once per accepted solution, so a shared store can make it atomic', async () => {
    const { pow } = setup(8);
    const seen: string[] = [];
    const store: ReplayStore = {
      consume: async (id) => {
        seen.push(id);
        return seen.filter((s) => s === id).length === 1;
      },
    };
    const { challenge } = pow.issue(SCOPE);
    const nonce = solve(challenge, 8);
    const results = await Promise.allSettled([
      pow.verify(SCOPE, challenge, nonce, store),
      pow.verify(SCOPE, challenge, nonce, store),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(seen).toHaveLength(2);
  });

  it('refuses a weak secret and a silly difficulty at start-up', () => {
    expect(() => createProofOfWork({ secret: 'short' })).toThrow(RangeError);
    expect(() => createProofOfWork({ secret: SECRET, difficulty: 0 })).toThrow(RangeError);
    expect(() => createProofOfWork({ secret: SECRET }).issue(SCOPE, 40)).toThrow(RangeError);
  });

  it('forgets spent challenges once they have expired', () => {
    let now = 0;
    const store = new MemoryReplayStore(() => now);
    expect(store.consume('a', 100)).toBe(true);
    expect(store.consume('a', 100)).toBe(false);
    now = 100;
    expect(store.consume('a', 200)).toBe(true);
  });
});
