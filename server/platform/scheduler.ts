import { systemClock, type Clock } from './clock.ts';

/**
 * The server's own scheduler: jobs that must happen at a time, not when
 * someone presses a button — pages that open and close on time, reminders
 * before a case is late, retention, nightly backups. Each job says when it
 * is next due from the time of its last run; `tick()` runs what is due. The
 * timer only calls `tick()`, so tests drive a fake clock and call it
 * themselves. With several server instances, `claim` lets only one of them
 * run a given occurrence (an advisory lock on PostgreSQL; always granted
 * for a single process).
 */
export interface ScheduledJob {
  /** Stable name, also the key of the claim: `publish-on-time`, `case-digest`… */
  name: string;
  /** When the job is next due after a run that started at `lastRun` (ms; null before the first run). */
  nextDue(lastRun: number | null, now: number): number;
  run(now: number): Promise<void>;
}

export interface JobClaim {
  /** Whether this process may run `job`'s occurrence due at `due`; false when another instance has it. */
  claim(job: string, due: number): Promise<boolean>;
}

const SINGLE_PROCESS: JobClaim = { claim: async () => true };

export interface SchedulerOptions {
  clock?: Clock;
  claim?: JobClaim;
  /** How a failed run is reported; the job is tried again at its next due time. */
  onError?: (job: string, error: unknown) => void;
}

export interface Scheduler {
  add(job: ScheduledJob): void;
  /** Runs every job that is due now, one after the other; resolves when they are done. */
  tick(): Promise<void>;
  /** Calls `tick()` every `everyMs` until `stop()`; the timer never keeps the process alive. */
  start(everyMs?: number): void;
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const clock = options.clock ?? systemClock;
  const claim = options.claim ?? SINGLE_PROCESS;
  const jobs = new Map<string, { job: ScheduledJob; lastRun: number | null; due: number | null }>();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  async function runDue(): Promise<void> {
    const now = clock();
    for (const slot of jobs.values()) {
      slot.due ??= slot.job.nextDue(slot.lastRun, now);
      if (slot.due > now) continue;
      const due = slot.due;
      slot.lastRun = now;
      slot.due = slot.job.nextDue(now, now);
      try {
        if (await claim.claim(slot.job.name, due)) await slot.job.run(now);
      } catch (error) {
        (options.onError ?? ((job, e) => console.error(`congso: việc định kỳ "${job}" lỗi`, e)))(slot.job.name, error);
      }
    }
  }

  return {
    add(job) {
      if (jobs.has(job.name)) throw new Error(`scheduled job "${job.name}" added twice`);
      jobs.set(job.name, { job, lastRun: null, due: null });
    },
    tick() {
      // Ticks never overlap: a slow job delays the next tick instead of running twice.
      running = running.then(runDue, runDue);
      return running;
    },
    start(everyMs = 15_000) {
      if (timer) return;
      timer = setInterval(() => void this.tick(), everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

/** Due every `ms`, the first time at once. */
export function every(ms: number): ScheduledJob['nextDue'] {
  return (lastRun, now) => (lastRun === null ? now : lastRun + ms);
}
