import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { Browser, type TestApp } from '../accounts/support.ts';
import { newsEntry } from '../editorial/support.ts';
import { openLiveSite, type LiveSite } from './editorial-support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding 4: content reached main without the build's full check (a verified
 * entry linking to `/\evil.example`), after which every publication of the
 * department failed. Now the publication gate checks a change exactly as the
 * build does, and the publication build leaves an entry that is broken
 * anyway out, naming it, instead of stopping the site (ADR 0045).
 */
describe.each(STORAGE_KINDS)('one entry cannot stop a department publishing ($name)', (kind) => {
  let site: LiveSite;
  beforeAll(async () => {
    site = await openLiveSite(kind);
  }, 300_000);
  afterAll(() => site?.close());

  it('an entry the build would refuse is refused at publication; the live site and main stay as they were', async () => {
    const before = await site.live.repo.resolve(MAIN);
    const raw = newsEntry({ title: 'Liên kết lạ', body: 'Xem [tại đây](/\\evil.example).' });
    expect((await site.saveNews(site.contributor, 'lien-ket-la', raw)).status).toBe(200);
    await site.move(site.contributor, 'lien-ket-la', 'pending_review');
    await site.move(site.deputy, 'lien-ket-la', 'pending_publish');
    const r = await site.publish(site.head, 'lien-ket-la');
    expect(r.body.code).toBe('E_PUBLICATION_REJECTED');
    expect(r.body.error).toContain('lien-ket-la.mdx');
    expect(await site.live.repo.resolve(MAIN)).toBe(before);
    expect((await site.visit('/tin-tuc/lien-ket-la/')).status).toBe(404);
    // And the next publication of the department goes live as usual.
    await site.publishNews('tin-binh-thuong');
    expect((await site.visit('/tin-tuc/tin-binh-thuong/')).status).toBe(200);
  });

  it('if main holds a broken entry anyway, another publication still goes live and the broken one is named to the head and the IT officer', async () => {
    // As content that reached main before the gate existed would be.
    await site.live.repo.commit({
      branch: MAIN,
      files: [
        {
          path: 'content/sotuphap/tin-tuc/bai-hong.mdx',
          content: '---\ntitle: Bài hỏng\n---\nexport default function X() {}\n',
        },
      ],
      message: 'Nội dung cũ\n',
      author: { username: 'congso', name: 'Hệ thống' },
    });
    await site.live.repo.syncWorkingTree(['content/sotuphap/tin-tuc/bai-hong.mdx']);
    await site.publishNews('tin-van-len-trang');
    expect((await site.visit('/tin-tuc/tin-van-len-trang/')).status).toBe(200);
    expect((await site.visit('/tin-tuc/bai-hong/')).status).toBe(404);

    const dashboard = await (await site.head.request('/quan-tri/tuan-thu/')).text();
    expect(dashboard).toContain('content/sotuphap/tin-tuc/bai-hong.mdx');
    const itOfficer = await site.live.services.accounts.create(
      systemPrincipal('test'),
      { fullName: 'Phạm Đức Thắng', role: 'it-officer', departmentId: 'sotuphap' },
      NO_REQUEST,
    );
    const officer = new Browser({ app: site.live.app } as unknown as TestApp, 'sotuphap.localhost');
    await officer.signInFully(itOfficer.account.username, itOfficer.oneTimePassword);
    const operations = await (await officer.request('/quan-tri/van-hanh/')).text();
    expect(operations).toContain('content/sotuphap/tin-tuc/bai-hong.mdx');
  });
});
