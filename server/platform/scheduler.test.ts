import { describe, expect, it } from 'vitest';
import { createScheduler, every } from './scheduler.ts';

function fakeClock(start = Date.UTC(2026, 11, 4, 1, 0, 0)) {
  let now = start;
  const clock = () => now;
  clock.advance = (ms: number) => void (now += ms);
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
    const claim = { claim: async (job: string, due: number) => !claimed.has(`${job}@${due}`) && (claimed.add(`${job}@${due}`), true) };
    const runs: string[] = [];
    const a = createScheduler({ clock, claim });
    const b = createScheduler({ clock, claim });
    a.add({ name: 'sao-luu', nextDue: every(86_400_000), run: async () => void runs.push('a') });
    b.add({ name: 'sao-luu', nextDue: every(86_400_000), run: async () => void runs.push('b') });
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toHaveLength(1);
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
