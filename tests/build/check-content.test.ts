import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContentProblem } from '#src/content-source/problems.ts';
import { checkContent } from '#src/checks/content-checks.ts';

const root = fileURLToPath(new URL('../fixtures/check-content/', import.meta.url));

/** Each fixture site has exactly one thing wrong, named after it. */
describe('npm run check names the file and the problem', () => {
  let problems: ContentProblem[];
  beforeAll(async () => {
    problems = (await checkContent(root)).problems;
  });
  const of = (site: string) =>
    problems.filter((p) => p.file.startsWith(`content/${site}/`) || p.file === `sites/${site}.yaml`);

  it('a frontmatter field with a wrong value: file and field', () => {
    expect(of('sosaitruong')).toEqual([
      expect.objectContaining({
        file: 'content/sosaitruong/van-ban/qd-2567-2007-quy-che-website.mdx',
        field: 'documentType',
        kind: 'schema',
      }),
    ]);
  });

  it('a folder that is not one of the eight sections', () => {
    expect(of('solachuyenmuc')).toEqual([
      expect.objectContaining({ file: 'content/solachuyenmuc/tin-tuc-cu', kind: 'unknown-section' }),
    ]);
  });

  it('a title typed with combining marks (not NFC): the field and the line', () => {
    const found = of('sochuanhoa');
    const file = 'content/sochuanhoa/tin-tuc/ra-mat-trang-thong-tin.mdx';
    expect(found).toContainEqual(expect.objectContaining({ file, field: 'title', kind: 'schema' }));
    expect(found).toContainEqual(expect.objectContaining({ file, line: 2, kind: 'not-nfc' }));
  });

  it('a required Điều 7 section with no entry', () => {
    expect(of('sothieumuc')).toEqual([
      expect.objectContaining({ file: 'content/sothieumuc/gop-y/', kind: 'missing-section' }),
    ]);
  });

  it('broken internal links, a missing media file and two files at one address', () => {
    const found = of('solienket');
    const file = 'content/solienket/tin-tuc/ra-mat-trang-thong-tin.mdx';
    expect(found).toContainEqual(expect.objectContaining({ file, kind: 'broken-link', line: expect.any(Number) }));
    expect(found).toContainEqual(expect.objectContaining({ file, kind: 'missing-file' }));
    expect(found).toContainEqual(
      expect.objectContaining({ file: 'content/solienket/danh-ba/van-phong.mdx', kind: 'duplicate-slug' }),
    );
    // The link to an existing entry is fine.
    expect(found.filter((p) => p.kind === 'broken-link')).toHaveLength(1);
  });

  it('finds nothing wrong with a clean site, checked alone', async () => {
    const report = await checkContent(root, ['sotuphap']);
    expect(report.problems).toEqual([]);
    expect(report.sites.map((s) => s.department.id)).toEqual(['sotuphap']);
  });

  it('says when an asked-for site does not exist', async () => {
    const report = await checkContent(root, ['sokhongco']);
    expect(report.problems).toEqual([expect.objectContaining({ file: 'sites/sokhongco.yaml', kind: 'unknown-site' })]);
  });
});

describe('entries that change on time (docs/adr/0049)', () => {
  const NEWS = 'content/sotuphap/tin-tuc/ra-mat-trang-thong-tin.mdx';
  async function withMoments(moments: string) {
    const copy = await mkdtemp(path.join(tmpdir(), 'congso-dung-hen-'));
    await cp(path.join(root, 'sites'), path.join(copy, 'sites'), { recursive: true });
    await cp(path.join(root, 'content', 'sotuphap'), path.join(copy, 'content', 'sotuphap'), { recursive: true });
    const source = await readFile(path.join(copy, NEWS), 'utf8');
    await writeFile(path.join(copy, NEWS), source.replace(/^---\n/, `---\n${moments}\n`));
    try {
      return await checkContent(copy, ['sotuphap']);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }

  it('refuses an entry that would leave the site before it arrives, naming the field', async () => {
    const report = await withMoments('publishAt: 2026-12-10T08:00:00+07:00\nexpireAt: 2026-12-09T08:00:00+07:00');
    expect(report.problems).toEqual([expect.objectContaining({ file: NEWS, field: 'expireAt', kind: 'timed-window' })]);
  });

  it('checks an entry whose time has not come, but gives the build (and its search index) only what is on the site now', async () => {
    const report = await withMoments('publishAt: 2999-01-01T08:00:00+07:00');
    expect(report.problems).toEqual([]);
    expect(report.sites[0]!.entries.map((e) => e.file)).not.toContain(NEWS);
    const now = await withMoments('publishAt: 2020-01-01T08:00:00+07:00');
    expect(now.sites[0]!.entries.map((e) => e.file)).toContain(NEWS);
  });
});
