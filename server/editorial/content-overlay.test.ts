import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptOverlays, withOverlay } from './content-overlay.ts';

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

  it('is kept between publications: follows committed changes, forgets refused ones, and is made again for another commit', async () => {
    const overlays = keptOverlays();
    const news = (overlay: string) => readdir(path.join(overlay, 'content/sotuphap/tin-tuc')).then((n) => n.sort());
    const read = (overlay: string, file: string) => readFile(path.join(overlay, 'content/sotuphap', file), 'utf8');
    try {
      const a = { path: 'content/sotuphap/tin-tuc/a.mdx', content: 'mới' };
      const n = { path: 'content/sotuphap/hoi-dap/n.mdx', content: 'hỏi' };
      expect(await overlays.check(root, 'sotuphap', 'c1', [a, n], (o) => read(o, 'tin-tuc/a.mdx'))).toBe('mới');
      expect(await readFile(path.join(root, 'content/sotuphap/tin-tuc/a.mdx'), 'utf8')).toBe('cũ');
      // Refused: main is unchanged, and so is what the next check sees.
      const seen = await overlays.check(root, 'sotuphap', 'c1', [], async (o) => ({
        news: await news(o),
        sections: (await readdir(path.join(o, 'content/sotuphap'))).sort(),
      }));
      expect(seen).toEqual({ news: ['a.mdx', 'b.mdx'], sections: ['tep', 'tin-tuc', 'van-ban'] });
      expect(await overlays.check(root, 'sotuphap', 'c1', [], (o) => read(o, 'tin-tuc/a.mdx'))).toBe('cũ');

      // Committed: the repository now holds the change, and the overlay follows it.
      await writeFile(path.join(root, a.path), a.content);
      await mkdir(path.join(root, 'content/sotuphap/hoi-dap'));
      await writeFile(path.join(root, n.path), n.content);
      await overlays.check(root, 'sotuphap', 'c1', [a, n], async () => undefined);
      await overlays.committed(root, 'c1', 'c2', [a, n]);
      const after = await overlays.check(
        root,
        'sotuphap',
        'c2',
        [{ path: 'content/sotuphap/tin-tuc/b.mdx', content: null }],
        async (o) => ({ news: await news(o), a: await read(o, 'tin-tuc/a.mdx'), n: await read(o, 'hoi-dap/n.mdx') }),
      );
      expect(after).toEqual({ news: ['a.mdx'], a: 'mới', n: 'hỏi' });
      expect(await readFile(path.join(root, 'content/sotuphap/tin-tuc/b.mdx'), 'utf8')).toBe('giữ');

      // Main moved without this gate (a restored backup): the overlay is made again from the repository.
      await writeFile(path.join(root, 'content/sotuphap/tin-tuc/z.mdx'), 'khác');
      expect(await overlays.check(root, 'sotuphap', 'c3', [], news)).toEqual(['a.mdx', 'b.mdx', 'z.mdx']);
    } finally {
      await overlays.close();
    }
  });

  it('never writes through a kept linked folder into the repository, before or after a commit', async () => {
    const overlays = keptOverlays();
    try {
      const sneaky = [
        { path: 'content/sotuphap/tep/../van-ban/c.mdx', content: 'sửa' },
        { path: 'content/sotuphap/../sotuphap/van-ban/e.mdx', content: 'mới' },
      ];
      await overlays.check(root, 'sotuphap', 'c1', sneaky, async () => undefined);
      await overlays.check(root, 'sotuphap', 'c1', sneaky, async () => undefined);
      await overlays.committed(root, 'c1', 'c2', sneaky);
      await overlays.check(root, 'sotuphap', 'c2', sneaky, async () => undefined);
      expect(await readFile(path.join(root, 'content/sotuphap/van-ban/c.mdx'), 'utf8')).toBe('văn bản');
      expect(await readdir(path.join(root, 'content/sotuphap/van-ban'))).toEqual(['c.mdx']);
    } finally {
      await overlays.close();
    }
  });

  it('keeps showing a folder of the repository after a change that named it as a file', async () => {
    const overlays = keptOverlays();
    try {
      const folderAsFile = [{ path: 'content/sotuphap/van-ban', content: 'không phải thư mục' }];
      await overlays.check(root, 'sotuphap', 'c1', folderAsFile, async () => undefined);
      const seen = await overlays.check(root, 'sotuphap', 'c1', [], (o) =>
        readdir(path.join(o, 'content/sotuphap/van-ban')),
      );
      expect(seen).toEqual(['c.mdx']);
      expect(await readdir(path.join(root, 'content/sotuphap/van-ban'))).toEqual(['c.mdx']);
    } finally {
      await overlays.close();
    }
  });
});
