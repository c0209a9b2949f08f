import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { newsEntry } from '../editorial/support.ts';
import { openEditorialApp, type EditorialApp } from './editorial-support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding 7: contributors changed other people's drafts — edited an
 * editor's draft, submitted and withdrew it, started a draft from another
 * person's published entry. A draft is its authors' work (Điều 11.4,
 * ADR 0043): others read it and change it only as a new entry of their own.
 */
describe.each(STORAGE_KINDS)("nobody changes another person's work ($name)", (kind) => {
  let t: EditorialApp;
  beforeAll(async () => {
    t = await openEditorialApp(kind);
  }, 120_000);
  afterAll(() => t?.close());

  it("a contributor cannot edit, submit or withdraw an editor's draft, nor discard it", async () => {
    expect(
      (await t.saveNews(t.as.editor, 'ban-nhap-bien-tap', newsEntry({ title: 'Bản của biên tập viên' }))).status,
    ).toBe(200);
    const edit = await t.saveNews(t.as.contributor, 'ban-nhap-bien-tap', newsEntry({ title: 'Bị sửa' }));
    expect(edit.body.code).toBe('E_WORKFLOW_NOT_YOUR_DRAFT');
    expect((await t.move(t.as.contributor, 'ban-nhap-bien-tap', 'pending_review')).body.code).toBe(
      'E_WORKFLOW_NOT_YOUR_DRAFT',
    );
    expect(
      (await t.api(t.as.contributor, 'deleteUnpublishedEntry', { collection: 'tin-tuc', slug: 'ban-nhap-bien-tap' }))
        .body.code,
    ).toBe('E_WORKFLOW_RIGHT_NOT_GRANTED');
    expect((await t.move(t.as.editor, 'ban-nhap-bien-tap', 'pending_review')).status).toBe(200);
    expect((await t.move(t.as.contributor, 'ban-nhap-bien-tap', 'draft')).body.code).toBe('E_WORKFLOW_NOT_YOUR_DRAFT');
    const entry = await t.api(t.as.editor, 'unpublishedEntryDataFile', {
      collection: 'tin-tuc',
      slug: 'ban-nhap-bien-tap',
      id: '',
      path: 'content/sotuphap/tin-tuc/ban-nhap-bien-tap.mdx',
    });
    expect(entry.body.data).toContain('Bản của biên tập viên');
    expect((await t.api(t.as.editor, 'unpublishedEntry', { id: 'tin-tuc/ban-nhap-bien-tap' })).body.status).toBe(
      'pending_review',
    );
  });

  it("a contributor cannot take over another person's published entry with a draft of their own", async () => {
    expect((await t.saveNews(t.as.otherContributor, 'tin-cua-binh', newsEntry({ title: 'Tin của Bình' }))).status).toBe(
      200,
    );
    await t.move(t.as.otherContributor, 'tin-cua-binh', 'pending_review');
    await t.move(t.as.deputy, 'tin-cua-binh', 'pending_publish');
    expect((await t.publish(t.as.head, 'tin-cua-binh')).status).toBe(200);
    const takeover = await t.saveNews(t.as.contributor, 'tin-cua-binh', newsEntry({ title: 'Tin đã bị chiếm' }));
    expect(takeover.body.code).toBe('E_WORKFLOW_NOT_YOUR_DRAFT');
    // Its author may reopen it, and so may those who check content.
    expect(
      (await t.saveNews(t.as.otherContributor, 'tin-cua-binh', newsEntry({ title: 'Tin của Bình, sửa' }))).status,
    ).toBe(200);
    expect(
      new TextDecoder().decode((await t.repo.readFile(MAIN, 'content/sotuphap/tin-tuc/tin-cua-binh.mdx'))!.bytes),
    ).toContain('Tin của Bình');
  });
});
