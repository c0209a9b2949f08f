import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureContentRepository } from './ensure-content-repository.ts';
import { MAIN } from './repository.ts';

const SEED = path.resolve(import.meta.dirname, '../../../tests/fixtures/editorial/seed');
const NEWS = 'content/sotuphap/tin-tuc';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-ensure-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

describe('ensureContentRepository', () => {
  it('creates the repository from sites/ and content/ on first start, with one commit, and only opens it afterwards', async () => {
    const dir = path.join(work, 'data', 'content');
    const first = await ensureContentRepository({ dir, seedFrom: SEED });
    expect(first).toMatchObject({ dir, created: true });
    const log = await git.log({ ...first.repo.store, ref: MAIN });
    expect(log).toHaveLength(1);
    expect(await readdir(path.join(dir, 'sites'))).toContain('sotuphap.yaml');
    // Nothing of the staging folder is left beside it.
    expect(await readdir(path.join(work, 'data'))).toEqual(['content']);

    const again = await ensureContentRepository({ dir, seedFrom: SEED });
    expect(again.created).toBe(false);
    expect(await git.log({ ...again.repo.store, ref: MAIN })).toHaveLength(1);
  });

  it('brings the folder back to main at start, so the build never reads a stale or damaged working tree', async () => {
    const dir = path.join(work, 'content');
    const { repo } = await ensureContentRepository({ dir, seedFrom: SEED });
    const [file] = (await repo.listFolder(MAIN, NEWS)).map((f) => f.path);
    const original = await readFile(path.join(dir, file), 'utf8');
    await writeFile(path.join(dir, file), 'hỏng');
    await rm(path.join(dir, 'sites'), { recursive: true });

    await ensureContentRepository({ dir, seedFrom: SEED });
    expect(await readFile(path.join(dir, file), 'utf8')).toBe(original);
    expect(await readdir(path.join(dir, 'sites'))).toContain('sotuphap.yaml');
  });

  it('refuses a folder that holds something else rather than overwrite it', async () => {
    const dir = path.join(work, 'content');
    await mkdir(dir);
    await writeFile(path.join(dir, 'ghi-chu.txt'), 'không phải kho nội dung');
    await expect(ensureContentRepository({ dir, seedFrom: SEED })).rejects.toMatchObject({
      code: 'E_REPO_UNAVAILABLE',
    });
    expect(await readdir(dir)).toEqual(['ghi-chu.txt']);
  });

  it('accepts an empty folder made by hand', async () => {
    const dir = path.join(work, 'content');
    await mkdir(dir);
    expect((await ensureContentRepository({ dir, seedFrom: SEED })).created).toBe(true);
  });
});
