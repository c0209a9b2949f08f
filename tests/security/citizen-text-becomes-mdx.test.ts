import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { checkContent } from '#src/checks/content-checks.ts';
import { searchRecord } from '#src/build/search-records.ts';
import { answeredQuestionMdx } from '#server/citizen-services/question-publisher.ts';
import type { CaseRecord } from '#server/platform/storage/case-records.ts';
import type { Entry } from '#src/content-source/entries.ts';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { fromIndexText } from '#src/text/search-text.ts';

/**
 * A citizen's question and the officer's answer reach the department site
 * as text, whatever they contain (docs/adr/0042). Before, they were written
 * into the MDX body: a line `export default function X() {}` became MDX ESM,
 * the entry failed the content check and every later publication of the
 * department failed with CONTENT_INVALID.
 */
const SITE = 'sotuphap';
const title = '/tep/khong-co.pdf: hỏi về {thủ tục} <b>đăng ký</b> & "khai sinh"';
const questionLines = [
  'export default function X() {}',
  "import fs from 'node:fs'",
  'export const a = 1',
  '{process.exit(1)}',
  '<Tag prop={x} />',
  '<script>alert(1)</script>',
  '<!-- chú thích ẩn -->',
  '[bấm vào đây](javascript:alert(1)) và ![ảnh](/tep/khong-co.png) <https://vi.wikipedia.org>',
  '---',
  'title: giả mạo',
  '...',
  'khoá: giá trị # - ? | > & * ! % @ ` \' " \\',
  '  # Tiêu đề giả',
];
const question = questionLines.join('\n');
const longLine = 'Theo Điều 13 Quy chế, câu trả lời được công khai. '.repeat(600);
const answerParagraphs = [
  'Kính gửi ông/bà,\n<img src=x onerror=alert(1)>',
  `${longLine.trim()}`,
  'Ký tự lạ: \u202e\u200b\ufffd\u2028 hết.',
];
const answer = answerParagraphs.join('\n\n');
const record = {
  departmentId: SITE,
  trackingCode: 'STP-2026-7KQ4-M9',
  subject: 'Hỏi về đăng ký khai sinh',
  payload: { title, question, field: 'Hộ tịch: "khai sinh" # - |', fullName: 'Nguyễn Văn Hỏi' },
} as unknown as CaseRecord;

/** As Astro escapes text in a template. */
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

let work: string;
let root: string;
let file: string;
let slug: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-citizen-text-'));
  root = path.join(work, 'content-root');
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures/build-content'), root, { recursive: true });
  const written = answeredQuestionMdx(record, answer, Date.UTC(2026, 0, 5, 3));
  slug = written.slug;
  file = `content/${SITE}/hoi-dap/${slug}.mdx`;
  await mkdir(path.join(root, `content/${SITE}/hoi-dap`));
  await writeFile(path.join(root, file), written.text);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('an answered question with hostile text', () => {
  let entry: Entry;

  it('passes the build’s full content check', async () => {
    const report = await checkContent(root, [SITE]);
    expect(report.problems).toEqual([]);
    entry = report.sites[0]!.entries.find((e) => e.file === file)!;
    expect(entry.data).toMatchObject({ title, question, answer: answer.trim() });
  });

  it('is in the search record as the words the citizen and the officer wrote', () => {
    const content = fromIndexText(searchRecord(entry).content);
    for (const line of [...questionLines.map((l) => l.trim()), 'Kính gửi ông/bà,', '<img src=x onerror=alert(1)>'])
      expect(content).toContain(line);
    expect(content).toContain(longLine.trim());
  });
});

describe('the built page of that answered question', () => {
  let html: string;
  beforeAll(async () => {
    const outDir = path.join(work, 'dist');
    const workDir = path.join(PROJECT_ROOT, '.build', `citizen-text-${process.pid}`);
    try {
      await buildSites({ contentRoot: root, outDir, sites: [SITE], workDir, precompress: false });
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
    html = await readFile(path.join(outDir, SITE, 'hoi-dap', slug, 'index.html'), 'utf8');
  }, 300_000);

  it('holds every line of the question and the answer, escaped as text', () => {
    const missing = [...questionLines, title, '<img src=x onerror=alert(1)>', longLine]
      .map((l) => escapeHtml(l.trim()))
      .filter((l) => !html.includes(l));
    expect(missing).toEqual([]);
  });

  describe.skipIf(!chromiumAvailable)('in Chromium', () => {
    let browser: Browser;
    // biome-ignore lint/suspicious/noDuplicateTestHooks: this block's own browser, started only when Chromium is there
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    it('shows the words as written, as paragraphs, and runs nothing', async () => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      const shown = await page.evaluate(() => {
        const lines = (p: Element) => (p as HTMLElement).innerText.split('\n').map((l) => l.trim());
        const section = (id: string) => [...document.querySelectorAll(`section[aria-labelledby="${id}"] p`)].map(lines);
        return {
          title: document.querySelector('h1')!.textContent,
          question: section('cau-hoi'),
          answer: section('tra-loi'),
          elements: document.querySelectorAll(
            'main script, main img, main iframe, main b, main [onerror], main a[href^="javascript:"]',
          ).length,
        };
      });
      expect(shown.title).toBe(title);
      expect(shown.question).toEqual([questionLines.map((l) => l.trim())]);
      expect(shown.answer).toEqual(answerParagraphs.map((p) => p.split('\n').map((l) => l.trim())));
      expect(shown.elements).toBe(0);
      expect(dialogs).toEqual([]);
    });
  });
});
