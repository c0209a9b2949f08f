import { html } from 'hono/html';
import { sectionInfo, type SectionId } from '#src/schema/sections.ts';
import type { WorkflowStep } from '../content-repository/workflow-record.ts';
import { EVENT_LABELS, STATE_LABELS, type WorkflowState } from '../workflow-labels.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { formatTime } from '#server/platform/ui/labels.ts';
import { layout } from '#server/platform/ui/layout.ts';

/** The steps this page offers as buttons, with the slug of the address each posts to. */
export const ENTRY_ACTION_SLUGS = {
  unpublish: 'go-bai',
  'publish-urgently': 'dang-khan',
  'review-urgent': 'ra-soat-dang-khan',
} as const;
export type EntryAction = keyof typeof ENTRY_ACTION_SLUGS;

/** Confirmations carried in the redirect's query string: only these fixed texts can appear. */
const NOTICES: Record<string, string> = {
  'go-bai': 'Đã gỡ bài khỏi Website; bài trở về bước nhập mới để sửa.',
  'dang-khan': 'Đã đăng tải khẩn. Bài nằm trong danh sách chờ rà soát trên trang Giám sát nội dung cho đến khi một người khác rà soát.',
  'ra-soat-dang-khan': 'Đã ghi nhận rà soát bài đăng khẩn.',
};

export interface EntryHistoryView {
  site: Site;
  actor: AccountRecord;
  section: SectionId;
  slug: string;
  title: string | null;
  /** null: neither live nor being worked on (deleted or discarded). */
  state: WorkflowState | null;
  steps: WorkflowStep[];
  /** An urgent publication of this entry still waiting for its review. */
  urgent?: { by: { name: string; username: string }; reason: string; at: string } | null;
  actions?: EntryAction[];
  /** A key of NOTICES (from the query string) or nothing. */
  notice?: string;
  error?: string;
}

const person = (step: WorkflowStep) => (step.by.username ? `${step.by.name} (${step.by.username})` : step.by.name || '—');

function actionForms(view: EntryHistoryView) {
  const base = `/quan-tri/bai-viet/${view.section}/${view.slug}`;
  const actions = view.actions ?? [];
  if (actions.length === 0) return '';
  return html`<section aria-labelledby="actions-heading">
    <h2 id="actions-heading">Thao tác</h2>
    ${actions.includes('unpublish')
      ? html`<form method="post" action="${base}/${ENTRY_ACTION_SLUGS.unpublish}">
          <p>Gỡ bài khỏi Website ngay; bài trở về bước nhập mới để sửa rồi đăng lại qua ba bước.</p>
          <button type="submit">Gỡ bài khỏi Website</button>
        </form>`
      : ''}
    ${actions.includes('publish-urgently')
      ? html`<form method="post" action="${base}/${ENTRY_ACTION_SLUGS['publish-urgently']}">
          <p>Tin khẩn (Điều 9): Trưởng Ban đăng ngay không chờ xác thực. Lý do được ghi vào lịch sử bài, và bài chờ một người khác rà soát.</p>
          <label for="reason">Lý do đăng khẩn</label>
          <textarea id="reason" name="reason" required minlength="15" maxlength="2000" rows="3"></textarea>
          <button type="submit">Đăng tải khẩn</button>
        </form>`
      : ''}
    ${actions.includes('review-urgent')
      ? html`<form method="post" action="${base}/${ENTRY_ACTION_SLUGS['review-urgent']}">
          <p>Bạn đã đọc lại bài đăng khẩn và xác nhận nội dung chính xác.</p>
          <button type="submit">Xác nhận đã rà soát</button>
        </form>`
      : ''}
  </section>`;
}

/**
 * Who did each Điều 19 step of one entry, and when: read from the content
 * repository's commit trailers (ADR 0040), oldest first, so the page reads
 * in the order the work was done.
 */
export function entryHistoryPage(view: EntryHistoryView) {
  const { steps } = view;
  const last = steps.at(-1);
  const heading = view.title ?? view.slug;
  const notice = view.notice && Object.hasOwn(NOTICES, view.notice) ? NOTICES[view.notice] : undefined;
  return layout(
    { title: `Lịch sử bài: ${heading}`, site: view.site, account: view.actor },
    html`<h1>Lịch sử bài: ${heading}</h1>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
      ${view.error ? html`<div class="error-summary" role="alert"><p>${view.error}</p></div>` : ''}
      <dl class="facts">
        <dt>Chuyên mục</dt>
        <dd>${sectionInfo(view.section).label}</dd>
        <dt>Trạng thái</dt>
        <dd>${view.state ? STATE_LABELS[view.state] : 'Đã gỡ hoặc đã huỷ'}</dd>
        <dt>Cập nhật lần cuối</dt>
        <dd>${last ? html`<time datetime="${last.at}">${formatTime(Date.parse(last.at))}</time>, ${person(last)}` : '—'}</dd>
        ${view.urgent
          ? html`<dt>Đăng khẩn chờ rà soát</dt>
              <dd>
                ${view.urgent.by.name} (${view.urgent.by.username}),
                <time datetime="${view.urgent.at}">${formatTime(Date.parse(view.urgent.at))}</time>. Lý do: ${view.urgent.reason}
              </dd>`
          : ''}
      </dl>
      ${actionForms(view)}
      ${steps.length === 0
        ? html`<p>Bài này có từ trước khi dùng quy trình biên tập; chưa có bước nào được ghi lại.</p>`
        : html`<table>
            <caption>Các bước nhập mới, xác thực, đăng tải (Điều 19), cũ nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Thời gian</th>
                <th scope="col">Bước</th>
                <th scope="col">Người thực hiện</th>
                <th scope="col">Trạng thái sau bước</th>
              </tr>
            </thead>
            <tbody>
              ${steps.map(
                (step) => html`<tr>
                  <td><time datetime="${step.at}">${formatTime(Date.parse(step.at))}</time></td>
                  <td>${EVENT_LABELS[step.event] ?? step.event}</td>
                  <td>${person(step)}</td>
                  <td>${step.state ? STATE_LABELS[step.state] : '—'}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}`,
  );
}
