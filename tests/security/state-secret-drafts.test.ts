import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsEntry } from '../editorial/support.ts';
import { openEditorialApp, type BoardMember, type EditorialApp } from './editorial-support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding 5: a draft marked as a state secret (Điều 4.2đ) was readable by
 * every board member through unpublishedEntry / unpublishedEntryDataFile,
 * with no section or secrecy check. Now only its authors and whoever can
 * verify or publish in its section read it (ADR 0043).
 */
describe.each(STORAGE_KINDS)('state-secret drafts ($name)', (kind) => {
  let t: EditorialApp;
  beforeAll(async () => {
    t = await openEditorialApp(kind);
    expect(
      (await t.saveNews(t.as.contributor, 'tai-lieu-mat', newsEntry({ title: 'Kế hoạch mật', secret: true }))).status,
    ).toBe(200);
    expect((await t.saveNews(t.as.contributor, 'tin-thuong', newsEntry({ title: 'Tin thường' }))).status).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  const readers: BoardMember[] = ['contributor', 'deputy', 'head'];
  const refused: BoardMember[] = ['otherContributor', 'editor', 'itOfficer'];

  it.each(readers)('%s reads the secret draft', async (who) => {
    const entry = await t.api(t.as[who], 'unpublishedEntry', { id: 'tin-tuc/tai-lieu-mat' });
    expect(entry.status).toBe(200);
    const data = await t.api(t.as[who], 'unpublishedEntryDataFile', {
      collection: 'tin-tuc',
      slug: 'tai-lieu-mat',
      id: '',
      path: 'content/sotuphap/tin-tuc/tai-lieu-mat.mdx',
    });
    expect(data.body.data).toContain('Kế hoạch mật');
  });

  it.each(refused)('%s can neither list, open nor read the secret draft', async (who) => {
    const list = await t.api(t.as[who], 'unpublishedEntries');
    expect(list.body).not.toContain('tin-tuc/tai-lieu-mat');
    const entry = await t.api(t.as[who], 'unpublishedEntry', { id: 'tin-tuc/tai-lieu-mat' });
    expect(entry.body.code).toBe('E_WORKFLOW_SECRET_DRAFT');
    const data = await t.api(t.as[who], 'unpublishedEntryDataFile', {
      collection: 'tin-tuc',
      slug: 'tai-lieu-mat',
      id: '',
      path: 'content/sotuphap/tin-tuc/tai-lieu-mat.mdx',
    });
    expect(data.body.code).toBe('E_WORKFLOW_SECRET_DRAFT');
    expect(JSON.stringify(data.body)).not.toContain('Kế hoạch mật');
    const page = await (await t.as[who].request('/quan-tri/bai-viet/tin-tuc/tai-lieu-mat')).text();
    expect(page).not.toContain('Kế hoạch mật');
  });

  it('a draft outside the sections assigned to a member is not theirs to read either', async () => {
    const entry = await t.api(t.as.otherEditor, 'unpublishedEntry', { id: 'tin-tuc/tin-thuong' });
    expect(entry.body.code).toBe('E_WORKFLOW_SECTION_NOT_ASSIGNED');
    expect((await t.api(t.as.editor, 'unpublishedEntry', { id: 'tin-tuc/tin-thuong' })).status).toBe(200);
  });
});
