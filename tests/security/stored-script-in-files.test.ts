import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decapConfig } from '#src/cms/decap-config.ts';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { saveOnBranch } from '#server/editorial/content-repository/entry-store.ts';
import { createApp } from '#server/platform/app.ts';
import { createServices } from '#server/accounts/create-services.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { stageSite } from '#src/build/publish-site.ts';
import { BOARD, harness, newsEntry, SITE, type Harness } from '../editorial/support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding 2: an entry's attachments could be any type at any path under
 * `content/<site>/tep/`, need not be used by the entry, and went live with
 * it; a published `tep/…/p.html` loading `tep/…/p.js` ran on the
 * department's own origin with the signed-in head's session. Files are now
 * data (docs/adr/0021-files-are-data.md): an allow-list checked by bytes on
 * save, at publication and in the build, each entry's files in its own
 * folder and used by it, and `/tep/` served only as files, sandboxed.
 */

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures/files', name));
const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

const SLUG = 'tai-lieu-huong-dan';
const FOLDER = `content/${SITE}/tep/tin-tuc/${SLUG}`;
const PAGE = '<!doctype html><html><body><script src="p.js"></script></body></html>';
const SCRIPT = 'fetch("/quan-tri/api/tai-khoan", { method: "POST", body: "{}" })';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/quan-tri/api/tai-khoan")</script></svg>';

async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
}

/** The entry links the file with an Attachment component, as Decap's editor writes it. */
const withAttachment = (url: string) =>
  newsEntry({ body: `Tài liệu hướng dẫn kèm theo.\n\n<Attachment file="${url}" label="Tài liệu" />` });

describe('attachments through the Decap proxy', () => {
  let h: Harness;
  let mainBefore: string | null;
  beforeEach(async () => {
    h = await harness();
    mainBefore = await h.repo.resolve(MAIN);
  });
  afterEach(() => h.close());

  async function nothingWritten() {
    expect(await h.repo.resolve(MAIN)).toBe(mainBefore);
    expect(await h.repo.listBranches('cms/')).toEqual([]);
  }

  it.each([
    ['an HTML page', 'p.html', PAGE, 'E_MEDIA_TYPE_NOT_ALLOWED'],
    ['a script', 'p.js', SCRIPT, 'E_MEDIA_TYPE_NOT_ALLOWED'],
    ['an SVG image with a script', 'x.svg', SVG, 'E_MEDIA_TYPE_NOT_ALLOWED'],
    [
      'an XML file',
      'du-lieu.xml',
      '<?xml version="1.0"?><?xml-stylesheet href="p.xsl"?><a/>',
      'E_MEDIA_TYPE_NOT_ALLOWED',
    ],
    ['a ".pdf" whose bytes are an HTML page', 'huong-dan.pdf', fixture('html-page.pdf'), 'E_MEDIA_CONTENT_MISMATCH'],
    ['a PNG that is also an HTML page', 'anh.png', fixture('polyglot.png'), 'E_MEDIA_HIDDEN_CONTENT'],
  ])('refuses %s attached to an entry, with its code, writing nothing', async (_, name, bytes, code) => {
    const r = await h.save(BOARD.contributor, SLUG, withAttachment(`/tep/tin-tuc/${SLUG}/${name}`), [
      { path: `${FOLDER}/${name}`, content: b64(bytes), encoding: 'base64' },
    ]);
    expect(r).toMatchObject({ status: 422, body: { code } });
    expect(r.body.error).toMatch(/\S/);
    await nothingWritten();
  });

  it('refuses the same page uploaded by the head straight into the media library', async () => {
    const asset = { path: `content/${SITE}/tep/2026/p.html`, content: b64(PAGE), encoding: 'base64' };
    const r = await h.call(BOARD.head, 'persistMedia', { asset, options: { commitMessage: 'Tải tệp' } });
    expect(r).toMatchObject({ status: 422, body: { code: 'E_MEDIA_TYPE_NOT_ALLOWED' } });
    await nothingWritten();
  });

  it("refuses a real PDF outside the entry's own folder", async () => {
    const r = await h.save(BOARD.contributor, SLUG, withAttachment('/tep/2026/p.pdf'), [
      { path: `content/${SITE}/tep/2026/p.pdf`, content: b64(fixture('sample.pdf')), encoding: 'base64' },
    ]);
    expect(r).toMatchObject({ status: 422, body: { code: 'E_MEDIA_OUTSIDE_ENTRY_FOLDER', data: { folder: FOLDER } } });
    await nothingWritten();
  });

  it('refuses a PDF the entry does not use', async () => {
    const r = await h.save(BOARD.contributor, SLUG, newsEntry(), [
      { path: `${FOLDER}/phu-luc.pdf`, content: b64(fixture('sample.pdf')), encoding: 'base64' },
    ]);
    expect(r).toMatchObject({
      status: 422,
      body: { code: 'E_MEDIA_NOT_REFERENCED', data: { url: `/tep/tin-tuc/${SLUG}/phu-luc.pdf` } },
    });
    await nothingWritten();
  });

  it("accepts a real PDF the entry uses, at the folder Decap's generated config gives it", async () => {
    const collection = decapConfig({ site: { id: SITE, name: 'Sở Tư pháp' }, sections: ['tin-tuc'] }).collections[0]!;
    const folder = collection.media_folder.replace('{{slug}}', SLUG).replace(/^\//, '');
    const url = `${collection.public_folder.replace('{{slug}}', SLUG)}/huong-dan.pdf`;
    const r = await h.save(BOARD.contributor, SLUG, withAttachment(url), [
      { path: `${folder}/huong-dan.pdf`, content: b64(fixture('sample.pdf')), encoding: 'base64' },
    ]);
    expect(r.status).toBe(200);
    expect(`${folder}/huong-dan.pdf`).toBe(`${FOLDER}/huong-dan.pdf`);
    const saved = await h.repo.readFile(`cms/${SITE}/tin-tuc/${SLUG}`, `${FOLDER}/huong-dan.pdf`);
    expect(Buffer.from(saved!.bytes)).toEqual(fixture('sample.pdf'));
  });

  it('does not publish a draft saved before this policy with a page among its files', async () => {
    const url = `/tep/tin-tuc/${SLUG}/p.html`;
    await saveOnBranch(h.repo, {
      key: { site: SITE, section: 'tin-tuc', slug: SLUG },
      files: [
        { path: `content/${SITE}/tin-tuc/${SLUG}.mdx`, content: withAttachment(url) },
        { path: `${FOLDER}/p.html`, content: PAGE },
      ],
      by: { username: BOARD.contributor.username, name: BOARD.contributor.name },
      event: 'create',
      state: 'draft',
      summary: 'Nhập mới (trước khi có quy định về tệp)',
    });
    expect((await h.move(BOARD.contributor, SLUG, 'pending_review')).status).toBe(200);
    expect((await h.move(BOARD.deputy, SLUG, 'pending_publish')).status).toBe(200);
    const r = await h.publish(BOARD.head, SLUG);
    expect(r).toMatchObject({ status: 422, body: { code: 'E_MEDIA_TYPE_NOT_ALLOWED' } });
    expect(await h.repo.resolve(MAIN)).toBe(mainBefore);
    expect(await h.repo.readFile(MAIN, `${FOLDER}/p.html`)).toBeNull();
  });
});

describe.each(STORAGE_KINDS)('files of a built site served as data, never pages ($name)', (kind) => {
  let dir: string;
  let storage: Storage;
  let app: ReturnType<typeof createApp>;
  const department = { id: SITE, name: 'Sở Tư pháp', domains: ['sotuphap.thuathienhue.gov.vn'] };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'congso-tep-'));
    // As a site built before this policy would hold them, next to real documents.
    await writeTree(path.join(dir, SITE), {
      'index.html': '<h1>Sở Tư pháp</h1>',
      '404/index.html': '<h1>Không tìm thấy trang</h1>',
      'tep/2025/p.html': PAGE,
      'tep/2025/p.js': SCRIPT,
      'tep/2025/x.svg': SVG,
      'tep/2026/qd-52.pdf': fixture('sample.pdf'),
      'tep/2024/mau-don.docx': fixture('sample.docx'),
    });
    storage = await kind.open();
    app = createApp({
      storage,
      departments: [department],
      services: createServices({ storage, departments: [department] }),
      distDir: dir,
    });
  });
  afterAll(async () => {
    await storage?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (urlPath: string) =>
    app.request(`http://sotuphap.localhost${urlPath}`, { headers: { host: 'sotuphap.localhost' } });

  it.each([
    '/tep/2025/p.html',
    '/tep/2025/p.js',
    '/tep/2025/x.svg',
    '/%74ep/2025/p.html',
    '/TEP/2025/p.html',
    '/tep%2F2025/p.html',
  ])('answers 404 for %s, never a page or a script', async (urlPath) => {
    const res = await get(urlPath);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toMatch(/html|javascript|svg/);
    expect(await res.text()).not.toContain('<script');
  });

  it('serves an allowed PDF as a PDF, inline, sniff-proof and sandboxed', async () => {
    const res = await get('/tep/2026/qd-52.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer())).toEqual(fixture('sample.pdf'));
  });

  it('sends an office document as a download with a safe file name', async () => {
    const res = await get('/tep/2024/mau-don.docx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="mau-don.docx"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });
});

describe('the build copies only allowed files whose bytes match', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'congso-stage-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('leaves pages, scripts, SVG and disguised files of content/<site>/tep/ out of the site, and says so', async () => {
    const media = path.join(dir, 'content', SITE, 'tep');
    await writeTree(media, {
      '2025/p.html': PAGE,
      '2025/p.js': SCRIPT,
      '2025/x.svg': SVG,
      'tin-tuc/bai/huong-dan.pdf': fixture('html-page.pdf'),
      'tin-tuc/bai/anh.png': fixture('polyglot.png'),
      '2023/qd-14-2023-qd-ubnd.pdf': fixture('sample.pdf'),
      'van-ban/qd-52/mau-don.docx': fixture('sample.docx'),
    });
    await writeTree(path.join(dir, 'pages'), { 'index.html': '<h1>Sở Tư pháp</h1>' });
    const refused: string[] = [];
    const staging = await stageSite(path.join(dir, 'dist'), {
      site: SITE,
      pagesDir: path.join(dir, 'pages'),
      mediaDir: media,
      onRefusedMedia: (file) => refused.push(file.split(path.sep).join('/')),
    });
    const copied = (await readdir(path.join(staging, 'tep'), { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => path.relative(path.join(staging, 'tep'), path.join(d.parentPath, d.name)).split(path.sep).join('/'));
    expect(copied.sort()).toEqual(['2023/qd-14-2023-qd-ubnd.pdf', 'van-ban/qd-52/mau-don.docx']);
    expect(refused.sort()).toEqual([
      '2025/p.html',
      '2025/p.js',
      '2025/x.svg',
      'tin-tuc/bai/anh.png',
      'tin-tuc/bai/huong-dan.pdf',
    ]);
    expect(await readFile(path.join(staging, 'tep', '2023', 'qd-14-2023-qd-ubnd.pdf'))).toEqual(fixture('sample.pdf'));
  });
});
