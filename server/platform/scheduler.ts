import { systemClock, type Clock } from './clock.ts';
import { log } from './observability/log.ts';

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
  /** Runs in every instance, unclaimed: work on the process's own state (reloading the departments). */
  perInstance?: boolean;
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
        if (slot.job.perInstance || (await claim.claim(slot.job.name, due))) await slot.job.run(now);
      } catch (error) {
        (options.onError ?? ((job, e) => log.error('scheduled-job-failed', { job, error: e })))(slot.job.name, error);
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

/**
 * Due every `ms`, the first time at once, then on multiples of `ms` since
 * the epoch: instances started at different times agree on each occurrence,
 * so the claim lets only one of them run it.
 */
export function every(ms: number): ScheduledJob['nextDue'] {
  return (lastRun, now) => (lastRun === null ? now : (Math.floor(lastRun / ms) + 1) * ms);
}

/** Vietnam keeps +07:00 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Due once a day at `hour`:`minute` Vietnam time (the nightly backup), never at start-up. */
export function dailyAt(hour: number, minute = 0): ScheduledJob['nextDue'] {
  const at = (hour * 60 + minute) * 60_000;
  return (lastRun, now) => {
    const from = lastRun ?? now;
    const dayStart = Math.floor((from + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
    const today = dayStart + at;
    return today > from ? today : today + DAY_MS;
  };
}
