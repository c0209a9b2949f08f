import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readTextFiles, withOneReading } from './read-files.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'congso-read-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

const read = (files: string[]) => withOneReading(() => readTextFiles(dir, files));

describe('reading the files of a check', () => {
  it('sees a file rewritten with text of the same length, even after the file had settled', async () => {
    await writeFile(path.join(dir, 'a.mdx'), 'tiêu đề bản A');
    // Seen long after it was written: its text is kept for the next checks.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    expect(await read(['a.mdx'])).toEqual(['tiêu đề bản A']);
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(path.join(dir, 'a.mdx'), 'tiêu đề bản B');
    expect(await read(['a.mdx', 'khong-co.mdx'])).toEqual(['tiêu đề bản B', null]);
  });
});
