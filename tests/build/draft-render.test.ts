import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { createWarmRenderers, type WarmRenderers } from '#src/build/warm-renderers.ts';

/**
 * A draft's page drawn by the site's own code (docs/adr/0106): the warm
 * renderer renders the entry's route with the draft in place of the live
 * entry, and puts nothing live — neither now nor at the next publication.
 */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/build-content');
const SITE = 'sotuphap';
const NEWS = `content/${SITE}/tin-tuc/huong-dan-dang-ky-khai-sinh.mdx`;
const PROCEDURE = `content/${SITE}/thu-tuc-hanh-chinh/thu-tuc-mau.mdx`;
const workDir = path.join(PROJECT_ROOT, '.build', `test-draft-render-${process.pid}`);

let work: string;
let contentRoot: string;
let outDir: string;
let renderers: WarmRenderers;

/** Every file of the live site with its digest: what a citizen can be served. */
async function liveSite(): Promise<Record<string, string>> {
  const dir = path.join(outDir, SITE);
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
  const out: Record<string, string> = {};
  for (const d of names) {
    const file = path.join(d.parentPath, d.name);
    out[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-draft-'));
  contentRoot = path.join(work, 'content');
  outDir = path.join(work, 'dist');
  await cp(FIXTURE, contentRoot, { recursive: true });
  renderers = createWarmRenderers({ contentRoot, outDir, workDir: path.join(workDir, 'warm'), precompress: false });
}, 60_000);

afterAll(async () => {
  await renderers?.close();
  await rm(work, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

describe('rendering a draft through the warm renderer', () => {
  it('warms a cold site by publishing what is live, then shows the draft as its page, changing nothing live', async () => {
    const text = await readFile(path.join(contentRoot, NEWS), 'utf8');
    const draft = text
      .replace(/^title: .*$/m, 'title: "Bản nháp: đăng ký khai sinh qua Cổng dịch vụ công"')
      .concat('\nĐoạn chỉ có trong bản nháp zqdraft1.\n');
    const result = await renderers.renderDraft(SITE, NEWS, draft);
    expect(result.ok).toBe(true);
    const html = result.ok ? result.html : '';
    // The site's own page: its shell, the news item's meta line with the category's Vietnamese label, the source line.
    expect(html).toContain('<h1>Bản nháp: đăng ký khai sinh qua Cổng dịch vụ công</h1>');
    expect(html).toContain('zqdraft1');
    expect(html).toContain('Chuyên mục: Phổ biến pháp luật');
    expect(html).toContain('Tin: Ban Biên tập');
    expect(html).toContain('08:00, ngày 10 tháng 01 năm 2025');
    expect(renderers.running()).toEqual([SITE]);

    const before = await liveSite();
    const page = path.join(outDir, SITE, 'tin-tuc', 'huong-dan-dang-ky-khai-sinh', 'index.html');
    expect(await readFile(page, 'utf8')).not.toContain('zqdraft1');
    // A new entry only the draft has, and a procedure whose tables are drawn.
    const added = await renderers.renderDraft(SITE, `content/${SITE}/tin-tuc/chi-trong-ban-nhap.mdx`, draft);
    expect(added.ok && added.html).toContain('zqdraft1');
    const procedure = (await readFile(path.join(contentRoot, PROCEDURE), 'utf8')).replace(
      'Tiếp nhận hồ sơ',
      'Tiếp nhận hồ sơ zqstep',
    );
    const drawn = await renderers.renderDraft(SITE, PROCEDURE, procedure);
    expect(drawn.ok && drawn.html).toMatch(/<table[\s\S]*zqstep/);
    expect(await liveSite()).toEqual(before);

    // The next publication is of main, as if no draft had been drawn.
    const published = await renderers.publish(SITE);
    expect(published.mode).toBe('incremental');
    expect(await readFile(page, 'utf8')).not.toContain('zqdraft1');
    expect(await readFile(page, 'utf8')).toContain('Hướng dẫn đăng ký khai sinh trực tuyến');
    const files = Object.keys(await liveSite());
    expect(files.some((f) => f.includes('chi-trong-ban-nhap'))).toBe(false);
    expect(files.filter((f) => f.endsWith('.html')).length).toBe(published.pages);
  }, 300_000);

  it('lists a draft that fails validation as problems, in Vietnamese, and keeps rendering afterwards', async () => {
    const text = await readFile(path.join(contentRoot, NEWS), 'utf8');
    const broken = text.replace(/^category: .*$/m, 'category: khong-co').replace(/^title: .*$/m, 'title: ""');
    const result = await renderers.renderDraft(SITE, NEWS, broken);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.field).sort()).toEqual(['category', 'title']);
    for (const p of problems) expect(p.message).toMatch(/[ạ-ỹđ]/i);
    const unsafe = await renderers.renderDraft(SITE, NEWS, `${text}\n<script>alert(1)</script>\n`);
    expect(unsafe.ok).toBe(false);
    const elsewhere = await renderers.renderDraft(SITE, 'content/soyte/tin-tuc/x.mdx', text);
    expect(elsewhere.ok ? [] : elsewhere.problems.map((p) => p.kind)).toEqual(['draft-file']);
    expect((await renderers.renderDraft(SITE, NEWS, text)).ok).toBe(true);
  }, 120_000);
});
