import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContentRepository } from './content-repository/ensure-content-repository.ts';
import type { MainChange } from './content-repository/entry-store.ts';
import type { ContentRepository } from './content-repository/repository.ts';
import { commitMainChange } from './content-repository/entry-store.ts';
import type { PublicationGate } from './publication-gate.ts';
import { createTimedPublication } from './timed-publication.ts';

/**
 * Which moments the job acts on (docs/adr/0049), against a content
 * repository and a gate that commits without building: each moment once,
 * those since the site's last build whatever their age, nothing before it.
 */
const SEED = path.resolve(import.meta.dirname, '../../tests/fixtures/build-content');
const HOUR = 3_600_000;
const NOON = Date.parse('2026-12-07T05:00:00Z');
const entry = (slug: string, at: number) =>
  [
    `content/sotuphap/tin-tuc/${slug}.mdx`,
    `---\ntitle: Thông báo ${slug}\nsummary: Thông báo có thời hạn hiển thị.\ndate: 2026-12-01\nexpireAt: ${new Date(at).toISOString()}\ncategory: thong-bao\nsource: { kind: original }\n---\n\nNội dung.\n`,
  ] as const;

let work: string;
let repo: ContentRepository;
const applied: MainChange[] = [];
const gate = {
  async apply(change: MainChange) {
    applied.push(change);
    return { commit: await commitMainChange(repo, change), live: Promise.resolve(null) };
  },
} as PublicationGate;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-hen-gio-'));
  const seed = path.join(work, 'seed');
  await cp(SEED, seed, { recursive: true });
  for (const [file, text] of [
    entry('het-han-truoc-khi-dung', NOON - 3 * HOUR),
    entry('het-han-luc-may-dung', NOON - 2 * HOUR),
    entry('het-han-sau', NOON + HOUR),
  ]) {
    await writeFile(path.join(seed, file), text);
  }
  ({ repo } = await ensureContentRepository({ dir: path.join(work, 'content'), seedFrom: seed }));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the publish-on-time job', () => {
  it('acts on what fell since the site was last built, however long ago, and not on what the build already showed', async () => {
    // The server stopped at 09:30 (Vietnam) after the site was built at 09:30; it starts again at noon.
    const timed = createTimedPublication({
      repo,
      gate,
      builtAt: async (site) => (site === 'sotuphap' ? NOON - 2.5 * HOUR : null),
    });
    const done = await timed.run(NOON);
    expect(done.map((c) => [c.key.slug, c.change])).toEqual([['het-han-luc-may-dung', 'go-xuong']]);
    expect(applied.map((c) => c.by.name)).toEqual(['Hệ thống']);
  });

  it('never records one moment twice, from this process or another', async () => {
    const again = createTimedPublication({ repo, gate, builtAt: async () => NOON - 2.5 * HOUR });
    expect(await again.run(NOON + 60_000)).toEqual([]);
    expect(applied).toHaveLength(1);
  });

  it('without a build time, looks back 15 minutes, then from its previous run', async () => {
    const timed = createTimedPublication({ repo, gate });
    expect(await timed.run(NOON + HOUR - 16 * 60_000)).toEqual([]);
    expect((await timed.run(NOON + HOUR)).map((c) => c.key.slug)).toEqual(['het-han-sau']);
    expect(await timed.run(NOON + HOUR + 30_000)).toEqual([]);
  });
});
