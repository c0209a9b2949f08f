import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchUp, pruneEmpty } from './spare-site.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-spare-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function write(root: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
}

async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const d of await readdir(root, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(root, path.join(d.parentPath, d.name));
    out[d.isDirectory() ? `${rel}/` : rel] = d.isDirectory() ? '' : await readFile(path.join(root, rel), 'utf8');
  }
  return out;
}

describe('the spare version of a site', () => {
  it('becomes the live site less what this publication replaces, without writing a live file', async () => {
    const live = path.join(dir, 'live');
    const spare = path.join(dir, 'spare');
    // Version 1 (the spare) → version 2 (live): a page changed, one added, one removed, the search index replaced.
    await write(spare, {
      'index.html': 'trang chủ 1',
      'tin-tuc/a/index.html': 'a',
      'tin-tuc/cu/index.html': 'cũ',
      'pagefind/recent/x.pf': 'r1',
      'tep/t.pdf': 'pdf',
    });
    await write(live, {
      'index.html': 'trang chủ 2',
      'tin-tuc/moi/index.html': 'mới',
      'pagefind/recent/y.pf': 'r2',
    });
    for (const shared of ['tin-tuc/a/index.html', 'tep/t.pdf']) {
      await mkdir(path.dirname(path.join(live, shared)), { recursive: true });
      await link(path.join(spare, shared), path.join(live, shared));
    }
    const before = await tree(live);
    const behind = {
      files: ['index.html', 'tin-tuc/moi/index.html', 'tin-tuc/cu/index.html', 'build-info.json'],
      trees: ['pagefind/recent'],
    };
    // Version 3 replaces the home page and `a`, and the media folder.
    const emptied = await catchUp(spare, live, behind, {
      files: ['index.html', 'tin-tuc/a/index.html', 'build-info.json'],
      trees: ['tep'],
    });
    await pruneEmpty(spare, emptied);

    expect(await tree(spare)).toEqual({
      'tin-tuc/': '',
      'tin-tuc/moi/': '',
      'tin-tuc/moi/index.html': 'mới',
      'pagefind/': '',
      'pagefind/recent/': '',
      'pagefind/recent/y.pf': 'r2',
    });
    expect(await tree(live)).toEqual(before);
  });
});
