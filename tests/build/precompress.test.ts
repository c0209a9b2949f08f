import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressTree } from '#src/build/precompress.ts';

const page = (n: number) =>
  `<!doctype html><html lang="vi"><body>${`<p>Thủ tục hành chính số ${n}${'</p>'.repeat(200)}`}</body></html>`;
let work: string;
afterEach(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('pre-compression after a publication', () => {
  it('copies the live compressed files of unchanged pages and compresses the changed ones', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'congso-precompress-'));
    const live = path.join(work, 'live');
    const next = path.join(work, 'next');
    for (const dir of [live, next]) await mkdir(path.join(dir, 'a'), { recursive: true });
    await writeFile(path.join(live, 'a', 'index.html'), page(1));
    await writeFile(path.join(live, 'b.html'), page(2));
    await precompressTree(live);
    // A marker the compressor could never produce: seeing it in `next` proves the copy.
    await writeFile(path.join(live, 'a', 'index.html.br'), 'from-live');

    await writeFile(path.join(next, 'a', 'index.html'), page(1));
    await writeFile(path.join(next, 'b.html'), page(3));
    await precompressTree(next, { liveCounterpart: (file) => path.join(live, path.relative(next, file)) });

    expect(await readFile(path.join(next, 'a', 'index.html.br'), 'utf8')).toBe('from-live');
    expect((await readFile(path.join(next, 'b.html.br'))).toString()).not.toBe(
      (await readFile(path.join(live, 'b.html.br'))).toString(),
    );
  });
});
