import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { formatNumber } from '#src/text/format-number.ts';
import { SUPPRESS_BELOW, type PublicCount, type PublicStatistics } from '../public-statistics.ts';

const shown = (count: PublicCount) => (count === 'suppressed' ? `dưới ${SUPPRESS_BELOW}` : formatNumber(count));

/** One small table per service, a month per row: readable on a phone and by a screen reader. */
export function publicStatisticsMain(stats: PublicStatistics, updatedAt: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<article class="dv-statistics">
    <h1>Thống kê tình hình giải quyết dịch vụ công trực tuyến</h1>
    <p>Số yêu cầu cơ quan tiếp nhận trực tuyến và số đã giải quyết đúng hạn, theo tháng (Điều 16). Số liệu được cập nhật hằng ngày; lần cập nhật gần nhất: ${updatedAt}.</p>
    <p>Để bảo vệ thông tin cá nhân, số từ 1 đến ${SUPPRESS_BELOW - 1} được ghi là “dưới ${SUPPRESS_BELOW}”.</p>
    ${stats.rows.map(
      (row) => html`<table class="dv-table">
        <caption>${row.label}</caption>
        <thead><tr><th scope="col">Tháng</th><th scope="col">Tiếp nhận</th><th scope="col">Giải quyết đúng hạn</th></tr></thead>
        <tbody>
          ${stats.months.map(
            (month, i) => html`<tr><th scope="row">${month.label}</th><td>${shown(row.cells[i]!.received)}</td><td>${shown(row.cells[i]!.resolvedOnTime)}</td></tr>`,
          )}
        </tbody>
      </table>`,
    )}
  </article>`;
}
