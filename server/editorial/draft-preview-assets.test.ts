import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSiteFilesInline } from './draft-preview-assets.ts';

let site: string;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'congso-inline-'));
  await mkdir(path.join(site, '_astro'), { recursive: true });
  await mkdir(path.join(site, 'tep', 'tin-tuc'), { recursive: true });
  await writeFile(path.join(site, '_astro', 'Base.abc.css'), 'main{color:#222}');
  await writeFile(path.join(site, '_astro', 'Bad.abc.css'), 'p{}</style><script>alert(1)</script>');
  await writeFile(path.join(site, 'tep', 'tin-tuc', 'anh.png'), PNG);
  await writeFile(path.join(path.dirname(site), 'ngoai.png'), PNG);
});
afterAll(() => rm(site, { recursive: true, force: true }));

describe("a preview page carries the site's own files (docs/adr/0106)", () => {
  it('puts the stylesheets in as <style> and the images as data: addresses', async () => {
    const page =
      '<head><link rel="stylesheet" href="/_astro/Base.abc.css"></head><main><img src="/tep/tin-tuc/anh.png" alt="Ảnh"></main>';
    const html = await withSiteFilesInline(page, site);
    expect(html).toContain('<style>main{color:#222}</style>');
    expect(html).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="Ảnh">`);
  });

  it('leaves alone a stylesheet that would end its element, a missing file and a path out of the site', async () => {
    const page = [
      '<link rel="stylesheet" href="/_astro/Bad.abc.css">',
      '<img src="/tep/tin-tuc/khong-co.png">',
      '<img src="/tep/..%2F..%2Fngoai.png">',
    ].join('');
    expect(await withSiteFilesInline(page, site)).toBe(page);
  });
});
