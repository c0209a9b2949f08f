import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import git from 'isomorphic-git';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { BOARD, harness, newsEntry, SITE, type Harness } from './support.ts';

const hostileDir = path.join(import.meta.dirname, '../fixtures/hostile-mdx');
const hostile = readdirSync(hostileDir).filter((f) => f.endsWith('.mdx'));

let h: Harness;
let mainBefore: string | null;
beforeEach(async () => {
  h = await harness({ limits: { entryBytes: 64 * 1024, mediaBytes: 256 * 1024 } });
  mainBefore = await h.repo.resolve(MAIN);
});
afterEach(() => h.close());

/** Nothing reached main and no draft branch was started. */
async function nothingWritten() {
  expect(await h.repo.resolve(MAIN)).toBe(mainBefore);
  expect(await h.repo.listBranches('cms/')).toEqual([]);
}

function persist(dataPath: string, raw: string, slug: string, assets: unknown[] = []) {
  return h.call(BOARD.head, 'persistEntry', {
    dataFiles: [{ slug, path: dataPath, raw }],
    assets,
    options: { collectionName: 'tin-tuc', commitMessage: 'x', useWorkflow: true, status: 'draft' },
  });
}

describe('MDX that would become code is refused on save, with the reason', () => {
  it.each(hostile)('%s', async (file) => {
    const body = readFileSync(path.join(hostileDir, file), 'utf8');
    const r = await h.save(BOARD.contributor, 'bai-doc-hai', newsEntry({ body }));
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('E_PROXY_CONTENT_REJECTED');
    expect(r.body.data.problems.length).toBeGreaterThan(0);
    expect(r.body.error).toMatch(/\S/);
    await nothingWritten();
  });
});

describe('invalid frontmatter is refused field by field', () => {
  it('a news item without its source (Điều 19a)', async () => {
    const raw = newsEntry().replace(/source:\n( {2}.*\n)+/, '');
    const r = await h.save(BOARD.contributor, 'khong-nguon', raw);
    expect(r.body.code).toBe('E_PROXY_CONTENT_REJECTED');
    expect(r.body.data.problems.map((p: { field?: string }) => p.field)).toContain('source');
    await nothingWritten();
  });

  it('broken YAML', async () => {
    const r = await h.save(BOARD.contributor, 'yaml-hong', '---\ntitle: [không đóng\n---\nx');
    expect(r.body.code).toBe('E_PROXY_CONTENT_REJECTED');
    await nothingWritten();
  });

  it('a date that is not a date', async () => {
    const r = await h.save(BOARD.contributor, 'sai-ngay', newsEntry().replace('date: 2024-12-20', 'date: hôm qua'));
    expect(r.body.data.problems.map((p: { field?: string }) => p.field)).toContain('date');
    await nothingWritten();
  });
});

describe('paths outside the site are refused before git is touched', () => {
  const traversals = [
    `content/${SITE}/tin-tuc/../../x.mdx`,
    `content/${SITE}/../sogddt/tin-tuc/x.mdx`,
    '../../x.mdx',
    `/content/${SITE}/tin-tuc/x.mdx`,
    `content/${SITE}/tin-tuc/..%2F..%2Fx.mdx`,
    `content/${SITE}\\tin-tuc\\x.mdx`,
    `content/sogddt/tin-tuc/x.mdx`,
    `content/${SITE}/khong-co-chuyen-muc/x.mdx`,
    `sites/${SITE}.yaml`,
  ];
  it.each(traversals)('entry path %s', async (p) => {
    const r = await persist(p, newsEntry(), 'x');
    expect(r.body.code).toBe('E_PROXY_PATH_NOT_ALLOWED');
    await nothingWritten();
  });

  it.each(['../../x', 'X', 'a/b', 'tin tuc', ''])('slug %j', async (slug) => {
    const r = await h.call(BOARD.head, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug });
    expect(['E_PROXY_PATH_NOT_ALLOWED', 'E_PROXY_BAD_REQUEST']).toContain(r.body.code);
    const byId = await h.call(BOARD.head, 'unpublishedEntry', { id: `tin-tuc/${slug}` });
    expect(['E_PROXY_PATH_NOT_ALLOWED', 'E_PROXY_BAD_REQUEST']).toContain(byId.body.code);
  });

  const mediaTraversals = [
    `content/${SITE}/tep/../../../x`,
    `content/${SITE}/tep/../tin-tuc/x.mdx`,
    `content/${SITE}/tep/.git/config`,
    `content/${SITE}/tep/.hidden`,
    `content/sogddt/tep/x.pdf`,
    `content/${SITE}/tep/a/b/c/d/e/f/x.pdf`,
    '.git/HEAD',
  ];
  it.each(mediaTraversals)('media path %s', async (p) => {
    const asset = { path: p, content: 'eA==', encoding: 'base64' };
    expect((await h.call(BOARD.head, 'persistMedia', { asset, options: { commitMessage: 'x' } })).body.code).toBe(
      'E_PROXY_PATH_NOT_ALLOWED',
    );
    expect((await h.save(BOARD.head, 'co-tep', newsEntry(), [asset as never])).body.code).toBe(
      'E_PROXY_PATH_NOT_ALLOWED',
    );
    expect((await h.call(BOARD.head, 'getMediaFile', { path: p })).body.code).toBe('E_PROXY_PATH_NOT_ALLOWED');
    expect((await h.call(BOARD.head, 'deleteFiles', { paths: [p], options: { commitMessage: 'x' } })).body.code).toBe(
      'E_PROXY_PATH_NOT_ALLOWED',
    );
    await nothingWritten();
  });

  it('a media folder outside the site', async () => {
    expect((await h.call(BOARD.head, 'getMedia', { mediaFolder: `content/${SITE}/tep/../..` })).body.code).toBe(
      'E_PROXY_PATH_NOT_ALLOWED',
    );
    expect(
      (await h.call(BOARD.head, 'entriesByFolder', { folder: 'content', extension: 'mdx', depth: 1 })).body.code,
    ).toBe('E_PROXY_PATH_NOT_ALLOWED');
  });
});

describe('huge files are refused with the limit', () => {
  it('an entry over the limit', async () => {
    const r = await h.save(BOARD.contributor, 'qua-dai', newsEntry({ body: 'Nội dung rất dài. '.repeat(5000) }));
    expect(r).toMatchObject({ status: 413, body: { code: 'E_PROXY_FILE_TOO_LARGE', data: { limit: 64 * 1024 } } });
    await nothingWritten();
  });

  it('an attachment over the limit, through an entry or the media library', async () => {
    const asset = {
      path: `content/${SITE}/tep/lon.pdf`,
      content: Buffer.alloc(300 * 1024).toString('base64'),
      encoding: 'base64' as const,
    };
    expect((await h.save(BOARD.contributor, 'tep-lon', newsEntry(), [asset])).body.code).toBe('E_PROXY_FILE_TOO_LARGE');
    expect((await h.call(BOARD.head, 'persistMedia', { asset, options: { commitMessage: 'x' } })).body.code).toBe(
      'E_PROXY_FILE_TOO_LARGE',
    );
    await nothingWritten();
  });
});

describe('concurrency through the protocol', () => {
  it('one author saving the same entry from two tabs at once: every commit kept, branch readable', async () => {
    await h.save(BOARD.contributor, 'cung-luc', newsEntry());
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        h.save(BOARD.contributor, 'cung-luc', newsEntry({ body: `Tab một ${i}` })),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        h.save(BOARD.contributor, 'cung-luc', newsEntry({ body: `Tab hai ${i}` })),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    const log = await git.log({ ...h.repo.store, ref: 'cms/sotuphap/tin-tuc/cung-luc' });
    expect(log.filter((c) => /Congso-Event: edit/.test(c.commit.message))).toHaveLength(12);
    const entry = await h.call(BOARD.deputy, 'unpublishedEntry', { id: 'tin-tuc/cung-luc' });
    expect(entry.body.status).toBe('draft');
  });

  it('a publish racing with saves: the published text is valid and later saves become a new draft', async () => {
    await h.save(BOARD.contributor, 'dua', newsEntry());
    await h.move(BOARD.contributor, 'dua', 'pending_review');
    await h.move(BOARD.deputy, 'dua', 'pending_publish');
    const results = await Promise.all([
      h.publish(BOARD.head, 'dua'),
      h.save(BOARD.contributor, 'dua', newsEntry({ body: 'Sửa trong lúc đăng.' })),
      h.save(BOARD.contributor, 'dua', newsEntry({ body: 'Sửa nữa.' })),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await h.repo.readFile(MAIN, `content/${SITE}/tin-tuc/dua.mdx`)).not.toBeNull();
    const draft = await h.call(BOARD.deputy, 'unpublishedEntry', { id: 'tin-tuc/dua' });
    expect(draft.body.status).toBe('draft');
    expect(h.published).toHaveLength(1);
  });
});
