import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stageSite, swapIn, writeBuildInfo } from '#src/build/publish-site.ts';
import { staleSites } from '#src/build/site-freshness.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-publish-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function liveSite(text: string) {
  await mkdir(path.join(dir, 'dist', 'sotuphap'), { recursive: true });
  await writeFile(path.join(dir, 'dist', 'sotuphap', 'index.html'), text);
}

describe('publishing one site', () => {
  it('swaps the new folder in and removes the old one', async () => {
    await liveSite('cũ');
    await mkdir(path.join(dir, 'w0', 'sotuphap'), { recursive: true });
    await writeFile(path.join(dir, 'w0', 'sotuphap', 'index.html'), 'mới');
    const staging = await stageSite(path.join(dir, 'dist'), {
      site: 'sotuphap',
      pagesDir: path.join(dir, 'w0', 'sotuphap'),
    });
    await swapIn(path.join(dir, 'dist'), 'sotuphap', staging);
    expect(await readFile(path.join(dir, 'dist', 'sotuphap', 'index.html'), 'utf8')).toBe('mới');
    expect(await readdir(path.join(dir, 'dist'))).toEqual(['sotuphap']);
  });

  it('leaves the live site and no temporary folder when staging fails', async () => {
    await liveSite('cũ');
    await expect(
      stageSite(path.join(dir, 'dist'), { site: 'sotuphap', pagesDir: path.join(dir, 'khong-co') }),
    ).rejects.toThrow();
    expect(await readFile(path.join(dir, 'dist', 'sotuphap', 'index.html'), 'utf8')).toBe('cũ');
    expect(await readdir(path.join(dir, 'dist'))).toEqual(['sotuphap']);
  });
});

describe('npm start rebuilds what is missing or stale', () => {
  it('names never-built sites and sites whose content changed after their build', async () => {
    for (const site of ['sotuphap', 'soyte', 'sodantoc']) {
      await mkdir(path.join(dir, 'content', site, 'tin-tuc'), { recursive: true });
      await writeFile(path.join(dir, 'content', site, 'tin-tuc', 'a.mdx'), 'x');
    }
    await mkdir(path.join(dir, 'sites'), { recursive: true });
    const old = new Date('2025-01-01T00:00:00Z');
    for (const site of ['sotuphap', 'soyte']) {
      await mkdir(path.join(dir, 'dist', site), { recursive: true });
      await writeBuildInfo(path.join(dir, 'dist', site), {
        site,
        builtAt: '',
        pages: 1,
        bytes: 1,
        durationMs: 1,
        entries: 1,
      });
    }
    // soyte's content is newer than its build; sotuphap's is older.
    await utimes(path.join(dir, 'content', 'sotuphap', 'tin-tuc', 'a.mdx'), old, old);
    await utimes(path.join(dir, 'content', 'sotuphap', 'tin-tuc'), old, old);
    await utimes(path.join(dir, 'content', 'sotuphap'), old, old);
    await utimes(path.join(dir, 'dist', 'soyte', 'build-info.json'), old, old);
    const stale = await staleSites({
      contentRoot: dir,
      outDir: path.join(dir, 'dist'),
      sites: ['sotuphap', 'soyte', 'sodantoc'],
      templatesMtime: 0,
    });
    expect(stale).toEqual(['soyte', 'sodantoc']);
    const afterTemplates = await staleSites({
      contentRoot: dir,
      outDir: path.join(dir, 'dist'),
      sites: ['sotuphap'],
      templatesMtime: Date.now() + 1000,
    });
    expect(afterTemplates).toEqual(['sotuphap']);
  });
});
