import { html } from 'hono/html';
import type { ComplianceReport, SiteCompliance } from '#src/checks/compliance.ts';
import { REQUIRED_SECTIONS } from '#src/schema/sections.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord, AuditEntry } from '#server/platform/storage/records.ts';
import { delegationGrants } from '#server/accounts/index.ts';
import { layout } from '#server/platform/ui/layout.ts';
import { ENTRY_HISTORY_PATH } from '#server/editorial/index.ts';

export const COMPLIANCE_PATH = '/quan-tri/tuan-thu/';

const STATE_LABELS: Record<string, string> = { draft: 'Bản nháp', 'in-review': 'Chờ xác thực', ready: 'Chờ đăng tải' };

/** What the publication side adds to a site's block: entries the last rebuild left out, urgent publications waiting for review. */
export interface PublicationWatch {
  /** Entries that failed the build's check and are not on the live site (ADR 0045). */
  excluded: Array<{ file: string; message: string }>;
  /** Urgent publications by the head alone, not yet reviewed by a second person (ADR 0044). */
  urgent: Array<{ entry: string; by: string; at: string; reason: string }>;
}

function publicationBlock(w: PublicationWatch | undefined) {
  if (!w) return '';
  return html`${w.excluded.length
      ? html`<h3>Bài lỗi không được đưa lên trang</h3>
          <p>Lần dựng trang gần nhất đã bỏ qua các bài sau vì không qua được kiểm tra; trang vẫn chạy với các bài khác. Cán bộ CNTT và Ban Biên tập cần sửa hoặc gỡ các bài này.</p>
          <ul>${w.excluded.map((p) => html`<li><code>${p.file}</code>: ${p.message}</li>`)}</ul>`
      : ''}
    <table>
      <caption>Bài đăng khẩn chờ rà soát (Điều 9)</caption>
      <thead><tr><th scope="col">Bài</th><th scope="col">Người đăng</th><th scope="col">Thời gian</th><th scope="col">Lý do</th></tr></thead>
      <tbody>${w.urgent.length === 0
        ? html`<tr><td colspan="4">Không có bài đăng khẩn nào chờ rà soát.</td></tr>`
        : w.urgent.map((u) => html`<tr><td><a href="${ENTRY_HISTORY_PATH}/${u.entry}">${u.entry}</a></td><td>${u.by}</td><td>${u.at}</td><td>${u.reason}</td></tr>`)}</tbody>
    </table>`;
}

function siteBlock(s: SiteCompliance, watch?: PublicationWatch) {
  const violations = s.findings.filter((f) => f.severity === 'violation');
  const warnings = s.findings.filter((f) => f.severity === 'warning');
  const onTime = s.newsDays.filter((d) => d.status === 'on-time').length;
  const late = s.newsDays.filter((d) => d.status === 'late').length;
  return html`<section aria-labelledby="tt-${s.site}">
    <h2 id="tt-${s.site}">${s.name}: ${violations.length ? `${violations.length} vi phạm` : 'đạt'}</h2>
    <table>
      <caption>Chuyên mục bắt buộc (Điều 7)</caption>
      <thead><tr><th scope="col">Khoản</th><th scope="col">Chuyên mục</th><th scope="col">Số bài</th></tr></thead>
      <tbody>${s.sections.map((x) => html`<tr><td>${x.clause}</td><td>${REQUIRED_SECTIONS.find((r) => r.id === x.id)?.title ?? x.id}</td><td>${x.entries === 0 ? html`<strong>0 — thiếu</strong>` : x.entries}</td></tr>`)}</tbody>
    </table>
    <p>Tin đăng trước 16 giờ (Điều 9.3): ${onTime}/${s.newsDays.length} ngày làm việc đúng hạn; ${late} ngày tin trễ.</p>
    ${s.waiting === null
      ? html`<p>Không đọc được kho nội dung: chưa xét bài đang chờ trong quy trình biên tập.</p>`
      : html`<table>
          <caption>Bài đang chờ trong quy trình biên tập (Điều 19)</caption>
          <thead><tr><th scope="col">Bài</th><th scope="col">Bước</th><th scope="col">Từ ngày</th><th scope="col">Số ngày làm việc</th></tr></thead>
          <tbody>${s.waiting.length === 0
            ? html`<tr><td colspan="4">Không có bài nào đang chờ.</td></tr>`
            : s.waiting.map((w) => html`<tr><td><a href="${ENTRY_HISTORY_PATH}/${w.entry}">${w.entry}</a></td><td>${STATE_LABELS[w.state] ?? w.state}</td><td>${w.since}</td><td>${w.workingDays}</td></tr>`)}</tbody>
        </table>`}
    ${publicationBlock(watch)}
    <p>Thư điện tử trong danh bạ: ${s.emails.checked} địa chỉ, ${s.emails.invalid} sai định dạng, ${s.emails.unofficial} không thuộc tên miền chính thức.</p>
    ${violations.length + warnings.length
      ? html`<h3>Cần xử lý</h3><ul>${[...violations, ...warnings].map((f) => html`<li><strong>${f.severity === 'violation' ? 'Vi phạm' : 'Lưu ý'}:</strong> ${f.message}${f.file ? html` (<code>${f.file}</code>)` : ''}</li>`)}</ul>`
      : ''}
  </section>`;
}

export function compliancePage(props: {
  site: Site;
  actor: AccountRecord;
  report: ComplianceReport;
  watch?: Record<string, PublicationWatch>;
  delegations?: readonly AuditEntry[];
}) {
  const w = props.report.window;
  return layout(
    { title: 'Giám sát nội dung', site: props.site, account: props.actor },
    html`<h1>Giám sát nội dung trang (Điều 7, 9, 18)</h1>
      <p>Tin tức xét ${w.workingDays} ngày làm việc, từ ${w.from} đến ${w.to}. ${props.report.violations} vi phạm, ${props.report.warnings} lưu ý.</p>
      ${props.report.sites.map((s) => siteBlock(s, props.watch?.[s.site]))}
      ${props.delegations ? delegationGrants(props.delegations) : ''}`,
  );
}
