import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { createContentLookup } from '#server/citizen-services/content-lookup.ts';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import { entryHistory } from '#server/editorial/content-repository/entry-store.ts';
import type { ContentRepository } from '#server/editorial/content-repository/repository.ts';
import { createPublicationGate } from '#server/editorial/publication-gate.ts';
import { siteBuilder } from '#server/editorial/publish-queue-build.ts';
import { createPublishQueue, type PublishQueue } from '#server/editorial/publish-queue.ts';
import { createTimedPublication } from '#server/editorial/timed-publication.ts';
import { createScheduler, every, type Scheduler } from '#server/platform/scheduler.ts';
import { errorCode } from '../accounts/support.ts';
import { Browser, createCaseTestApp, solvedPow, type CaseTestApp } from '../services/case-support.ts';
import { LIVE_SEED } from './live-app.ts';

/**
 * Pages that change on time (docs/adr/0049), on the real build and the
 * server's own scheduler, with a fake clock: a consultation whose last day
 * ends while the server runs is shown closed within a minute, without anyone
 * pressing "Công bố"; its comment form refuses with the reason; the entry's
 * history says the system did it.
 */
const SITE = 'sotuphap';
const SLUG = 'du-thao-quy-che-hoa-giai';
// Its last day is Saturday 5/12/2026: open until 24:00 in Vietnam, 17:00 UTC.
const CLOSES = Date.parse('2026-12-05T17:00:00Z');
const CONSULTATION = `---
title: Dự thảo Quy chế phối hợp hòa giải ở cơ sở
summary: Dự thảo quy chế phối hợp giữa các cơ quan trong công tác hòa giải ở cơ sở trên địa bàn tỉnh.
date: 2026-12-01
drafter: Sở Tư pháp
draft: { label: Toàn văn dự thảo, file: /tep/mau/du-thao-mau.pdf }
opens: 2026-12-01
closes: 2026-12-05
---

Sở Tư pháp lấy ý kiến góp ý của tổ chức, cá nhân đối với dự thảo.
`;
// An announcement prepared in advance: published by the board, shown from 00:05 on Sunday 6/12.
const NEWS_SLUG = 'thong-bao-lich-tiep-cong-dan';
const NEWS_AT = CLOSES + 5 * 60_000;
const NEWS = `---
title: Thông báo lịch tiếp công dân tháng 12/2026
summary: Lãnh đạo Sở tiếp công dân định kỳ vào ngày 15 hằng tháng tại trụ sở Sở Tư pháp.
date: 2026-12-04
publishAt: ${new Date(NEWS_AT).toISOString()}
category: thong-bao
source: { kind: original }
---

Lãnh đạo Sở Tư pháp tiếp công dân định kỳ vào ngày 15 hằng tháng.
`;
const COMMENT = {
  consultation: SLUG,
  fullName: 'Trần Văn Hùng',
  email: 'hung@example.com',
  comment: 'Đề nghị bổ sung trách nhiệm của Ủy ban Mặt trận Tổ quốc cấp xã trong Điều 5.',
  consent: 'on',
};

let work: string;
let repo: ContentRepository;
let distDir: string;
let t: CaseTestApp;
let queue: PublishQueue;
let scheduler: Scheduler;
let builder: { close(): Promise<void> } | undefined;
const workDir = path.join(PROJECT_ROOT, '.build', `timed-${process.pid}`);
const savedBuildAt = process.env.CONGSO_BUILD_AT;

const page = () => readFile(path.join(distDir, SITE, 'gop-y', SLUG, 'index.html'), 'utf8');
const stateOnPage = async () => /badge--([a-z-]+)/.exec(await page())?.[1];

async function comment() {
  const browser = new Browser(t, `${SITE}.localhost`, '203.0.113.7');
  return browser.request('/dich-vu/gop-y-du-thao', {
    json: { ...COMMENT, ...(await solvedPow(browser, 'gop-y-du-thao')) },
    headers: { accept: 'application/json' },
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-dung-hen-'));
  const seed = path.join(work, 'seed');
  await cp(LIVE_SEED, seed, { recursive: true });
  await writeFile(path.join(seed, 'content', SITE, 'gop-y', `${SLUG}.mdx`), CONSULTATION);
  await writeFile(path.join(seed, 'content', SITE, 'tin-tuc', `${NEWS_SLUG}.mdx`), NEWS);
  ({ repo } = await ensureContentRepository({ dir: path.join(work, 'content'), seedFrom: seed }));
  distDir = path.join(work, 'dist');

  let clock: () => number = () => 0;
  const now = () => clock();
  // The build shows the site as of the server's clock, which is the test's (CONGSO_BUILD_AT, docs/adr/0049).
  const build = siteBuilder({ contentRoot: repo.dir, outDir: distDir, workDir });
  builder = build;
  const buildAtClock: typeof build = Object.assign(
    (site: string, by?: string) => {
      process.env.CONGSO_BUILD_AT = String(now());
      return build(site, by);
    },
    {
      settle: (site: string) => build.settle(site),
      renderDraft: build.renderDraft,
      warm: build.warm,
      close: () => build.close(),
    },
  );
  queue = createPublishQueue({ build: buildAtClock, clock: now });
  const gate = createPublicationGate({ repo, queue, clock: now });
  t = await createCaseTestApp({
    cases: { content: createContentLookup(repo.dir, now) },
    app: { distDir, editorial: { repo, queue, gate } },
  });
  clock = t.clock;
  // Two minutes before the end of the last day.
  t.clock.advance(CLOSES - 2 * 60_000 - t.clock());
  const timed = createTimedPublication({ repo, gate });
  scheduler = createScheduler({ clock: t.clock, onError: (job, error) => console.error(job, error) });
  scheduler.add({ name: 'publish-on-time', nextDue: every(30_000), run: async (now) => void (await timed.run(now)) });
  await buildAtClock(SITE);
}, 180_000);

afterAll(async () => {
  if (savedBuildAt === undefined) delete process.env.CONGSO_BUILD_AT;
  else process.env.CONGSO_BUILD_AT = savedBuildAt;
  await scheduler?.stop();
  await queue?.idle();
  await builder?.close();
  await t?.storage.close();
  await rm(workDir, { recursive: true, force: true });
  if (work) await rm(work, { recursive: true, force: true });
});

describe('pages that change on time while the server runs: a consultation ends, an announcement appears', () => {
  it('is open and takes comments before the end of its last day, and nothing is rebuilt', async () => {
    expect(await stateOnPage()).toBe('dang-lay-y-kien');
    expect((await comment()).status).toBe(201);
    await scheduler.tick();
    await queue.idle();
    expect(queue.recent(SITE)).toEqual([]);
  });

  it('is shown closed within a minute of midnight, rebuilt by the system, and its form refuses with the reason', async () => {
    t.clock.advance(2 * 60_000 + 1_000);
    await scheduler.tick();
    await queue.idle();
    const [outcome] = queue.recent(SITE);
    expect(outcome).toMatchObject({
      ok: true,
      publication: { site: SITE, section: 'gop-y', slug: SLUG, by: { username: 'he-thong', name: 'Hệ thống' } },
    });
    expect(outcome!.publication.publishedAt - CLOSES).toBeLessThanOrEqual(60_000);
    expect(await stateOnPage()).toBe('da-ket-thuc');

    const refused = await comment();
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('E_CONSULTATION_CLOSED');
  }, 120_000);

  it('says in the entry’s history that the system did it, once, however often the job runs', async () => {
    t.clock.advance(30_000);
    await scheduler.tick();
    t.clock.advance(30_000);
    await scheduler.tick();
    await queue.idle();
    const steps = await entryHistory(repo, { site: SITE, section: 'gop-y', slug: SLUG });
    const system = steps.filter((s) => s.event === 'change-on-time');
    expect(system).toHaveLength(1);
    expect(system[0]).toMatchObject({ state: 'published', by: { username: 'he-thong', name: 'Hệ thống' } });
    expect(queue.recent(SITE)).toHaveLength(1);

    // The board reads it on the entry's history page.
    const head = await t.addAccount('Nguyễn Văn An', 'head');
    const browser = new Browser(t, `${SITE}.localhost`, '192.0.2.1');
    await browser.signInFully(head.username, head.password, 'sông Hương chiều thu');
    const history = await browser.request(`/quan-tri/bai-viet/gop-y/${SLUG}`);
    expect(history.status).toBe(200);
    const text = (await history.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Hệ thống');
    expect(text).toContain('cập nhật trang đúng thời điểm đã định');
  });

  it('shows an announcement published in advance at its publish-at moment, not before (docs/adr/0049)', async () => {
    const news = () => readFile(path.join(distDir, SITE, 'tin-tuc', NEWS_SLUG, 'index.html'), 'utf8');
    const listed = async () =>
      (await readFile(path.join(distDir, SITE, 'tin-tuc', 'index.html'), 'utf8')).includes(`/tin-tuc/${NEWS_SLUG}/`);
    await expect(news()).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await listed()).toBe(false);
    t.clock.advance(NEWS_AT + 20_000 - t.clock());
    await scheduler.tick();
    await queue.idle();
    expect(queue.recent(SITE)[0]).toMatchObject({
      ok: true,
      publication: { section: 'tin-tuc', slug: NEWS_SLUG, by: { name: 'Hệ thống' } },
    });
    expect(await news()).toContain('Thông báo lịch tiếp công dân tháng 12/2026');
    expect(await listed()).toBe(true);
  }, 120_000);
});
