import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkContent } from '#src/checks/content-checks.ts';
import { createSite, InvalidAbbreviationError, SiteExistsError } from '#src/build/new-site.ts';

const province = fileURLToPath(new URL('../../sites/_province.yaml', import.meta.url));
let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'congso-new-site-'));
  await cp(province, path.join(root, 'sites/_province.yaml'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('npm run new-site', () => {
  it('derives the address of Điều 3 from the name and writes a site that passes check', async () => {
    const site = await createSite({ root, name: 'Sở Công Thương', today: new Date('2025-03-01') });
    expect(site).toMatchObject({
      id: 'socongthuong',
      abbr: 'congthuong',
      domains: ['socongthuong.thuathienhue.gov.vn', 'scongthuong.hue.gov.vn'],
    });
    const report = await checkContent(root);
    expect(report.problems).toEqual([]);
    expect(report.sites[0]!.entries).toHaveLength(8);
  });

  it('takes the initials of names joined by "và"', async () => {
    const site = await createSite({ root, name: 'Sở Kế hoạch và Đầu tư' });
    expect(site.id).toBe('sokhdt');
  });

  it('writes YAML with Vietnamese comments and placeholders an editor must fill', async () => {
    await createSite({ root, name: 'Sở Y tế' });
    const text = await readFile(path.join(root, 'sites/soyte.yaml'), 'utf8');
    expect(text).toMatch(/^# .*Điều 3/m);
    expect(text).toContain('CẦN ĐIỀN');
    expect(parseYaml(text)).toMatchObject({ name: 'Sở Y tế' });
  });

  it('keeps an abbreviation given by hand in the YAML', async () => {
    const site = await createSite({ root, name: 'Sở Giao thông vận tải', abbr: 'gtvt' });
    expect(site.id).toBe('sogtvt');
    expect(parseYaml(await readFile(path.join(root, 'sites/sogtvt.yaml'), 'utf8'))).toMatchObject({ abbr: 'gtvt' });
    expect((await checkContent(root)).problems).toEqual([]);
  });

  it('refuses an existing id and leaves its files alone', async () => {
    await createSite({ root, name: 'Sở Tư pháp' });
    const before = await readFile(path.join(root, 'sites/sotuphap.yaml'), 'utf8');
    await expect(createSite({ root, name: 'Sở Tư pháp' })).rejects.toMatchObject({
      code: SiteExistsError.code,
      data: { id: 'sotuphap' },
    });
    expect(await readFile(path.join(root, 'sites/sotuphap.yaml'), 'utf8')).toBe(before);
  });

  it('refuses an abbreviation with diacritics', async () => {
    await expect(createSite({ root, name: 'Sở Tư pháp', abbr: 'tưpháp' })).rejects.toMatchObject({
      code: InvalidAbbreviationError.code,
    });
  });
});
