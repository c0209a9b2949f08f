import type { JobClaim } from './scheduler.ts';
import type { JobClaimRepository } from './storage/repository.ts';
import type { Clock } from './clock.ts';

/** Claims older than this are forgotten: an occurrence a week old is never due again. */
const KEEP_MS = 7 * 86_400_000;

/**
 * The scheduler's claim in the shared storage (docs/adr/0102): the first
 * instance to record an occurrence runs it, the others skip it. Occurrences
 * are the same in every instance (`every` and `dailyAt` are aligned to the
 * clock), so "first" is well defined.
 */
export function storageJobClaim(claims: JobClaimRepository, instance: string, clock: Clock): JobClaim {
  let lastSweep = 0;
  return {
    async claim(job, due) {
      const now = clock();
      if (now - lastSweep > 3_600_000) {
        lastSweep = now;
        await claims.deleteBefore(now - KEEP_MS);
      }
      return claims.claim(job, due, instance, now);
    },
  };
}
