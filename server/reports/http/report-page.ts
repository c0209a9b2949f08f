import { html, raw } from 'hono/html';
import { formatNumber } from '#src/text/format-number.ts';
import { barChartSvg, SERIES_COLORS } from '../svg-chart.ts';
import type { UsageFigures, UsageReport } from '../usage-report.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { layout } from '#server/platform/ui/layout.ts';

export const REPORT_PATH = '/quan-tri/bao-cao/';

export interface ReportPageProps {
  site: Site;
  actor: AccountRecord;
  /** What the form shows: the period asked for (even when invalid). */
  periodInput: string;
  /** `''` for the whole province; offered only to the administrator. */
  siteFilter: string;
  departments: ReadonlyArray<{ id: string; name: string }>;
  /** Absent when the period could not be read. */
  report?: UsageReport;
  previous?: string;
  next?: string;
  error?: string;
}

const num = (n: number | null) => (n === null ? '—' : formatNumber(n));

function query(period: string, siteFilter: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ky: period, ...(siteFilter ? { 'don-vi': siteFilter } : {}), ...extra });
  return `${REPORT_PATH}?${params.toString()}`;
}

function figureCells(f: UsageFigures) {
  return html`<td>${num(f.received)}</td><td>${num(f.accepted)}</td><td>${num(f.resolved)}</td><td>${num(f.resolvedOnTime)}</td
    ><td>${num(f.resolvedLate)}</td><td>${num(f.overdueNow)}</td><td>${num(f.averageHandlingDays)}</td><td>${num(f.averageRating)}${
      f.rated > 0 ? html` (${num(f.rated)} lượt)` : ''
    }</td>`;
}

const FIGURE_HEADERS = html`<th scope="col">Tiếp nhận</th><th scope="col">Đã thụ lý</th><th scope="col">Đã giải quyết</th
  ><th scope="col">Đúng hạn</th><th scope="col">Trễ hạn</th><th scope="col">Đang quá hạn</th
  ><th scope="col">Ngày làm việc xử lý bình quân</th><th scope="col">Điểm hài lòng (1–5)</th>`;

function chartOf(id: string, title: string, rows: ReadonlyArray<{ label: string; f: UsageFigures }>) {
  const total = rows.reduce((n, r) => n + r.f.received, 0);
  const onTime = rows.reduce((n, r) => n + r.f.resolvedOnTime, 0);
  const late = rows.reduce((n, r) => n + r.f.resolvedLate, 0);
  const overdue = rows.reduce((n, r) => n + r.f.overdueNow, 0);
  const svg = barChartSvg({
    id,
    title,
    desc: `Tổng cộng ${total} yêu cầu tiếp nhận, ${onTime} giải quyết đúng hạn, ${late} giải quyết trễ hạn, ${overdue} đang quá hạn. Số liệu chi tiết ở bảng bên dưới biểu đồ.`,
    categories: rows.map((r) => r.label),
    series: [
      { label: 'Tiếp nhận', color: SERIES_COLORS.received, values: rows.map((r) => r.f.received) },
      { label: 'Đúng hạn', color: SERIES_COLORS.onTime, values: rows.map((r) => r.f.resolvedOnTime) },
      { label: 'Trễ hạn', color: SERIES_COLORS.late, values: rows.map((r) => r.f.resolvedLate) },
      { label: 'Đang quá hạn', color: SERIES_COLORS.overdue, values: rows.map((r) => r.f.overdueNow) },
    ],
  });
  return html`<figure class="report-chart">${raw(svg)}</figure>`;
}

function table(caption: string, firstHeader: string, rows: ReadonlyArray<{ label: string; f: UsageFigures }>, totals: UsageFigures) {
  return html`<table>
    <caption>${caption}</caption>
    <thead>
      <tr><th scope="col">${firstHeader}</th>${FIGURE_HEADERS}</tr>
    </thead>
    <tbody>
      ${rows.map((r) => html`<tr><th scope="row">${r.label}</th>${figureCells(r.f)}</tr>`)}
    </tbody>
    <tfoot>
      <tr><th scope="row">Tổng cộng</th>${figureCells(totals)}</tr>
    </tfoot>
  </table>`;
}

function scopeName(report: UsageReport): string {
  return report.scope === 'province' ? 'Toàn tỉnh' : (report.sites[0]?.site.name ?? '');
}

function body(props: ReportPageProps) {
  const { report } = props;
  if (!report) return '';
  return html`<p>
      ${props.previous ? html`<a href="${query(props.previous, props.siteFilter)}">← Kỳ trước</a> · ` : ''}
      ${props.next ? html`<a href="${query(props.next, props.siteFilter)}">Kỳ sau →</a> · ` : ''}
      <a href="${query(report.period.id, props.siteFilter, { 'dinh-dang': 'csv' })}" download>Tải CSV (Excel)</a> ·
      <a href="${query(report.period.id, props.siteFilter, { 'dinh-dang': 'json' })}">Tải JSON</a>
    </p>
    ${reportFigures(report)}`;
}

/** The figures, charts and tables of a report: shared by the back-office page and the CLI's HTML file. */
export function reportFigures(report: UsageReport) {
  const t = report.totals;
  const serviceRows = report.services.map((r) => ({ label: r.label, f: r }));
  const siteRows = report.sites.map((s) => ({ label: s.site.name, f: s.totals }));
  const when = new Date(report.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
  return html`<h2>${report.period.label} · ${scopeName(report)}</h2>
    <p class="hint">Từ ngày ${report.period.firstDay.split('-').reverse().join('/')} đến hết ngày ${report.period.lastDay.split('-').reverse().join('/')} (giờ Việt Nam). Số hồ sơ quá hạn tính đến ${when}.</p>
    <dl class="summary-list">
      <dt>Yêu cầu tiếp nhận</dt><dd>${num(t.received)}</dd>
      <dt>Đã giải quyết</dt><dd>${num(t.resolved)} (đúng hạn ${num(t.resolvedOnTime)}, trễ hạn ${num(t.resolvedLate)})</dd>
      <dt>Đang quá hạn</dt><dd>${num(t.overdueNow)}</dd>
      <dt>Góp ý dự thảo, góp ý về trang</dt><dd>${num(report.comments)}</dd>
      <dt>Câu hỏi đã trả lời</dt><dd>${num(report.questionsAnswered)}</dd>
      <dt>Mức hài lòng</dt><dd>${t.rated > 0 ? `${num(t.averageRating)}/5 (${num(t.satisfied)}/${num(t.rated)} lượt hài lòng)` : 'Chưa có lượt đánh giá'}</dd>
    </dl>
    <h2 id="theo-dich-vu">Theo dịch vụ</h2>
    ${chartOf('bieu-do-dich-vu', `Yêu cầu theo dịch vụ, ${report.period.label}`, serviceRows)}
    ${table(`Số liệu theo dịch vụ, ${report.period.label}`, 'Dịch vụ', serviceRows, t)}
    ${report.scope === 'province'
      ? html`<h2 id="theo-don-vi">Theo đơn vị</h2>
          ${chartOf('bieu-do-don-vi', `Yêu cầu theo đơn vị, ${report.period.label}`, siteRows)}
          ${table(`Số liệu theo đơn vị, ${report.period.label}`, 'Đơn vị', siteRows, t)}`
      : ''}
    <p class="hint">Đúng hạn: giải quyết xong trước khi hết thời hạn (tính theo ngày làm việc, trừ ngày nghỉ lễ, Tết). Đang quá hạn: chưa giải quyết xong và đã quá thời hạn.</p>`;
}

/** The usage report of Điều 16: figures, charts (each with its table) and downloads. */
export function reportPage(props: ReportPageProps) {
  const isAdmin = props.actor.role === 'admin';
  return layout(
    { title: 'Báo cáo dịch vụ công', site: props.site, account: props.actor },
    html`<h1>Báo cáo tình hình sử dụng dịch vụ công trực tuyến</h1>
      <p class="hint">Báo cáo định kỳ theo Điều 16 Quy chế: hằng tuần cho lãnh đạo đơn vị; hằng tháng, quý, năm cho UBND tỉnh.</p>
      ${props.error ? html`<div class="error-summary" role="alert"><h2>Không lập được báo cáo</h2><p>${props.error}</p></div>` : ''}
      <form method="get" action="${REPORT_PATH}">
        <div class="field${props.error ? ' field-invalid' : ''}">
          <label for="ky">Kỳ báo cáo</label>
          <p class="hint" id="ky-goi-y">Tuần 2026-W48, tháng 2026-11, quý 2026-Q4 hoặc năm 2026.</p>
          <input type="text" id="ky" name="ky" value="${props.periodInput}" aria-describedby="ky-goi-y" />
        </div>
        ${isAdmin && props.site.kind === 'portal'
          ? html`<div class="field">
              <label for="don-vi">Đơn vị</label>
              <select id="don-vi" name="don-vi">
                <option value="" ${props.siteFilter === '' ? 'selected' : ''}>Toàn tỉnh</option>
                ${props.departments.map((d) => html`<option value="${d.id}" ${props.siteFilter === d.id ? 'selected' : ''}>${d.name}</option>`)}
              </select>
            </div>`
          : ''}
        <button type="submit">Xem báo cáo</button>
      </form>
      ${body(props)}`,
  );
}

/** A self-contained HTML file of the report, as `npm run report -- --format html` writes it: no server, no network. */
export function reportDocument(report: UsageReport) {
  return html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Báo cáo dịch vụ công trực tuyến – ${report.period.label}</title>
    <style>
      body { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1b1b1b; max-width: 64rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }
      table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
      caption { text-align: left; font-weight: 700; }
      th, td { border-bottom: 1px solid #b1b4b6; text-align: left; padding: .4rem .5rem .4rem 0; }
      .summary-list { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; }
      .summary-list dt { font-weight: 700; }
      .hint { color: #505a5f; }
      figure { margin: 1rem 0; overflow-x: auto; }
    </style>
  </head>
  <body>
    <main>
      <h1>Báo cáo tình hình sử dụng dịch vụ công trực tuyến</h1>
      ${reportFigures(report)}
    </main>
  </body>
</html>`;
}
