import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { openLiveSite, type LiveSite } from './editorial-support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding 3: deleting (and uploading) committed to main without a rebuild,
 * so a deleted page or file stayed on the site. Every change of main now
 * goes through the publication gate and puts the site live (ADR 0045).
 */
const PDF = await readFile(path.resolve(import.meta.dirname, '../fixtures/files/sample.pdf'));

describe.each(STORAGE_KINDS)('what is deleted is taken off the site ($name)', (kind) => {
  let site: LiveSite;
  beforeAll(async () => {
    site = await openLiveSite(kind);
  }, 300_000);
  afterAll(() => site?.close());

  it('a published entry the head deletes is no longer served', async () => {
    await site.publishNews('tin-se-xoa');
    expect((await site.visit('/tin-tuc/tin-se-xoa/')).status).toBe(200);
    const r = await site.api(site.head, 'deleteFiles', {
      paths: ['content/sotuphap/tin-tuc/tin-se-xoa.mdx'],
      options: { commitMessage: 'Xoá tin' },
    });
    expect(r.status).toBe(200);
    expect((await site.visit('/tin-tuc/tin-se-xoa/')).status).toBe(404);
  });

  it('a file the head uploads goes live, and is gone once deleted', async () => {
    const file = 'content/sotuphap/tep/mau/thong-bao-lich-tiep-dan.pdf';
    const up = await site.api(site.head, 'persistMedia', {
      asset: { path: file, content: PDF.toString('base64'), encoding: 'base64' },
      options: { commitMessage: 'Tải lên lịch tiếp dân' },
    });
    expect(up.status).toBe(200);
    expect((await site.visit('/tep/mau/thong-bao-lich-tiep-dan.pdf')).status).toBe(200);
    const r = await site.api(site.head, 'deleteFile', { path: file, options: { commitMessage: 'Xoá lịch cũ' } });
    expect(r.status).toBe(200);
    expect((await site.visit('/tep/mau/thong-bao-lich-tiep-dan.pdf')).status).toBe(404);
  });

  it('a file a live entry links to cannot be deleted from under it', async () => {
    const r = await site.api(site.head, 'deleteFile', {
      path: 'content/sotuphap/tep/mau/du-thao-mau.pdf',
      options: { commitMessage: 'Xoá' },
    });
    expect(r.body.code).toBe('E_PUBLICATION_REJECTED');
    expect(await site.live.repo.readFile(MAIN, 'content/sotuphap/tep/mau/du-thao-mau.pdf')).not.toBeNull();
    expect((await site.visit('/tep/mau/du-thao-mau.pdf')).status).toBe(200);
  });

  it('the head takes a wrong entry down from its history page; it comes back as a draft to correct', async () => {
    await site.publishNews('tin-sai');
    const r = await site.head.request('/quan-tri/bai-viet/tin-tuc/tin-sai/go-bai', { form: {} });
    expect(r.status).toBe(303);
    expect((await site.visit('/tin-tuc/tin-sai/')).status).toBe(404);
    const draft = await site.api(site.head, 'unpublishedEntry', { id: 'tin-tuc/tin-sai' });
    expect(draft.body.status).toBe('draft');
    // A contributor cannot take anything down.
    await site.publishNews('tin-dung');
    const refused = await site.contributor.request('/quan-tri/bai-viet/tin-tuc/tin-dung/go-bai', { form: {} });
    expect(refused.status).toBe(403);
    expect((await site.visit('/tin-tuc/tin-dung/')).status).toBe(200);
  });
});
