import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../text/helpers/legacy-encoders.ts';
import { PROXY_ACTIONS } from '#server/editorial/decap-proxy/payloads.ts';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { BOARD, harness, newsEntry, SITE, type Harness } from './support.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/files', name)).toString('base64');
const SEEDED = `content/${SITE}/tin-tuc/trien-khai-ngay-phap-luat-2024.mdx`;
const tested = new Set<string>();
const action = (name: string) => {
  tested.add(name);
  return name;
};

/** An entry walked to "ready" by a contributor and a deputy. */
async function readyEntry(slug = 'hoi-nghi-tong-ket') {
  expect((await h.save(BOARD.contributor, slug, newsEntry())).status).toBe(200);
  expect((await h.move(BOARD.contributor, slug, 'pending_review')).status).toBe(200);
  expect((await h.move(BOARD.deputy, slug, 'pending_publish')).status).toBe(200);
}

describe('reading published content', () => {
  it('info says only the editorial workflow exists', async () => {
    const r = await h.call(BOARD.contributor, action('info'));
    expect(r.body.publish_modes).toEqual(['editorial_workflow']);
  });

  it('entriesByFolder lists the entries of a section on main, with their raw text and blob id', async () => {
    const r = await h.call(BOARD.contributor, action('entriesByFolder'), {
      folder: `content/${SITE}/tin-tuc`,
      extension: 'mdx',
      depth: 1,
    });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(1);
    expect(r.body[0].file).toMatchObject({ path: SEEDED, id: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(r.body[0].data).toContain('Ngày Pháp luật');
  });

  it('entriesByFiles and getEntry read given entries; a missing one has null data', async () => {
    const r = await h.call(BOARD.editor, action('entriesByFiles'), {
      files: [{ path: SEEDED }, { path: `content/${SITE}/tin-tuc/khong-co.mdx` }],
    });
    expect(r.body.map((e: { data: unknown }) => e.data === null)).toEqual([false, true]);
    const one = await h.call(BOARD.editor, action('getEntry'), { path: SEEDED });
    expect(one.body.file.path).toBe(SEEDED);
  });

  it('getMedia and getMediaFile return the site media as base64', async () => {
    const list = await h.call(BOARD.contributor, action('getMedia'), { mediaFolder: `content/${SITE}/tep` });
    expect(list.body.map((f: { name: string }) => f.name)).toEqual(['mau.pdf']);
    const file = await h.call(BOARD.contributor, action('getMediaFile'), { path: `content/${SITE}/tep/mau.pdf` });
    expect(Buffer.from(file.body.content, 'base64').toString()).toContain('%PDF');
    const missing = await h.call(BOARD.contributor, 'getMediaFile', { path: `content/${SITE}/tep/khong-co.pdf` });
    expect(missing.body.code).toBe('E_PROXY_FILE_NOT_FOUND');
  });

  it('getDeployPreview answers that there is none', async () => {
    const r = await h.call(BOARD.head, action('getDeployPreview'), { collection: 'tin-tuc', slug: 'x' });
    expect(r).toEqual({ status: 200, body: null });
  });
});

describe('the three steps through the protocol', () => {
  it('a contributor enters a cited news item with a picture, on its own branch only', async () => {
    const picture = `content/${SITE}/tep/tin-tuc/hoi-nghi/hoi-nghi.png`;
    const raw = newsEntry({ body: '![Hội nghị tổng kết](/tep/tin-tuc/hoi-nghi/hoi-nghi.png)' });
    const r = await h.save(BOARD.contributor, 'hoi-nghi', raw, [
      { path: picture, content: fixture('sample.png'), encoding: 'base64' },
    ]);
    tested.add('persistEntry');
    expect(r.status).toBe(200);
    expect(await h.repo.readFile(MAIN, `content/${SITE}/tin-tuc/hoi-nghi.mdx`)).toBeNull();
    expect((await h.call(BOARD.contributor, action('unpublishedEntries'))).body).toEqual(['tin-tuc/hoi-nghi']);
    const entry = await h.call(BOARD.deputy, action('unpublishedEntry'), { id: 'tin-tuc/hoi-nghi' });
    expect(entry.body).toMatchObject({
      collection: 'tin-tuc',
      slug: 'hoi-nghi',
      status: 'draft',
      pullRequestAuthor: 'Hoàng Thị Mai',
    });
    expect(entry.body.diffs.map((d: { path: string; newFile: boolean }) => [d.path, d.newFile]).sort()).toEqual([
      [picture, true],
      [`content/${SITE}/tin-tuc/hoi-nghi.mdx`, true],
    ]);
    const data = await h.call(BOARD.deputy, action('unpublishedEntryDataFile'), {
      collection: 'tin-tuc',
      slug: 'hoi-nghi',
      id: 'x',
      path: `content/${SITE}/tin-tuc/hoi-nghi.mdx`,
    });
    expect(data.body.data).toBe(raw);
    const media = await h.call(BOARD.deputy, action('unpublishedEntryMediaFile'), {
      collection: 'tin-tuc',
      slug: 'hoi-nghi',
      id: 'x',
      path: picture,
    });
    expect(media.body.content).toBe(fixture('sample.png'));
  });

  it('saves text pasted in TCVN3 as Unicode and keeps what was typed one commit earlier (Điều 8)', async () => {
    const body = 'Sáng 20/12, Sở Tư pháp tổ chức hội nghị tổng kết công tác năm 2024 tại thành phố Huế.';
    const r = await h.save(BOARD.contributor, 'chuyen-ma', newsEntry({ body: encodeTcvn3(body) }));
    expect(r.status).toBe(200);
    expect(r.body.message).toMatch(/TCVN3/);
    const file = `content/${SITE}/tin-tuc/chuyen-ma.mdx`;
    const head = (await h.repo.resolve(`cms/${SITE}/tin-tuc/chuyen-ma`))!;
    const text = async (oid: string) => new TextDecoder().decode((await h.repo.readFile(oid, file))!.bytes);
    expect(await text(head)).toBe(newsEntry({ body }));
    const commit = await h.repo.readCommit(head);
    expect(commit.message).toContain('Converted-from: tcvn3');
    expect(await text(commit.parent[0]!)).toBe(newsEntry({ body: encodeTcvn3(body) }));
  });

  it('submit, verify and publish move the card and put the entry on main, recorded as trailers', async () => {
    await readyEntry();
    tested.add('updateUnpublishedEntryStatus');
    expect(
      (await h.call(BOARD.head, 'unpublishedEntry', { collection: 'tin-tuc', slug: 'hoi-nghi-tong-ket' })).body.status,
    ).toBe('pending_publish');
    const r = await h.publish(BOARD.head, 'hoi-nghi-tong-ket');
    tested.add('publishUnpublishedEntry');
    expect(r.status).toBe(200);
    expect(await h.repo.readFile(MAIN, `content/${SITE}/tin-tuc/hoi-nghi-tong-ket.mdx`)).not.toBeNull();
    expect(h.published).toEqual([
      expect.objectContaining({ site: SITE, section: 'tin-tuc', slug: 'hoi-nghi-tong-ket' }),
    ]);
    const gone = await h.call(BOARD.head, 'unpublishedEntry', { collection: 'tin-tuc', slug: 'hoi-nghi-tong-ket' });
    expect(gone).toMatchObject({ status: 404, body: { code: 'E_REPO_ENTRY_NOT_FOUND' } });
    const merge = await h.repo.readCommit((await h.repo.resolve(MAIN))!);
    expect(merge.message).toMatch(/^Published-by: Nguyễn Văn An <annv>$/m);
    expect(merge.message).toMatch(/^Verified-by: Trần Thị Bích Hạnh <hanhttb>$/m);
    expect(merge.message).toMatch(/^Submitted-by: Hoàng Thị Mai <maiht>$/m);
  });

  it('a contributor trying to publish is refused and nothing reaches main', async () => {
    await readyEntry();
    const before = await h.repo.resolve(MAIN);
    const r = await h.publish(BOARD.contributor, 'hoi-nghi-tong-ket');
    expect(r).toMatchObject({ status: 403, body: { code: 'E_WORKFLOW_RIGHT_NOT_GRANTED' } });
    expect(r.body.error).toMatch(/\S/);
    expect(await h.repo.resolve(MAIN)).toBe(before);
  });

  it('the author cannot verify their own entry', async () => {
    await h.save(BOARD.deputy, 'tu-viet', newsEntry());
    await h.move(BOARD.deputy, 'tu-viet', 'pending_review');
    expect((await h.move(BOARD.deputy, 'tu-viet', 'pending_publish')).body.code).toBe('E_WORKFLOW_SELF_VERIFICATION');
  });

  it('editing a verified entry sends it back to review; only those who check may amend it', async () => {
    await readyEntry();
    expect((await h.save(BOARD.editor, 'hoi-nghi-tong-ket', newsEntry({ body: 'Đã sửa.' }))).body.code).toBe(
      'E_WORKFLOW_RIGHT_NOT_GRANTED',
    );
    expect((await h.save(BOARD.head, 'hoi-nghi-tong-ket', newsEntry({ body: 'Đã sửa.' }))).status).toBe(200);
    expect((await h.call(BOARD.head, 'unpublishedEntry', { id: 'tin-tuc/hoi-nghi-tong-ket' })).body.status).toBe(
      'pending_review',
    );
    expect((await h.publish(BOARD.head, 'hoi-nghi-tong-ket')).body.code).toBe('E_WORKFLOW_INVALID_TRANSITION');
  });

  it('a state-secret entry may be kept as a draft but never verified for publication nor published (docs/adr/0108)', async () => {
    expect((await h.save(BOARD.contributor, 'mat', newsEntry({ secret: true }))).status).toBe(200);
    await h.move(BOARD.contributor, 'mat', 'pending_review');
    const verified = await h.move(BOARD.deputy, 'mat', 'pending_publish');
    expect([verified.status, verified.body.code]).toEqual([403, 'E_WORKFLOW_STATE_SECRET']);
    expect((await h.call(BOARD.head, 'unpublishedEntry', { id: 'tin-tuc/mat' })).body.status).toBe('pending_review');
    expect((await h.publish(BOARD.head, 'mat')).body.code).toBe('E_WORKFLOW_INVALID_TRANSITION');
    expect(await h.repo.readFile(MAIN, `content/${SITE}/tin-tuc/mat.mdx`)).toBeNull();
  });

  it('an editor cannot save in a section not assigned to them', async () => {
    const r = await h.save(BOARD.otherEditor, 'ngoai', newsEntry());
    expect(r.body.code).toBe('E_WORKFLOW_SECTION_NOT_ASSIGNED');
  });

  it('the author discards their draft; the deputy discards a submitted one; the contributor cannot', async () => {
    await h.save(BOARD.contributor, 'bo-1', newsEntry());
    expect(
      (await h.call(BOARD.contributor, action('deleteUnpublishedEntry'), { collection: 'tin-tuc', slug: 'bo-1' }))
        .status,
    ).toBe(200);
    await h.save(BOARD.contributor, 'bo-2', newsEntry());
    await h.move(BOARD.contributor, 'bo-2', 'pending_review');
    expect(
      (await h.call(BOARD.contributor, 'deleteUnpublishedEntry', { collection: 'tin-tuc', slug: 'bo-2' })).body.code,
    ).toBe('E_WORKFLOW_RIGHT_NOT_GRANTED');
    expect((await h.call(BOARD.deputy, 'deleteUnpublishedEntry', { collection: 'tin-tuc', slug: 'bo-2' })).status).toBe(
      200,
    );
    expect((await h.call(BOARD.deputy, 'unpublishedEntries')).body).toEqual([]);
  });

  it('saving without the workflow (straight to main) is refused', async () => {
    const r = await h.call(BOARD.head, 'persistEntry', {
      dataFiles: [{ slug: 'x', path: `content/${SITE}/tin-tuc/x.mdx`, raw: newsEntry() }],
      assets: [],
      options: { collectionName: 'tin-tuc', commitMessage: 'x', useWorkflow: false, status: '' },
    });
    expect(r.body.code).toBe('E_PROXY_WORKFLOW_REQUIRED');
  });
});

describe('writing to main directly', () => {
  it('persistMedia: the head uploads; a contributor is told to attach the file to an entry', async () => {
    const asset = { path: `content/${SITE}/tep/2024/bieu-mau.pdf`, content: fixture('sample.pdf'), encoding: 'base64' };
    const refused = await h.call(BOARD.contributor, action('persistMedia'), {
      asset,
      options: { commitMessage: 'Tải tệp' },
    });
    expect(refused.body.code).toBe('E_WORKFLOW_RIGHT_NOT_GRANTED');
    const ok = await h.call(BOARD.head, 'persistMedia', { asset, options: { commitMessage: 'Tải tệp' } });
    expect(ok.body).toMatchObject({ path: asset.path, name: 'bieu-mau.pdf', encoding: 'base64' });
    expect(await h.repo.readFile(MAIN, asset.path)).not.toBeNull();
  });

  it('deleteFile and deleteFiles: only who may publish removes media or published entries', async () => {
    const media = `content/${SITE}/tep/mau.pdf`;
    expect(
      (await h.call(BOARD.deputy, action('deleteFile'), { path: media, options: { commitMessage: 'xoá' } })).body.code,
    ).toBe('E_WORKFLOW_RIGHT_NOT_GRANTED');
    expect(
      (await h.call(BOARD.deputy, action('deleteFiles'), { paths: [SEEDED], options: { commitMessage: 'xoá' } })).body
        .code,
    ).toBe('E_WORKFLOW_RIGHT_NOT_GRANTED');
    // The fixture's only news item: deleting it would leave a required section of Điều 7 empty.
    const only = await h.call(BOARD.head, 'deleteFiles', { paths: [SEEDED, media], options: { commitMessage: 'xoá' } });
    expect(only.body.code).toBe('E_PUBLICATION_REJECTED');
    expect(await h.repo.readFile(MAIN, SEEDED)).not.toBeNull();
    await readyEntry();
    await h.publish(BOARD.head, 'hoi-nghi-tong-ket');
    expect(
      (await h.call(BOARD.head, 'deleteFiles', { paths: [SEEDED, media], options: { commitMessage: 'xoá' } })).status,
    ).toBe(200);
    expect(await h.repo.readFile(MAIN, SEEDED)).toBeNull();
    expect(await h.repo.readFile(MAIN, media)).toBeNull();
    const head = await h.repo.readCommit((await h.repo.resolve(MAIN))!);
    expect(head.message).toMatch(/^Deleted-by: Nguyễn Văn An <annv>$/m);
  });

  it('deleting an entry that is not published is not a deletion of live content', async () => {
    const r = await h.call(BOARD.head, 'deleteFiles', {
      paths: [`content/${SITE}/tin-tuc/khong-co.mdx`],
      options: { commitMessage: 'x' },
    });
    expect(r.body.code).toBe('E_WORKFLOW_INVALID_TRANSITION');
  });
});

describe('the endpoint itself', () => {
  it('answers unknown actions with a typed error, and notes quietly with nothing', async () => {
    expect((await h.call(BOARD.head, 'rebaseEverything')).body.code).toBe('E_PROXY_UNKNOWN_ACTION');
    expect((await h.call(BOARD.head, 'getNotes', { collection: 'tin-tuc', slug: 'x' })).body).toEqual({ notes: [] });
  });

  it('refuses malformed payloads and any branch but main', async () => {
    expect((await h.call(BOARD.head, 'getEntry', {})).body.code).toBe('E_PROXY_BAD_REQUEST');
    expect((await h.call(BOARD.head, 'getEntry', { path: SEEDED, branch: 'cms/x' })).body.code).toBe(
      'E_PROXY_BAD_REQUEST',
    );
  });

  it('refuses the province admin and members of another department', async () => {
    for (const actor of [BOARD.admin, BOARD.outsider]) {
      expect((await h.call(actor, 'getEntry', { path: SEEDED })).body.code).toBe('E_WORKFLOW_NOT_ON_BOARD');
    }
  });

  it('has a test for every action decap-server accepts', () => {
    expect(PROXY_ACTIONS.filter((a) => !tested.has(a))).toEqual([]);
  });
});

describe('the board at work warms its site (docs/adr/0116)', () => {
  it('tells the server when a board member works on their site, and never for someone else or a refused call', async () => {
    const warmed: string[] = [];
    const own = await harness({ boardAtWork: (site) => warmed.push(site) });
    try {
      expect((await own.call(BOARD.contributor, 'info')).status).toBe(200);
      expect(warmed).toEqual([]);
      const stranger = { ...BOARD.contributor, site: 'soyte' };
      const folder = { folder: `content/${SITE}/tin-tuc`, extension: 'mdx', depth: 1 };
      expect((await own.call(stranger, 'entriesByFolder', folder)).body).toMatchObject({
        code: 'E_WORKFLOW_NOT_ON_BOARD',
      });
      expect((await own.call(BOARD.contributor, 'entriesByFolder', { folder: 42 })).status).not.toBe(200);
      expect(warmed).toEqual([]);
      const r = await own.call(BOARD.contributor, 'entriesByFolder', folder);
      expect(r.status).toBe(200);
      expect(warmed).toEqual([SITE]);
    } finally {
      await own.close();
    }
  });
});
