import { REQUIRED_SECTIONS as SECTIONS } from '#src/schema/sections.ts';
import { endOfVietnamDay } from '#src/calendar/working-days.ts';
import { complianceRecord } from '#server/editorial/index.ts';
import { openContentRepository } from '#server/editorial/index.ts';
import { checkCompliance, type ComplianceReport } from '#src/checks/compliance.ts';
import { formatCount } from '#src/text/table-format.ts';

export interface ComplianceCliOptions {
  root: string;
  sites: string[];
  /** `YYYY-MM-DD` (judged at the end of that day in Vietnam) or absent for now. */
  asOf?: string;
  newsDays?: string;
  newsEveryDay?: boolean;
  /** Folder of the content repository, for the workflow and urgent-news rules. */
  repo?: string;
}

const STATE_LABELS: Record<string, string> = { draft: 'bản nháp', 'in-review': 'chờ xác thực', ready: 'chờ đăng tải' };

export function formatComplianceReport(report: ComplianceReport): string {
  const lines: string[] = [];
  const w = report.window;
  lines.push(
    `Giám sát nội dung (Điều 7, 9, 18e) — tin tức xét ${formatCount(w.workingDays)} ngày làm việc từ ${w.from} đến ${w.to}.`,
  );
  for (const s of report.sites) {
    const violations = s.findings.filter((f) => f.severity === 'violation');
    lines.push('', `${violations.length ? '✗' : '✓'} ${s.name} (${s.site})`);
    const missing = s.sections.filter((x) => x.entries === 0);
    lines.push(`  Chuyên mục Điều 7: ${SECTIONS.length - missing.length}/${SECTIONS.length} có bài.`);
    const onTime = s.newsDays.filter((d) => d.status === 'on-time').length;
    const late = s.newsDays.filter((d) => d.status === 'late').length;
    lines.push(`  Tin trước 16 giờ: ${onTime}/${s.newsDays.length} ngày làm việc; ${late} ngày tin trễ.`);
    if (s.waiting) {
      const byState = Object.entries(STATE_LABELS).map(([state, label]) => {
        const items = s.waiting!.filter((x) => x.state === state);
        const oldest = Math.max(0, ...items.map((x) => x.workingDays));
        return `${label} ${items.length}${items.length ? ` (lâu nhất ${oldest} ngày làm việc)` : ''}`;
      });
      lines.push(`  Bài đang chờ: ${byState.join('; ')}.`);
    }
    if (s.urgent)
      lines.push(
        `  Tin khẩn đã đăng qua quy trình: ${s.urgent.length}${s.urgent.length ? `, chậm nhất ${Math.max(...s.urgent.map((u) => u.minutes))} phút` : ''}.`,
      );
    lines.push(
      `  Thư điện tử danh bạ: ${s.emails.checked} địa chỉ, ${s.emails.invalid} sai cú pháp, ${s.emails.unofficial} ngoài tên miền chính thức.`,
    );
    for (const f of violations) lines.push(`  ✗ [${f.rule}] ${f.file ? `${f.file}: ` : ''}${f.message}`);
    const warnings = s.findings.filter((f) => f.severity === 'warning');
    if (warnings.length)
      lines.push(
        `  ! ${warnings.length} cảnh báo: ${[...new Set(warnings.map((f) => f.rule))].join(', ')} (thêm --news-every-day để coi là vi phạm).`,
      );
  }
  lines.push(
    '',
    report.violations
      ? `✗ ${formatCount(report.violations)} vi phạm, ${formatCount(report.warnings)} cảnh báo.`
      : `✓ Không có vi phạm (${formatCount(report.warnings)} cảnh báo).`,
  );
  return lines.join('\n');
}

/** `npm run check -- --compliance`: prints the dashboard, returns the exit code (1 when a rule is broken). */
export async function runComplianceCheck(options: ComplianceCliOptions): Promise<number> {
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
    console.error(`✗ --as-of phải có dạng YYYY-MM-DD, nhận được "${options.asOf}".`);
    return 2;
  }
  const newsDays = options.newsDays === undefined ? undefined : Number(options.newsDays);
  if (newsDays !== undefined && !(Number.isInteger(newsDays) && newsDays > 0 && newsDays <= 366)) {
    console.error(`✗ --news-days phải là số ngày từ 1 đến 366.`);
    return 2;
  }
  const repo = options.repo ? await openContentRepository({ dir: options.repo }) : undefined;
  const report = await checkCompliance({
    root: options.root,
    sites: options.sites,
    asOf: options.asOf ? endOfVietnamDay(options.asOf) : new Date(),
    newsDays,
    newsEveryDay: options.newsEveryDay,
    workflow: repo ? complianceRecord(repo) : undefined,
  });
  const text = formatComplianceReport(report);
  if (report.violations) console.error(text);
  else console.log(text);
  return report.violations ? 1 : 0;
}
