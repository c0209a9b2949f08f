import type { ServiceId } from '#src/schema/service-process.ts';
import { ProofOfWorkRequiredError, RateLimitedError } from './errors.ts';
import type { Clock } from '#server/platform/clock.ts';
import type { ProofOfWork } from './proof-of-work.ts';
import { canonicalTrackingCode } from './tracking-code.ts';
import { addressKey, CHALLENGE_LIMIT, LOOKUP_LIMIT, MemoryRateLimiter, SUBMISSION_LIMIT, takeToken, type Bucket, type RateLimitPolicy } from './rate-limit.ts';
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
}

export interface ProofOfWorkAnswer {
  challenge: string;
  nonce: string;
}

/** Ten wrong secrets per code, then one a minute: 80-bit secrets stay out of reach. */
const CODE_FAILURES: RateLimitPolicy = { capacity: 10, refillPerMinute: 1 };

export function createSubmissionGuard(options: GuardOptions) {
  const submissions = new MemoryRateLimiter({ policy: options.submission ?? SUBMISSION_LIMIT, clock: options.clock });
  const lookups = new MemoryRateLimiter({ policy: options.lookup ?? LOOKUP_LIMIT, clock: options.clock });
  const challenges = new MemoryRateLimiter({ policy: options.challenge ?? CHALLENGE_LIMIT, clock: options.clock });
  // Per code, only failures draw tokens; a lookup is refused while the bucket could not pay for one more failure.
  const codeFailures = new Map<string, Bucket>();
  const noScriptCost = options.noScriptCost ?? 2.5;
  const failedLookupCost = options.failedLookupCost ?? 4;
  const scope = (departmentId: string, service: ServiceId) => `${departmentId}:${service}`;
  const key = (address: string | null) => addressKey(address ?? 'unknown');

  return {
    challenge(departmentId: string, service: ServiceId, address: string | null) {
      challenges.consume(key(address));
      return options.pow.issue(scope(departmentId, service));
    },

    /** Before anything is parsed from the files or stored. */
    async admit(departmentId: string, service: ServiceId, address: string | null, answer: ProofOfWorkAnswer | null): Promise<void> {
      if (!answer) {
        if (options.requireProofOfWork) throw new ProofOfWorkRequiredError({});
        submissions.consume(key(address), noScriptCost);
        return;
      }
      submissions.consume(key(address));
      await options.pow.verify(scope(departmentId, service), answer.challenge, answer.nonce, options.replays);
    },

    beforeLookup(address: string | null, trackingCode: string): void {
      lookups.consume(key(address));
      // Not a code at all: no case to protect, the look-up refuses it, the address has paid.
      const code = canonicalTrackingCode(trackingCode);
      if (code === null) return;
      const { decision } = takeToken(codeFailures.get(code) ?? null, options.clock(), CODE_FAILURES);
      if (!decision.allowed) throw new RateLimitedError({ retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) });
    },

    failedLookup(address: string | null, trackingCode: string): void {
      lookups.take(key(address), failedLookupCost);
      const code = canonicalTrackingCode(trackingCode);
      if (code === null) return;
      const { next } = takeToken(codeFailures.get(code) ?? null, options.clock(), CODE_FAILURES);
      // Re-inserted last: the case being guessed at is the last one a flood of made-up codes could push out.
      codeFailures.delete(code);
      codeFailures.set(code, next);
      // Bounded: a flood of made-up codes must not grow memory without end.
      if (codeFailures.size > 100_000) codeFailures.delete(codeFailures.keys().next().value!);
    },
  };
}

export type SubmissionGuard = ReturnType<typeof createSubmissionGuard>;
