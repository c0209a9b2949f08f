import path from 'node:path';
import { validateContent } from '../src/content-source/validate.ts';
import { formatProblems } from '../src/content-source/problems.ts';

/** `npm run check`: validates every site and its content, exits non-zero with a readable list. */
const root = path.resolve(process.env.CONGSO_CONTENT_ROOT ?? process.cwd());
const report = await validateContent(root);
const entries = report.sites.reduce((n, s) => n + s.entries.length, 0);
if (report.problems.length) {
  console.error(`✗ ${report.problems.length} lỗi trong nội dung:\n${formatProblems(report.problems)}`);
  process.exit(1);
}
console.log(`✓ ${report.sites.length} trang, ${entries} bài: nội dung hợp lệ.`);
