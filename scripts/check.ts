import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblems } from '#src/content-source/problems.ts';
import { checkContent } from '#src/checks/content-checks.ts';
import { englishPagesFindings } from '#src/checks/english-pages.ts';
import { runComplianceCheck } from './cli/compliance-report.ts';
import { siteList } from './cli/args.ts';
import { exitOnRefusal } from './cli/exit-on-refusal.ts';
import { formatCount } from '#src/text/table-format.ts';

/**
 * `npm run check [-- --site <id>]`: schemas, MDX safety, the eight Điều 7
 * sections, Unicode NFC (Điều 8.2), duplicate addresses and internal links.
 * Exits non-zero with a list naming each file (line, field) and its problem.
 * Then names each department whose English pages (Nghị định 42/2022/NĐ-CP) are
 * missing or older than the Vietnamese they translate: a warning, since the
 * Vietnamese pages never wait for their translation (docs/adr/0023-english-pages.md).
 * `--compliance [--as-of YYYY-MM-DD] [--news-days 30] [--news-every-day] [--repo data/content]`
 * checks the editorial board's duties instead (Điều 7, 9, 18e; docs/adr/0061-compliance-rules.md).
 */
exitOnRefusal();
const { values } = parseArgs({
  options: {
    site: { type: 'string', multiple: true },
    'content-root': { type: 'string' },
    compliance: { type: 'boolean' },
    'as-of': { type: 'string' },
    'news-days': { type: 'string' },
    'news-every-day': { type: 'boolean' },
    repo: { type: 'string' },
  },
});
const root = path.resolve(values['content-root'] ?? process.env.CONGSO_CONTENT_ROOT ?? process.cwd());
const sites = siteList(values.site);
if (values.compliance) {
  process.exit(
    await runComplianceCheck({
      root,
      sites,
      asOf: values['as-of'],
      newsDays: values['news-days'],
      newsEveryDay: values['news-every-day'],
      repo: values.repo,
    }),
  );
}
const report = await checkContent(root, sites);
const english = englishPagesFindings(report.sites);
if (english.length) {
  const departments = [...new Set(english.map((f) => f.site))];
  console.warn(
    `⚠ Trang tiếng Anh (Nghị định 42/2022/NĐ-CP) thiếu hoặc cũ hơn bản tiếng Việt ở ${formatCount(departments.length)} đơn vị:`,
  );
  for (const f of english) console.warn(`  - ${f.site}: ${f.message} (${f.file})`);
}
if (report.problems.length) {
  const files = new Set(report.problems.map((p) => p.file)).size;
  console.error(
    `✗ ${formatCount(report.problems.length)} lỗi trong ${formatCount(files)} tệp:\n${formatProblems(report.problems)}`,
  );
  process.exit(1);
}
const entries = report.sites.reduce((n, s) => n + s.entries.length, 0);
console.log(
  `✓ ${report.sites.length} trang, ${formatCount(entries)} bài: nội dung hợp lệ (lược đồ, MDX, đủ 8 chuyên mục Điều 7, Unicode NFC, liên kết nội bộ).`,
);
