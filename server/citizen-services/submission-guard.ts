import type { ServiceId } from '#src/schema/service-process.ts';
import { ProofOfWorkRequiredError, RateLimitedError } from './errors.ts';
import type { Clock } from '#server/platform/clock.ts';
import type { ProofOfWork } from './proof-of-work.ts';
import { canonicalTrackingCode } from './tracking-code.ts';
import {
  addressKey,
  CHALLENGE_LIMIT,
  consumeToken,
  LOOKUP_LIMIT,
  MemoryRateLimiter,
  SharedRateLimiter,
  SUBMISSION_LIMIT,
  takeToken,
  type Bucket,
  type BucketStore,
  type RateLimiter,
  type RateLimitPolicy,
} from './rate-limit.ts';
import type { ReplayRepository } from '#server/platform/storage/repository.ts';

/**
 * The layers in front of the citizen forms (docs/adr/0051): per-address token
 * buckets, the proof of work, and the look-up page's throttle.
 *
 * Without JavaScript nobody can solve the proof of work, and every form must
 * work without it. Such a submission is accepted but costs
 * `noScriptCost` tokens of the address's allowance instead of one (by default
 * two at once, then one every twelve minutes), so a script that skips the
 * work gets a fraction of the rate. `requireProofOfWork` turns that door off.
 *
 * A wrong secret on the look-up page costs `failedLookupCost` more tokens per
 * address, and every case has its own failure bucket, so guessing from many
 * addresses is slow too. The bucket is keyed by the code as the case knows it,
 * not as typed: `…-DI`, `…-DL` and `…-D1` are one case and share ten guesses
 * (docs/adr/0052).
 */
export interface GuardOptions {
  pow: ProofOfWork;
  replays: ReplayRepository;
  clock: Clock;
  submission?: RateLimitPolicy;
  lookup?: RateLimitPolicy;
  challenge?: RateLimitPolicy;
  noScriptCost?: number;
  failedLookupCost?: number;
  requireProofOfWork?: boolean;
  /** Buckets shared by every server process (docs/adr/0102); kept in this process's memory when absent. */
  buckets?: BucketStore;
}

export interface ProofOfWorkAnswer {
  challenge: string;
  nonce: string;
}

/** Ten wrong secrets per code, then one a minute: 80-bit secrets stay out of reach. */
const CODE_FAILURES: RateLimitPolicy = { capacity: 10, refillPerMinute: 1 };

/** Per code, only failures draw tokens; a look-up is refused while the bucket could not pay for one more failure. */
interface CodeFailures {
  check(code: string): Promise<void>;
  fail(code: string): Promise<void>;
}

function refuseUnless(decision: ReturnType<typeof takeToken>['decision']): void {
  if (!decision.allowed) throw new RateLimitedError({ retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) });
}

function memoryCodeFailures(clock: Clock): CodeFailures {
  const buckets = new Map<string, Bucket>();
  return {
    async check(code) {
      refuseUnless(takeToken(buckets.get(code) ?? null, clock(), CODE_FAILURES).decision);
    },
    async fail(code) {
      const { next } = takeToken(buckets.get(code) ?? null, clock(), CODE_FAILURES);
      // Re-inserted last: the case being guessed at is the last one a flood of made-up codes could push out.
      buckets.delete(code);
      buckets.set(code, next);
      // Bounded: a flood of made-up codes must not grow memory without end.
      if (buckets.size > 100_000) buckets.delete(buckets.keys().next().value!);
    },
  };
}

function sharedCodeFailures(store: BucketStore, clock: Clock): CodeFailures {
  const key = (code: string) => `lookup-code:${code}`;
  return {
    async check(code) {
      const now = clock();
      // Looking costs nothing: the bucket is written back as it was.
      refuseUnless(
        await store.apply(key(code), (bucket) => ({
          next: bucket ?? { tokens: CODE_FAILURES.capacity, updatedAt: now },
          decision: takeToken(bucket, now, CODE_FAILURES).decision,
        })),
      );
    },
    async fail(code) {
      const now = clock();
      await store.apply(key(code), (bucket) => takeToken(bucket, now, CODE_FAILURES));
    },
  };
}

export function createSubmissionGuard(options: GuardOptions) {
  const limiter = (policy: RateLimitPolicy, purpose: string): RateLimiter =>
    options.buckets
      ? new SharedRateLimiter({ store: options.buckets, policy, purpose, clock: options.clock })
      : new MemoryRateLimiter({ policy, clock: options.clock });
  const submissions = limiter(options.submission ?? SUBMISSION_LIMIT, 'submission');
  const lookups = limiter(options.lookup ?? LOOKUP_LIMIT, 'lookup');
  const challenges = limiter(options.challenge ?? CHALLENGE_LIMIT, 'challenge');
  const codeFailures = options.buckets
    ? sharedCodeFailures(options.buckets, options.clock)
    : memoryCodeFailures(options.clock);
  const noScriptCost = options.noScriptCost ?? 2.5;
  const failedLookupCost = options.failedLookupCost ?? 4;
  const scope = (departmentId: string, service: ServiceId) => `${departmentId}:${service}`;
  const key = (address: string | null) => addressKey(address ?? 'unknown');

  return {
    async challenge(departmentId: string, service: ServiceId, address: string | null) {
      await consumeToken(challenges, key(address));
      return options.pow.issue(scope(departmentId, service));
    },

    /** Before anything is parsed from the files or stored. */
    async admit(
      departmentId: string,
      service: ServiceId,
      address: string | null,
      answer: ProofOfWorkAnswer | null,
    ): Promise<void> {
      if (!answer) {
        if (options.requireProofOfWork) throw new ProofOfWorkRequiredError({});
        await consumeToken(submissions, key(address), noScriptCost);
        return;
      }
      await consumeToken(submissions, key(address));
      await options.pow.verify(scope(departmentId, service), answer.challenge, answer.nonce, options.replays);
    },

    async beforeLookup(address: string | null, trackingCode: string): Promise<void> {
      await consumeToken(lookups, key(address));
      // Not a code at all: no case to protect, the look-up refuses it, the address has paid.
      const code = canonicalTrackingCode(trackingCode);
      if (code !== null) await codeFailures.check(code);
    },

    async failedLookup(address: string | null, trackingCode: string): Promise<void> {
      await lookups.take(key(address), failedLookupCost);
      const code = canonicalTrackingCode(trackingCode);
      if (code !== null) await codeFailures.fail(code);
    },
  };
}

export type SubmissionGuard = ReturnType<typeof createSubmissionGuard>;
