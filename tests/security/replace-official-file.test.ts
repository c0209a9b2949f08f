import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimalPdf } from '#src/build/sample-pdf.ts';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { createPublicationGate } from '#server/editorial/publication-gate.ts';
import { BOARD, harness, newsEntry, SITE, type Harness } from '../editorial/support.ts';

/**
 * Finding 7 (files): a contributor replaced an official PDF on `main`
 * (`tep/2023/qd-14-2023-qd-ubnd.pdf`, the file of a published legal
 * document) through an attachment of their own entry, and it went live
 * with that entry. A file on `main` belongs to the entry that uses it (or
 * whose folder holds it): only that entry's own draft may replace it, and the
 * new file is live only once that entry is verified and published (Điều 19,
 * docs/adr/0021-files-are-data.md).
 */

const DOCUMENT_SLUG = 'qd-14-2023-quy-che-phoi-hop-hoa-giai-co-so';
const DOCUMENT = `content/${SITE}/van-ban/${DOCUMENT_SLUG}.mdx`;
const OFFICIAL = `content/${SITE}/tep/2023/qd-14-2023-qd-ubnd.pdf`;
const ORIGINAL = minimalPdf(['Quyet dinh so 14/2023/QD-UBND', 'Ban chinh thuc']);
const FORGED = minimalPdf(['Quyet dinh so 14/2023/QD-UBND', 'Ban da bi thay']);
const CORRECTED = minimalPdf(['Quyet dinh so 14/2023/QD-UBND', 'Ban dinh chinh']);

const legalDocument = [
  '---',
  'title: Quy chế phối hợp hòa giải ở cơ sở',
  'number: 14/2023/QĐ-UBND',
  'documentType: quyet-dinh',
  'issuer: Ủy ban nhân dân tỉnh Thừa Thiên Huế',
  'signer: Nguyễn Văn Phương',
  'issued: 2023-05-10',
  'status: con-hieu-luc',
  'field: Phổ biến, giáo dục pháp luật',
  'summary: Ban hành Quy chế phối hợp trong công tác hòa giải ở cơ sở trên địa bàn tỉnh.',
  'date: 2023-05-12',
  'attachment:',
  '  label: Toàn văn Quyết định (PDF)',
  '  file: /tep/2023/qd-14-2023-qd-ubnd.pdf',
  '---',
  '',
  'Quyết định có hiệu lực kể từ ngày ký.',
  '',
].join('\n');

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const onMain = async (h: Harness) => Buffer.from((await h.repo.readFile(MAIN, OFFICIAL))!.bytes);

describe('an official file on main is replaced only through its own entry', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
    // The sample content: a published legal document and its PDF in a year folder, from before entry folders.
    await createPublicationGate({ repo: h.repo }).apply({
      site: SITE,
      entry: null,
      files: [
        { path: DOCUMENT, content: legalDocument },
        { path: OFFICIAL, content: ORIGINAL },
      ],
      by: { username: BOARD.head.username, name: BOARD.head.name },
      summary: 'Văn bản mẫu',
      trailers: [],
    });
  });
  afterEach(() => h.close());

  it("refuses a contributor's entry carrying a file at the path of another entry's published PDF, naming that entry", async () => {
    const mainBefore = await h.repo.resolve(MAIN);
    const raw = newsEntry({ body: 'Toàn văn quyết định: [tải về](/tep/2023/qd-14-2023-qd-ubnd.pdf).' });
    const r = await h.save(BOARD.contributor, 'cap-nhat-quy-che', raw, [
      { path: OFFICIAL, content: b64(FORGED), encoding: 'base64' },
    ]);
    expect(r).toMatchObject({
      status: 403,
      body: { code: 'E_MEDIA_OWNED_BY_ANOTHER_ENTRY', data: { owner: { section: 'van-ban', slug: DOCUMENT_SLUG } } },
    });
    expect(r.body.error).toContain('Quy chế phối hợp hòa giải ở cơ sở');
    expect(await h.repo.resolve(MAIN)).toBe(mainBefore);
    expect(await h.repo.listBranches('cms/')).toEqual([]);
    expect(await onMain(h)).toEqual(ORIGINAL);
  });

  it('refuses the head replacing it straight on main from the media library, outside the three steps', async () => {
    const asset = { path: OFFICIAL, content: b64(FORGED), encoding: 'base64' };
    const r = await h.call(BOARD.head, 'persistMedia', { asset, options: { commitMessage: 'Thay tệp' } });
    expect(r).toMatchObject({
      status: 403,
      body: { code: 'E_MEDIA_OWNED_BY_ANOTHER_ENTRY', data: { owner: { slug: DOCUMENT_SLUG } } },
    });
    expect(await onMain(h)).toEqual(ORIGINAL);
  });

  it("lets the document's own draft replace it, live only after verification and publication, and nobody else's", async () => {
    const save = (raw: string, bytes: Uint8Array) =>
      h.call(BOARD.editor, 'persistEntry', {
        dataFiles: [{ slug: DOCUMENT_SLUG, path: DOCUMENT, raw }],
        assets: [{ path: OFFICIAL, content: b64(bytes), encoding: 'base64' }],
        options: {
          collectionName: 'van-ban',
          commitMessage: 'Đính chính toàn văn',
          useWorkflow: true,
          status: 'draft',
        },
      });
    const move = (actor: typeof BOARD.editor, newStatus: string) =>
      h.call(actor, 'updateUnpublishedEntryStatus', { collection: 'van-ban', slug: DOCUMENT_SLUG, newStatus });

    expect((await save(legalDocument, CORRECTED)).status).toBe(200);
    // While the correction waits, another entry still cannot put its own version there.
    const stranger = await h.save(
      BOARD.contributor,
      'ban-khac',
      newsEntry({ body: '[Tải về](/tep/2023/qd-14-2023-qd-ubnd.pdf)' }),
      [{ path: OFFICIAL, content: b64(FORGED), encoding: 'base64' }],
    );
    expect(stranger.body.code).toBe('E_MEDIA_OWNED_BY_ANOTHER_ENTRY');

    expect(await onMain(h)).toEqual(ORIGINAL);
    expect((await move(BOARD.editor, 'pending_review')).status).toBe(200);
    expect((await move(BOARD.deputy, 'pending_publish')).status).toBe(200);
    expect(await onMain(h)).toEqual(ORIGINAL);
    const published = await h.call(BOARD.head, 'publishUnpublishedEntry', {
      collection: 'van-ban',
      slug: DOCUMENT_SLUG,
    });
    expect(published.status).toBe(200);
    expect(await onMain(h)).toEqual(CORRECTED);
  });
});
