import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Everything that changes `main` goes live through one gate (ADR 0045): the
 * publication gate is the only caller of the commit to main, and nothing
 * else in the server or the command-line tools commits to main by itself.
 * A new writer that bypasses the gate fails here, naming its file.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

async function sources(dir: string): Promise<string[]> {
  const names = await readdir(path.join(ROOT, dir), { recursive: true });
  return names
    .map(String)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .map((n) => path.join(dir, n));
}

describe('one way to change main', () => {
  it('only the publication gate commits a change of main', async () => {
    const offenders: string[] = [];
    for (const file of [...(await sources('server')), ...(await sources('scripts')), ...(await sources('src'))]) {
      const text = await readFile(path.join(ROOT, file), 'utf8');
      if (
        /commitMainChange\(/.test(text) &&
        !/export async function commitMainChange/.test(text) &&
        !file.endsWith('publication-gate.ts')
      )
        offenders.push(file);
      if (/branch:\s*MAIN\b/.test(text) && !file.endsWith(path.join('content-repository', 'entry-store.ts')))
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
