import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withOverlay } from './content-overlay.ts';

describe('the folder the publication gate checks (main as it would be after a change)', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'congso-overlay-'));
    for (const dir of [
      'sites',
      'content/sotuphap/tin-tuc',
      'content/sotuphap/van-ban',
      'content/sotuphap/tep/tin-tuc/a',
    ]) {
      await mkdir(path.join(root, dir), { recursive: true });
    }
    await writeFile(path.join(root, 'sites/sotuphap.yaml'), 'name: Sở Tư pháp\n');
    await writeFile(path.join(root, 'content/sotuphap/tin-tuc/a.mdx'), 'cũ');
    await writeFile(path.join(root, 'content/sotuphap/tin-tuc/b.mdx'), 'giữ');
    await writeFile(path.join(root, 'content/sotuphap/van-ban/c.mdx'), 'văn bản');
    await writeFile(path.join(root, 'content/sotuphap/tep/tin-tuc/a/anh.png'), 'png');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('shows the change over everything else, and writes nothing into the repository', async () => {
    const seen = await withOverlay(
      root,
      'sotuphap',
      [
        { path: 'content/sotuphap/tin-tuc/a.mdx', content: 'mới' },
        { path: 'content/sotuphap/tin-tuc/b.mdx', content: null },
        { path: 'content/sotuphap/tep/tin-tuc/moi/tep.pdf', content: 'pdf' },
      ],
      async (overlay) => ({
        news: (await readdir(path.join(overlay, 'content/sotuphap/tin-tuc'))).sort(),
        a: await readFile(path.join(overlay, 'content/sotuphap/tin-tuc/a.mdx'), 'utf8'),
        untouched: await readFile(path.join(overlay, 'content/sotuphap/van-ban/c.mdx'), 'utf8'),
        media: (await readdir(path.join(overlay, 'content/sotuphap/tep/tin-tuc'))).sort(),
      }),
    );
    expect(seen).toEqual({ news: ['a.mdx'], a: 'mới', untouched: 'văn bản', media: ['a', 'moi'] });
    expect(await readFile(path.join(root, 'content/sotuphap/tin-tuc/a.mdx'), 'utf8')).toBe('cũ');
    expect(await readFile(path.join(root, 'content/sotuphap/tin-tuc/b.mdx'), 'utf8')).toBe('giữ');
    expect((await readdir(path.join(root, 'content/sotuphap/tep/tin-tuc'))).sort()).toEqual(['a']);
  });

  it('never writes through a linked folder into the repository, however the path is spelt', async () => {
    const seen = await withOverlay(
      root,
      'sotuphap',
      [
        { path: 'content/sotuphap/tep/../van-ban/c.mdx', content: 'sửa' },
        { path: 'content/sotuphap//van-ban/d.mdx', content: 'mới' },
      ],
      async (overlay) => (await readdir(path.join(overlay, 'content/sotuphap/van-ban'))).sort(),
    );
    expect(seen).toEqual(['c.mdx', 'd.mdx']);
    expect(await readFile(path.join(root, 'content/sotuphap/van-ban/c.mdx'), 'utf8')).toBe('văn bản');
    expect(await readdir(path.join(root, 'content/sotuphap/van-ban'))).toEqual(['c.mdx']);
  });
});
