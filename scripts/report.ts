import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDepartments } from '#src/content-source/departments.ts';
import type { CaseRecord } from '#server/reports/index.ts';
import { inMemoryCaseSource, listCasesForReport } from '#server/reports/index.ts';
import { InvalidPeriodError, parsePeriod } from '#server/reports/index.ts';
import { usageReportCsv } from '#server/reports/index.ts';
import { computeUsageReport } from '#server/reports/index.ts';
import { reportDocument, reportFiguresView } from '#server/reports/index.ts';
import { siteList } from './cli/args.ts';
import { exitOnRefusal } from './cli/exit-on-refusal.ts';
import { openStorage } from '#server/platform/storage/open-storage.ts';
import { storageCaseSource } from '#server/reports/index.ts';

/**
 * `npm run report -- --period 2026-W48|2026-11|2026-Q4|2026 [--site <id>]
 * --format html|csv|json [--out <file>] [--cases <cases.json>]`: the usage
 * report of Điều 16 for one department (or several) or the whole province.
 * Cases come from the server's storage (SQLite, or PostgreSQL with
 * DATABASE_URL), or from `--cases` (a JSON array of report records).
 * `--now` fixes "overdue now" for reproducible reports.
 */
exitOnRefusal();
const USAGE =
  'Cách dùng: npm run report -- --period 2026-11 [--site sotuphap] --format html|csv|json [--out tệp] [--cases cases.json]';
const { values } = parseArgs({
  options: {
    period: { type: 'string' },
    site: { type: 'string', multiple: true },
    format: { type: 'string', default: 'csv' },
    out: { type: 'string' },
    cases: { type: 'string' },
    now: { type: 'string' },
    'content-root': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(2);
}

if (!values.period) fail('Thiếu --period.');
if (!['html', 'csv', 'json'].includes(values.format!)) fail(`Định dạng "${values.format}" không được hỗ trợ.`);
let period: ReturnType<typeof parsePeriod>;
try {
  period = parsePeriod(values.period);
} catch (error) {
  if (error instanceof InvalidPeriodError) fail(error.message);
  throw error;
}
const root = path.resolve(values['content-root'] ?? process.env.CONGSO_CONTENT_ROOT ?? process.cwd());
const departments = await loadDepartments(root);
const only = siteList(values.site);
const unknown = only.filter((id) => !departments.some((d) => d.id === id));
if (unknown.length) fail(`Không có trang: ${unknown.join(', ')}.`);
const sites = departments
  .filter((d) => only.length === 0 || only.includes(d.id))
  .map((d) => ({ id: d.id, name: d.name }));
const storage = values.cases ? null : await openStorage(process.env);
await storage?.migrate();
const source = storage
  ? storageCaseSource(
      storage,
      departments.map((d) => d.id),
    )
  : inMemoryCaseSource(JSON.parse(await readFile(values.cases!, 'utf8')) as CaseRecord[]);
const cases = await listCasesForReport(source, { sites: sites.map((s) => s.id), from: period.from, to: period.to });
await storage?.close();
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) fail(`--now "${values.now}" không phải thời điểm hợp lệ.`);
const report = computeUsageReport({ period, sites, scope: only.length === 0 ? 'province' : 'department', cases, now });

const output =
  values.format === 'csv'
    ? usageReportCsv(report)
    : values.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : String(await reportDocument(reportFiguresView(report)));
if (values.out) {
  await writeFile(values.out, output);
  console.error(`✓ Đã ghi báo cáo ${report.period.label} vào ${values.out}.`);
} else {
  process.stdout.write(output);
}
