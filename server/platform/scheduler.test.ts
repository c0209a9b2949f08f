import { describe, expect, it } from 'vitest';
import { createScheduler, dailyAt, every } from './scheduler.ts';
import { storageJobClaim } from './job-claims.ts';
import { openSqliteStorage } from './storage/sqlite/sqlite-storage.ts';

function fakeClock(start = Date.UTC(2026, 11, 4, 1, 0, 0)) {
  let now = start;
  const clock = () => now;
  clock.advance = (ms: number) => void (now += ms);
  clock.start = start;
  return clock;
}

describe('the server scheduler', () => {
  it('runs a job when it is due, and again after its interval, driven by the clock alone', async () => {
    const clock = fakeClock();
    const runs: number[] = [];
    const scheduler = createScheduler({ clock });
    scheduler.add({ name: 'thu', nextDue: every(60_000), run: async (now) => void runs.push(now) });
    await scheduler.tick();
    clock.advance(30_000);
    await scheduler.tick();
    clock.advance(30_000);
    await scheduler.tick();
    expect(runs.map((r) => r - runs[0]!)).toEqual([0, 60_000]);
  });

  it('lets only the instance that claims an occurrence run it', async () => {
    const clock = fakeClock();
    const claimed = new Set<string>();
    const claim = {
      claim: async (job: string, due: number) => {
        if (claimed.has(`${job}@${due}`)) return false;
        claimed.add(`${job}@${due}`);
        return true;
      },
    };
    const runs: string[] = [];
    const a = createScheduler({ clock, claim });
    const b = createScheduler({ clock, claim });
    a.add({ name: 'sao-luu', nextDue: every(86_400_000), run: async () => void runs.push('a') });
    b.add({ name: 'sao-luu', nextDue: every(86_400_000), run: async () => void runs.push('b') });
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toHaveLength(1);
  });

  it('runs each occurrence once across instances started at different times, through the shared storage', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    const clock = fakeClock();
    const runs: string[] = [];
    const instances = ['a', 'b'].map((name) => {
      const scheduler = createScheduler({ clock, claim: storageJobClaim(storage.jobClaims, name, clock) });
      scheduler.add({
        name: 'don-dep',
        nextDue: every(60_000),
        run: async (now) => void runs.push(`${name}@${now - clock.start}`),
      });
      return scheduler;
    });
    await instances[0]!.tick();
    clock.advance(25_000);
    await instances[1]!.tick();
    for (let minute = 0; minute < 3; minute += 1) {
      clock.advance(60_000);
      await Promise.all(instances.map((s) => s.tick()));
    }
    // Each started once on its own; after that, one run per minute in all.
    const later = runs.slice(2).map((r) => Number(r.split('@')[1]));
    expect(runs.slice(0, 2)).toEqual(['a@0', 'b@25000']);
    expect(later).toEqual([85_000, 145_000, 205_000]);
    await storage.close();
  });

  it('places a daily job at its hour in Vietnam, never at start-up', () => {
    const due = dailyAt(2);
    const evening = Date.UTC(2026, 11, 4, 14, 0, 0); // 21:00 in Huế
    expect(new Date(due(null, evening)).toISOString()).toBe('2026-12-04T19:00:00.000Z');
    const justAfter = Date.UTC(2026, 11, 4, 19, 0, 5);
    expect(new Date(due(justAfter, justAfter)).toISOString()).toBe('2026-12-05T19:00:00.000Z');
  });

  it('reports a failed run and tries again at the next due time', async () => {
    const clock = fakeClock();
    const errors: string[] = [];
    const scheduler = createScheduler({ clock, onError: (job) => errors.push(job) });
    scheduler.add({
      name: 'hong',
      nextDue: every(1000),
      run: async () => {
        throw new Error('hỏng');
      },
    });
    await scheduler.tick();
    clock.advance(1000);
    await scheduler.tick();
    expect(errors).toEqual(['hong', 'hong']);
  });
});
