import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stageIncremental, swapIn } from './publish-site.ts';
import { minimalPdf } from './sample-pdf.ts';
import type { MediaSeen } from './site-media.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-media-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

const site = 'sotuphap';
const outDir = () => path.join(dir, 'dist');
const media = () => path.join(dir, 'tep');
const served = async () => (await readdir(path.join(outDir(), site, 'tep'), { recursive: true })).map(String).sort();

async function publish(seen?: MediaSeen): Promise<MediaSeen | undefined> {
  await mkdir(path.join(dir, 'rendered'), { recursive: true });
  const staged = await stageIncremental(outDir(), {
    site,
    liveDir: path.join(outDir(), site),
    renderedDir: path.join(dir, 'rendered'),
    rendered: [],
    removed: [],
    mediaDir: media(),
    onRefusedMedia: () => undefined,
    media: seen,
  });
  await swapIn(outDir(), site, staged.dir);
  return staged.media;
}

describe("a publication's attachments (docs/adr/0021, 0113)", () => {
  it('checks again every attachment changed since the live site was made, and keeps the others as they are', async () => {
    await mkdir(path.join(outDir(), site), { recursive: true });
    await writeFile(path.join(outDir(), site, 'index.html'), 'trang chủ');
    await mkdir(path.join(media(), '2024'), { recursive: true });
    await writeFile(path.join(media(), '2024', 'quyet-dinh.pdf'), minimalPdf(['Quyet dinh']));
    await writeFile(path.join(media(), 'ke-hoach.pdf'), minimalPdf(['Ke hoach']));
    await writeFile(path.join(media(), 'trang.html'), '<script>alert(1)</script>');
    // Seen long after they were written: their identities are kept for the next publication.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    const seen = await publish();
    expect(await served()).toEqual(['2024', '2024/quyet-dinh.pdf', 'ke-hoach.pdf']);

    await new Promise((r) => setTimeout(r, 20));
    // The same name now holds a page pretending to be a PDF; one file is gone, one is new.
    await writeFile(path.join(media(), '2024', 'quyet-dinh.pdf'), '<html><script>alert(1)</script></html>');
    await rm(path.join(media(), 'ke-hoach.pdf'));
    await writeFile(path.join(media(), 'moi.pdf'), minimalPdf(['Moi']));
    vi.setSystemTime(Date.now() + 120_000);
    const next = await publish(seen);
    expect(await served()).toEqual(['moi.pdf']);
    expect(next?.get('2024/quyet-dinh.pdf')?.allowed).toBe(false);

    // Unchanged since: nothing to check, nothing copied, the live copy stays.
    await publish(next);
    expect(await served()).toEqual(['moi.pdf']);
    expect(await readFile(path.join(outDir(), site, 'tep', 'moi.pdf'))).toEqual(minimalPdf(['Moi']));
  });
});
