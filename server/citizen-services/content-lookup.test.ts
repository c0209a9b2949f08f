import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentLookup } from './content-lookup.ts';

/** A form may name only what is on the site now (docs/adr/0049). */
const SEED = path.resolve(import.meta.dirname, '../../tests/fixtures/build-content');
const SHOWN_AT = Date.parse('2026-12-07T01:00:00Z');
const GONE_AT = Date.parse('2026-12-20T10:00:00Z');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'congso-tra-cuu-noi-dung-'));
  await cp(SEED, root, { recursive: true });
  await writeFile(
    path.join(root, 'content/sotuphap/gop-y/du-thao-hen-gio.mdx'),
    `---\ntitle: Dự thảo công bố hẹn giờ\nsummary: Dự thảo được công bố vào sáng thứ Hai.\ndate: 2026-12-01\ndrafter: Sở Tư pháp\ndraft: { label: Dự thảo, file: /tep/mau/du-thao-mau.pdf }\nopens: 2026-12-01\ncloses: 2026-12-31\npublishAt: ${new Date(SHOWN_AT).toISOString()}\nexpireAt: ${new Date(GONE_AT).toISOString()}\n---\n\nNội dung.\n`,
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the content a citizen’s form refers to', () => {
  it('knows a consultation only between its publish-at and expire-at moments, even from the cache', async () => {
    // Half a minute apart: the second answer comes from the cached list, filtered at its own moment.
    let now = SHOWN_AT - 30_000;
    const lookup = createContentLookup(root, () => now);
    expect(await lookup.consultation('sotuphap', 'du-thao-hen-gio')).toBeNull();
    now = SHOWN_AT;
    expect(await lookup.consultation('sotuphap', 'du-thao-hen-gio')).toMatchObject({
      slug: 'du-thao-hen-gio',
      title: 'Dự thảo công bố hẹn giờ',
    });
    now = GONE_AT;
    expect(await lookup.consultation('sotuphap', 'du-thao-hen-gio')).toBeNull();
    expect(await lookup.consultation('sotuphap', 'du-thao-mau')).toMatchObject({ slug: 'du-thao-mau' });
  });
});
