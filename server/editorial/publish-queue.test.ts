import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { createPublishQueue, type Publication, type PublishOutcome } from './publish-queue.ts';

const pub = (site: string, slug: string, publishedAt = 0): Publication => ({
  site,
  section: 'tin-tuc',
  slug,
  commit: 'c'.repeat(40),
  by: { username: 'annv', name: 'Nguyễn Văn An' },
  publishedAt,
});

/** A build the test finishes by hand, to hold the queue in a known state without timers. */
function manualBuilds() {
  const calls: Array<{ site: string; finish: (error?: Error) => void }> = [];
  const build = (site: string) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ site, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { calls, build };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('the publish queue', () => {
  it('rebuilds only the site of the publication and records publish-to-live time', async () => {
    let now = 1_000;
    const builds: string[] = [];
    const queue = createPublishQueue({ build: async (site) => void builds.push(site), clock: () => (now += 2_500) });
    const outcome = await queue.enqueue(pub('sotuphap', 'a', 1_000));
    expect(builds).toEqual(['sotuphap']);
    expect(outcome).toMatchObject({ ok: true, publishToLiveMs: 2_500, liveAt: 3_500, coalesced: 1 });
    expect(queue.recent('sotuphap')).toEqual([outcome]);
  });

  it('coalesces publications arriving during a build into one next build', async () => {
    const { calls, build } = manualBuilds();
    const queue = createPublishQueue({ build });
    const first = queue.enqueue(pub('sotuphap', 'a'));
    await tick();
    const later = ['b', 'c', 'd'].map((s) => queue.enqueue(pub('sotuphap', s)));
    await tick();
    expect(calls).toHaveLength(1);
    expect(queue.isBuilding('sotuphap')).toBe(true);
    calls[0].finish();
    await first;
    await tick();
    expect(calls).toHaveLength(2);
    calls[1].finish();
    const outcomes = await Promise.all(later);
    expect(outcomes.map((o) => o.coalesced)).toEqual([3, 3, 3]);
    await queue.idle();
    expect(queue.isBuilding('sotuphap')).toBe(false);
  });

  it('never runs two builds of one site at once, but builds different sites side by side', async () => {
    const { calls, build } = manualBuilds();
    const queue = createPublishQueue({ build });
    void queue.enqueue(pub('sotuphap', 'a'));
    void queue.enqueue(pub('sogddt', 'b'));
    void queue.enqueue(pub('sotuphap', 'c'));
    await tick();
    expect(calls.map((c) => c.site)).toEqual(['sotuphap', 'sogddt']);
    for (const c of calls) c.finish();
    await tick();
    await tick();
    expect(calls.map((c) => c.site)).toEqual(['sotuphap', 'sogddt', 'sotuphap']);
    calls[2].finish();
    await queue.idle();
  });

  it('a failed build is reported with its code, once, and the next publication builds again', async () => {
    const failures: PublishOutcome[][] = [];
    let fail = true;
    const queue = createPublishQueue({
      build: async () => {
        if (fail) throw Object.assign(new Error('astro exploded'), { code: 'BUILD_FAILED' });
      },
      onFailure: (o) => failures.push(o),
    });
    const bad = await queue.enqueue(pub('sotuphap', 'a'));
    expect(bad).toMatchObject({ ok: false, liveAt: null, error: { code: 'BUILD_FAILED' } });
    expect(failures).toHaveLength(1);
    fail = false;
    expect((await queue.enqueue(pub('sotuphap', 'b'))).ok).toBe(true);
  });

  it('never builds one site in two processes at once when they share its lock, and serves every publication', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    let building = 0;
    let overlapped = false;
    const build = async () => {
      building += 1;
      overlapped ||= building > 1;
      await new Promise((r) => setTimeout(r, 20));
      building -= 1;
    };
    const outcomes: PublishOutcome[] = [];
    const siteLock = <T>(site: string, task: () => Promise<T>) => storage.locks.withLock(`build:${site}`, task);
    const [a, b] = [1, 2].map(() => createPublishQueue({ build, siteLock, onOutcome: (o) => void outcomes.push(o) }));
    const first = [a!.enqueue(pub('sotuphap', 'a')), b!.enqueue(pub('sotuphap', 'b'))];
    await tick();
    expect({ ...a!.waiting(), ...b!.waiting() }).toEqual({});
    const more = [a!.enqueue(pub('sotuphap', 'c')), b!.enqueue(pub('sotuphap', 'd'))];
    expect([a!.waiting(), b!.waiting()]).toEqual([{ sotuphap: 1 }, { sotuphap: 1 }]);
    const done = await Promise.all([...first, ...more]);
    expect(overlapped).toBe(false);
    expect(done.every((o) => o.ok)).toBe(true);
    expect(outcomes.map((o) => o.publication.slug).sort()).toEqual(['a', 'b', 'c', 'd']);
    await storage.close();
  });
});
