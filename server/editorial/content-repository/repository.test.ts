import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import git from 'isomorphic-git';
import { MAIN, openContentRepository, type ContentRepository } from './repository.ts';
import {
  entryBranch,
  entryFile,
  entryHistory,
  listUnpublished,
  commitMainChange,
  mergeChange,
  readUnpublished,
  recordStep,
  saveOnBranch,
  type EntryKey,
} from './entry-store.ts';
import { parseTrailers, type Person } from './workflow-record.ts';

const SEED = path.resolve(import.meta.dirname, '../../../tests/fixtures/editorial/seed');

let dir: string;
let repo: ContentRepository;
let now = Date.UTC(2024, 10, 4, 2, 0, 0);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-repo-'));
  repo = await openContentRepository({ dir: path.join(dir, 'content'), seedFrom: SEED, clock: () => (now += 1000) });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const mai = { username: 'maiht', name: 'Hoàng Thị Mai' };
const hanh = { username: 'hanhttb', name: 'Trần Thị Bích Hạnh' };
const an = { username: 'annv', name: 'Nguyễn Văn An' };
const key: EntryKey = { site: 'sotuphap', section: 'tin-tuc', slug: 'hoi-nghi-2024' };
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

function save(body: string, by = mai, event: 'create' | 'edit' = 'create') {
  return saveOnBranch(repo, {
    key,
    files: [{ path: entryFile(key), content: body }],
    by,
    event,
    state: 'draft',
    summary: 'Lưu bài',
  });
}

/** Publishing as the editorial service does it, minus the publication gate's check: read and commit under one lock. */
function publishNow(key: EntryKey, by: Person) {
  return repo.transaction(async () => {
    const change = await mergeChange(repo, key, by, 'Đăng tải', { event: 'publish' });
    return { change, commit: await commitMainChange(repo, change) };
  });
}

describe('the content repository', () => {
  it('is created from the bundled sample with one initial commit on main, checked out in its folder', async () => {
    const log = await git.log({ ...repo.store, ref: MAIN });
    expect(log).toHaveLength(1);
    expect(await repo.readFile(MAIN, 'sites/sotuphap.yaml')).not.toBeNull();
    expect(await stat(path.join(repo.dir, 'content/sotuphap/tin-tuc/trien-khai-ngay-phap-luat-2024.mdx'))).toBeTruthy();
    const again = await openContentRepository({ dir: repo.dir, seedFrom: SEED });
    expect(await again.resolve(MAIN)).toBe(log[0].oid);
  });

  it('refuses to start without a repository or a sample to create it from', async () => {
    await expect(openContentRepository({ dir: path.join(dir, 'empty') })).rejects.toMatchObject({
      code: 'E_REPO_UNAVAILABLE',
    });
  });

  it('commits an entry onto its own branch and leaves main and the folder alone', async () => {
    const mainBefore = await repo.resolve(MAIN);
    await save('---\ntitle: A\n---\nMột');
    expect(await repo.resolve(MAIN)).toBe(mainBefore);
    expect(text((await repo.readFile(entryBranch(key), entryFile(key)))?.bytes)).toContain('Một');
    expect(await repo.readFile(MAIN, entryFile(key))).toBeNull();
    await expect(stat(path.join(repo.dir, entryFile(key)))).rejects.toThrow();
    const files = await repo.listFolder(entryBranch(key), 'content/sotuphap/tin-tuc');
    expect(files.map((f) => f.path)).toContain(entryFile(key));
  });

  it('refuses a commit whose expected head is stale (compare-and-swap)', async () => {
    const first = await save('một');
    await save('hai');
    await expect(
      repo.commit({ branch: entryBranch(key), expectedHead: first, files: [], message: 'x', author: mai }),
    ).rejects.toMatchObject({ code: 'E_REPO_REF_CONFLICT' });
    await expect(
      repo.commit({
        branch: 'cms/sotuphap/tin-tuc/moi',
        expectedHead: first,
        files: [],
        message: 'x',
        author: mai,
        from: MAIN,
      }),
    ).rejects.toMatchObject({ code: 'E_REPO_REF_CONFLICT' });
  });

  it('keeps the workflow state and who did each step in commit trailers', async () => {
    await save('một');
    await recordStep(repo, { key, by: mai, event: 'submit', state: 'in-review', summary: 'Gửi xác thực' });
    await recordStep(repo, { key, by: hanh, event: 'verify', state: 'ready', summary: 'Xác thực' });
    const entry = await readUnpublished(repo, key);
    expect(entry?.state).toBe('ready');
    expect(entry?.owners).toEqual(['maiht']);
    expect(entry?.steps.map((s) => [s.event, s.by.username])).toEqual([
      ['create', 'maiht'],
      ['submit', 'maiht'],
      ['verify', 'hanhttb'],
    ]);
    expect(entry?.changes.map((c) => c.path)).toEqual([entryFile(key)]);
    const head = await repo.readCommit(entry!.head);
    expect(parseTrailers(head.message).get('Verified-by')).toEqual(['Trần Thị Bích Hạnh <hanhttb>']);
    expect(head.author.name).toBe('Trần Thị Bích Hạnh');
  });

  it('lists the unpublished entries of a site', async () => {
    await save('một');
    await saveOnBranch(repo, {
      key: { site: 'sogddt', section: 'tin-tuc', slug: 'khac' },
      files: [{ path: 'content/sogddt/tin-tuc/khac.mdx', content: 'x' }],
      by: mai,
      event: 'create',
      state: 'draft',
      summary: 'x',
    });
    expect(await listUnpublished(repo, 'sotuphap')).toEqual([key]);
    expect(await listUnpublished(repo)).toHaveLength(2);
  });
});

describe('publishing merges only the entry into main', () => {
  it('applies the entry and its attachment on top of a main that moved on, and updates the folder', async () => {
    await saveOnBranch(repo, {
      key,
      files: [
        { path: entryFile(key), content: 'bài mới' },
        { path: 'content/sotuphap/tep/2024/anh.png', content: new Uint8Array([137, 80, 78, 71]) },
      ],
      by: mai,
      event: 'create',
      state: 'draft',
      summary: 'Lưu',
    });
    await recordStep(repo, { key, by: mai, event: 'submit', state: 'in-review', summary: 's' });
    await recordStep(repo, { key, by: hanh, event: 'verify', state: 'ready', summary: 'v' });
    // Someone else's publication lands on main meanwhile.
    await repo.commit({
      branch: MAIN,
      files: [{ path: 'content/sotuphap/van-ban/khac.mdx', content: 'khác' }],
      message: 'khác',
      author: an,
    });
    const mainBefore = await repo.resolve(MAIN);

    const result = await publishNow(key, an);

    expect(result.change.files.map((c) => c.path).sort()).toEqual([
      'content/sotuphap/tep/2024/anh.png',
      entryFile(key),
    ]);
    const merge = await repo.readCommit(result.commit);
    expect(merge.parent[0]).toBe(mainBefore);
    expect(await repo.readFile(MAIN, 'content/sotuphap/van-ban/khac.mdx')).not.toBeNull();
    expect(text((await repo.readFile(MAIN, entryFile(key)))?.bytes)).toBe('bài mới');
    const trailers = parseTrailers(merge.message);
    expect(trailers.get('Published-by')).toEqual(['Nguyễn Văn An <annv>']);
    expect(trailers.get('Verified-by')).toEqual(['Trần Thị Bích Hạnh <hanhttb>']);
    expect(await repo.resolve(entryBranch(key))).toBeNull();
    expect(await readFile(path.join(repo.dir, entryFile(key)), 'utf8')).toBe('bài mới');
    await repo.indexed();
    const status = await git.statusMatrix({ ...repo.store, filepaths: [entryFile(key)] });
    expect(status).toEqual([[entryFile(key), 1, 1, 1]]);
  });

  it('keeps the whole history of an entry reachable from main after its branch is gone', async () => {
    await save('một');
    await recordStep(repo, { key, by: mai, event: 'submit', state: 'in-review', summary: 's' });
    await recordStep(repo, { key, by: hanh, event: 'verify', state: 'ready', summary: 'v' });
    await publishNow(key, an);
    await saveOnBranch(repo, {
      key,
      files: [{ path: entryFile(key), content: 'hai' }],
      by: hanh,
      event: 'edit',
      state: 'draft',
      summary: 'sửa',
    });
    const steps = await entryHistory(repo, key);
    expect(steps.map((s) => `${s.event}:${s.by.username}`)).toEqual([
      'create:maiht',
      'submit:maiht',
      'verify:hanhttb',
      'publish:annv',
      'edit:hanhttb',
    ]);
    expect((await readUnpublished(repo, key))?.owners).toEqual(['hanhttb']);
  });
});

describe('concurrency', () => {
  it('two people saving the same entry at once both land, one after the other', async () => {
    await save('gốc');
    const bodies = Array.from({ length: 12 }, (_, i) => `phiên bản ${i}`);
    const oids = await Promise.all(bodies.map((b, i) => save(b, i % 2 ? hanh : mai, 'edit')));
    expect(new Set(oids).size).toBe(12);
    const chain = (await git.log({ ...repo.store, ref: entryBranch(key) })).map((c) => c.oid);
    for (const oid of oids) expect(chain).toContain(oid);
    // A linear branch: each save's parent is the save before it.
    const heads = await Promise.all(oids.map((o) => repo.readCommit(o)));
    const parents = new Set(heads.map((c) => c.parent[0]));
    expect(parents.size).toBe(12);
    const entry = await readUnpublished(repo, key);
    expect(entry?.steps).toHaveLength(13);
  });

  it('a publish racing with saves loses no commit: each save is on main or on a new draft', async () => {
    await save('một');
    await recordStep(repo, { key, by: mai, event: 'submit', state: 'in-review', summary: 's' });
    await recordStep(repo, { key, by: hanh, event: 'verify', state: 'ready', summary: 'v' });
    const work = [
      save('trước', mai, 'edit'),
      publishNow(key, an).then((r) => r.commit),
      save('sau', hanh, 'edit'),
      save('sau nữa', mai, 'edit'),
    ];
    const [before, published, after1, after2] = await Promise.all(work);
    const onMain = (await git.log({ ...repo.store, ref: MAIN })).map((c) => c.oid);
    expect(onMain).toContain(published);
    expect(onMain).toContain(before);
    const draft = (await git.log({ ...repo.store, ref: entryBranch(key) })).map((c) => c.oid);
    expect(draft).toEqual(expect.arrayContaining([after1, after2]));
    expect(text((await repo.readFile(MAIN, entryFile(key)))?.bytes)).toBe('trước');
    expect(text((await repo.readFile(entryBranch(key), entryFile(key)))?.bytes)).toBe('sau nữa');
  });
});
