import { isIPv4, isIPv6 } from 'node:net';
import { RateLimitedError } from './errors.ts';
import { systemClock, type Clock } from '#server/platform/clock.ts';

/**
 * Token buckets per client address for the public forms and the look-up
 * page. A bucket holds up to `capacity` tokens and regains `refillPerMinute`;
 * each request takes one (or `cost`). Bursts are allowed (a family filing
 * three complaints from one phone), a steady flood is not.
 *
 * `takeToken` is a pure transition, so a shared storage can apply it
 * atomically for a cluster (`SharedRateLimiter`, docs/adr/0102);
 * `MemoryRateLimiter` keeps the buckets in one process, bounded in memory.
 */

export interface RateLimitPolicy {
  capacity: number;
  refillPerMinute: number;
}

/** Submitting a form: five at once, then one every six minutes (ten an hour). */
export const SUBMISSION_LIMIT: RateLimitPolicy = { capacity: 5, refillPerMinute: 10 / 60 };
/** The look-up page: guessing a secret must stay hopeless, re-checking a case must not be. */
export const LOOKUP_LIMIT: RateLimitPolicy = { capacity: 20, refillPerMinute: 2 };
/** Challenges are cheap to issue but each one can be spent once. */
export const CHALLENGE_LIMIT: RateLimitPolicy = { capacity: 30, refillPerMinute: 10 };

export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

function refilled(bucket: Bucket | null, now: number, policy: RateLimitPolicy): Bucket {
  if (!bucket) return { tokens: policy.capacity, updatedAt: now };
  // A clock that steps backwards must not mint tokens.
  const elapsed = Math.max(0, now - bucket.updatedAt);
  const tokens = Math.min(policy.capacity, bucket.tokens + (elapsed * policy.refillPerMinute) / 60_000);
  return { tokens, updatedAt: Math.max(now, bucket.updatedAt) };
}

/** One request against a bucket; a refused request takes nothing. */
export function takeToken(
  bucket: Bucket | null,
  now: number,
  policy: RateLimitPolicy,
  cost = 1,
): { next: Bucket; decision: RateDecision } {
  if (!(cost > 0) || cost > policy.capacity)
    throw new RangeError(`cost must be in (0, ${policy.capacity}], got ${cost}`);
  const current = refilled(bucket, now, policy);
  if (current.tokens >= cost) {
    const next = { ...current, tokens: current.tokens - cost };
    return { next, decision: { allowed: true, remaining: Math.floor(next.tokens) } };
  }
  const retryAfterMs = Math.ceil(((cost - current.tokens) * 60_000) / policy.refillPerMinute);
  return { next: current, decision: { allowed: false, retryAfterMs } };
}

/**
 * The key of a client address. An IPv6 subscriber gets a whole /64 and can
 * change address at will inside it, so the /64 is the unit; IPv4-mapped
 * addresses count as the IPv4 address they carry.
 */
export function addressKey(address: string): string {
  const plain = address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(plain)) return plain;
  if (!isIPv6(plain)) return `invalid:${plain.slice(0, 64)}`;
  return `${expandIPv6(plain).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number);
    text = `${text.slice(0, -v4[1]!.length)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => g.padStart(4, '0'));
}

export interface MemoryRateLimiterOptions {
  policy: RateLimitPolicy;
  clock?: Clock;
  /** Buckets kept at most; full buckets go first, as forgetting them changes nothing. */
  maxKeys?: number;
}

export class MemoryRateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #policy: RateLimitPolicy;
  readonly #clock: Clock;
  readonly #maxKeys: number;

  constructor({ policy, clock = systemClock, maxKeys = 100_000 }: MemoryRateLimiterOptions) {
    this.#policy = policy;
    this.#clock = clock;
    this.#maxKeys = maxKeys;
  }

  take(key: string, cost = 1): RateDecision {
    const now = this.#clock();
    const { next, decision } = takeToken(this.#buckets.get(key) ?? null, now, this.#policy, cost);
    // Re-inserting moves the key to the end: Map order is then least recently used first.
    this.#buckets.delete(key);
    this.#buckets.set(key, next);
    if (this.#buckets.size > this.#maxKeys) this.#evict(now);
    return decision;
  }

  /** Throws `RateLimitedError` instead of answering. */
  consume(key: string, cost = 1): void {
    const decision = this.take(key, cost);
    if (!decision.allowed) throw new RateLimitedError({ retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) });
  }

  get size(): number {
    return this.#buckets.size;
  }

  /**
   * Down to 90 % at once, so a flood of new addresses pays for a sweep once
   * per many requests, not on each. Dropping a bucket still in use forgives
   * that address; it is the least recently seen one, and the alternative is
   * unbounded memory.
   */
  #evict(now: number): void {
    const target = Math.floor(this.#maxKeys * 0.9);
    for (const [key, bucket] of this.#buckets) {
      if (refilled(bucket, now, this.#policy).tokens >= this.#policy.capacity) this.#buckets.delete(key);
    }
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= target) break;
      this.#buckets.delete(key);
    }
  }
}

/** Where buckets live when several server processes share them: the storage's `rateBuckets`. */
export interface BucketStore {
  apply<D>(key: string, step: (current: Bucket | null) => { next: Bucket; decision: D }): Promise<D>;
}

/** What the guard asks of a limiter, in memory or shared. */
export interface RateLimiter {
  take(key: string, cost?: number): RateDecision | Promise<RateDecision>;
}

/** Throws `RateLimitedError` when the limiter refuses. */
export async function consumeToken(limiter: RateLimiter, key: string, cost = 1): Promise<void> {
  const decision = await limiter.take(key, cost);
  if (!decision.allowed) throw new RateLimitedError({ retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) });
}

/**
 * Buckets in the shared storage (docs/adr/0102): with several server
 * processes behind one address, a client gets one allowance, not one per
 * process. `purpose` keeps the buckets of different limits apart.
 */
export class SharedRateLimiter implements RateLimiter {
  readonly #store: BucketStore;
  readonly #policy: RateLimitPolicy;
  readonly #clock: Clock;
  readonly #purpose: string;

  constructor({
    store,
    policy,
    purpose,
    clock = systemClock,
  }: { store: BucketStore; policy: RateLimitPolicy; purpose: string; clock?: Clock }) {
    this.#store = store;
    this.#policy = policy;
    this.#clock = clock;
    this.#purpose = purpose;
  }

  take(key: string, cost = 1): Promise<RateDecision> {
    const now = this.#clock();
    return this.#store.apply(`${this.#purpose}:${key}`, (bucket) => takeToken(bucket, now, this.#policy, cost));
  }
}
