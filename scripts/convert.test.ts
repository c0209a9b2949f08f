import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { legacyFixtureName, readFixture } from '#tests/text/helpers/fixtures.ts';

const SCRIPT = fileURLToPath(new URL('./convert.ts', import.meta.url));
const corpus = readFixture('corpus.unicode.txt');
const english = readFixture('english.txt');
const LINES = corpus.split('\n').filter((line) => /[^\x00-\x7f]/.test(line)).length;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function convert(cwd: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;

function write(relative: string, content: string | Uint8Array): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const read = (relative: string): string => readFileSync(path.join(dir, relative), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'congso-convert-'));
  write(
    'content/so-tu-phap/tin-tuc/quyet-dinh.mdx',
    `---\ntitle: Quyết định\n---\n${readFixture(legacyFixtureName('tcvn3'))}`,
  );
  write('content/so-tu-phap/van-ban/quy-che.md', readFixture(legacyFixtureName('vni')));
  write('content/so-y-te/gioi-thieu.yaml', readFixture(legacyFixtureName('viqr')));
  write('content/so-y-te/nfd.html', `<p>${'Thừa Thiên Huế'.normalize('NFD')}</p>\n<p>Huế</p>\n`);
  write('content/so-y-te/unicode.txt', corpus);
  write('content/so-y-te/english.csv', english);
  write('content/so-y-te/anh.png', 'Céng hoµ');
  write('content/.git/notes.md', 'Céng hoµ x· héi chñ nghÜa ViÖt Nam');
  // Long ago, so a rewrite would show.
  utimesSync(path.join(dir, 'content/so-y-te/unicode.txt'), new Date('2020-01-01'), new Date('2020-01-01'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run convert', () => {
  it('converts a folder in place, one line per changed file and a summary', async () => {
    const run = await convert(dir, 'content');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${path.join('content', 'so-tu-phap', 'tin-tuc', 'quyet-dinh.mdx')}: TCVN3 (ABC), ${LINES} dòng đã chuyển`,
      `${path.join('content', 'so-tu-phap', 'van-ban', 'quy-che.md')}: VNI-Windows, ${LINES} dòng đã chuyển`,
      `${path.join('content', 'so-y-te', 'gioi-thieu.yaml')}: VIQR, ${LINES} dòng đã chuyển`,
      `${path.join('content', 'so-y-te', 'nfd.html')}: Unicode dựng sẵn (TCVN 6909:2001), 1 dòng đã chuyển`,
      'Đã chuyển 4 trong 6 tệp sang Unicode dựng sẵn (TCVN 6909:2001), 2 tệp không cần chuyển.',
    ]);
    expect(read('content/so-tu-phap/tin-tuc/quyet-dinh.mdx')).toBe(`---\ntitle: Quyết định\n---\n${corpus}`);
    expect(read('content/so-tu-phap/van-ban/quy-che.md')).toBe(corpus);
    expect(read('content/so-y-te/gioi-thieu.yaml')).toBe(corpus);
    expect(read('content/so-y-te/nfd.html')).toBe('<p>Thừa Thiên Huế</p>\n<p>Huế</p>\n');
  });

  it('leaves unchanged files untouched, and other files and hidden folders alone', async () => {
    await convert(dir, 'content');
    expect(statSync(path.join(dir, 'content/so-y-te/unicode.txt')).mtime.getUTCFullYear()).toBe(2020);
    expect(read('content/so-y-te/english.csv')).toBe(english);
    expect(read('content/so-y-te/anh.png')).toBe('Céng hoµ');
    expect(read('content/.git/notes.md')).toBe('Céng hoµ x· héi chñ nghÜa ViÖt Nam');
  });

  it('says so when a second run finds nothing to do', async () => {
    await convert(dir, 'content');
    const run = await convert(dir, 'content');
    expect(run.stdout.trim()).toBe(
      'Đã chuyển 0 trong 6 tệp sang Unicode dựng sẵn (TCVN 6909:2001), 6 tệp không cần chuyển.',
    );
  });

  it('writes into a new folder mirroring the tree with --out, leaving the source as it was', async () => {
    const before = read('content/so-tu-phap/van-ban/quy-che.md');
    const run = await convert(dir, '--out', 'unicode', 'content');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('; kết quả ở thư mục unicode.');
    expect(read('content/so-tu-phap/van-ban/quy-che.md')).toBe(before);
    expect(read('unicode/so-tu-phap/van-ban/quy-che.md')).toBe(corpus);
    expect(read('unicode/so-tu-phap/tin-tuc/quyet-dinh.mdx')).toBe(`---\ntitle: Quyết định\n---\n${corpus}`);
    expect(read('unicode/so-y-te/unicode.txt')).toBe(corpus);
    expect(read('unicode/so-y-te/english.csv')).toBe(english);
    expect(existsSync(path.join(dir, 'unicode/so-y-te/anh.png'))).toBe(false);
    expect(existsSync(path.join(dir, 'unicode/.git'))).toBe(false);
  });

  it('converts one file with a given encoding', async () => {
    const run = await convert(dir, '--from', 'vni', 'content/so-tu-phap/van-ban/quy-che.md');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`quy-che.md: VNI-Windows, ${LINES} dòng đã chuyển`);
    expect(read('content/so-tu-phap/van-ban/quy-che.md')).toBe(corpus);
  });

  it('reads files saved as raw 8-bit TCVN3 and writes them as UTF-8', async () => {
    write('raw.txt', Uint8Array.from([0x43, 0xe9, 0x6e, 0x67, 0x20, 0x68, 0x6f, 0xb5, 0x0a]));
    const run = await convert(dir, 'raw.txt');
    expect(run.stdout).toContain('raw.txt: TCVN3 (ABC), tệp 8-bit, 1 dòng đã chuyển');
    expect(read('raw.txt')).toBe('Cộng hoà\n');
  });

  it('stops on a missing path, naming it', async () => {
    const run = await convert(dir, 'khong-co');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('“khong-co”');
    expect(run.stdout).toBe('');
  });

  it('stops on an unknown --from, naming it and changing nothing', async () => {
    const before = read('content/so-tu-phap/van-ban/quy-che.md');
    const run = await convert(dir, '--from', 'tcvn5', 'content');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('“tcvn5”');
    expect(run.stderr).toContain('npm run convert -- [--from tcvn3|vni|viqr|auto]');
    expect(read('content/so-tu-phap/van-ban/quy-che.md')).toBe(before);
  });

  it('stops with the usage when no path is given', async () => {
    const run = await convert(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('npm run convert -- [--from tcvn3|vni|viqr|auto]');
  });
});
