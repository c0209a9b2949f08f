import { html } from 'hono/html';
import type { ContentProblem } from '#src/content-source/problems.ts';
import { formatNumber } from '#src/text/format-number.ts';
import type { BuildRecord } from '#src/build/build-history.ts';
import type { SiteBuildStatus } from '../health.ts';
import type { DepartmentRef, Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { layout } from '#server/platform/ui/layout.ts';

export const OPERATIONS_PATH = '/quan-tri/van-hanh/';

export interface SiteOperations {
  site: { id: string; name: string };
  lastBuild: SiteBuildStatus;
  history: BuildRecord[];
  /** null when links were not checked (province overview, or no content repository). */
  brokenLinks: ContentProblem[] | null;
}

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' }) : '—';
const seconds = (ms: number) => `${formatNumber(Math.round(ms / 100) / 10)} giây`;

function who(triggeredBy: string): string {
  const [kind, name] = triggeredBy.split(':', 2);
  if (kind === 'cli') return `Dòng lệnh (${name})`;
  if (kind === 'publish') return `Đăng tải bởi ${name}`;
  return triggeredBy;
}

function siteBlock(s: SiteOperations) {
  // The newest build that went live says which entries are off the site now (ADR 0045).
  const excluded = s.history.find((r) => r.result === 'success')?.excluded ?? [];
  return html`<section aria-labelledby="trang-${s.site.id}">
    <h2 id="trang-${s.site.id}">${s.site.name}</h2>
    <p>${s.lastBuild.ok ? html`Dựng lần cuối: ${when(s.lastBuild.builtAt)}, ${formatNumber(s.lastBuild.pages ?? 0)} trang.` : html`<strong>Chưa dựng trang hoặc không đọc được build-info.json.</strong>`}</p>
    <table>
      <caption>Lịch sử dựng trang (mới nhất trước)</caption>
      <thead><tr><th scope="col">Thời điểm</th><th scope="col">Người kích hoạt</th><th scope="col">Thời gian dựng</th><th scope="col">Số trang</th><th scope="col">Kết quả</th></tr></thead>
      <tbody>
        ${s.history.length === 0
          ? html`<tr><td colspan="5">Chưa có lần dựng nào được ghi lại.</td></tr>`
          : s.history.map(
              (r) => html`<tr><td>${when(r.at)}</td><td>${who(r.triggeredBy)}</td><td>${seconds(r.durationMs)}</td><td>${r.pages === null ? '—' : formatNumber(r.pages)}</td><td>${r.result === 'success' ? (r.excluded?.length ? `Thành công, bỏ qua ${r.excluded.length} bài lỗi` : 'Thành công') : `Thất bại (${r.errorCode ?? 'lỗi'})`}</td></tr>`,
            )}
      </tbody>
    </table>
    ${excluded.length
      ? html`<table>
          <caption>Bài lỗi không được đưa lên trang ở lần dựng gần nhất (${formatNumber(excluded.length)})</caption>
          <thead><tr><th scope="col">Tệp</th><th scope="col">Vấn đề</th></tr></thead>
          <tbody>${excluded.map((p) => html`<tr><td>${p.file}</td><td>${p.message}</td></tr>`)}</tbody>
        </table>`
      : ''}
    ${s.brokenLinks === null
      ? ''
      : s.brokenLinks.length === 0
        ? html`<p>Không có liên kết nội bộ hỏng.</p>`
        : html`<table>
            <caption>Liên kết nội bộ hỏng (${formatNumber(s.brokenLinks.length)})</caption>
            <thead><tr><th scope="col">Tệp</th><th scope="col">Dòng</th><th scope="col">Vấn đề</th></tr></thead>
            <tbody>${s.brokenLinks.map((p) => html`<tr><td>${p.file}</td><td>${p.line ?? p.field ?? '—'}</td><td>${p.message}</td></tr>`)}</tbody>
          </table>`}
  </section>`;
}

export function operationsPage(props: { site: Site; actor: AccountRecord; sites: SiteOperations[]; departments: DepartmentRef[]; chosen: string | null }) {
  return layout(
    { title: 'Vận hành', site: props.site, account: props.actor },
    html`<h1>Tình hình vận hành trang</h1>
      <p class="hint">Cán bộ chuyên trách CNTT kiểm tra thường xuyên tình hình vận hành của trang (Điều 17, khoản 4). Trạng thái máy chủ: <a href="/healthz">/healthz</a>.</p>
      ${props.site.kind === 'portal' && props.actor.role === 'admin'
        ? html`<ul class="nav-list">${props.departments.map((d) => html`<li><a href="${OPERATIONS_PATH}?don-vi=${d.id}">${d.name}</a></li>`)}</ul>`
        : ''}
      ${props.sites.map(siteBlock)}`,
  );
}
