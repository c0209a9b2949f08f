import { html } from 'hono/html';
import { sectionInfo, type SectionId } from '../../src/schema/sections.ts';
import type { WorkflowStep } from '../content-repo/workflow-record.ts';
import { EVENT_LABELS, STATE_LABELS, type WorkflowState } from '../lib/editorial-workflow-errors.ts';
import type { Site } from '../lib/site-for-host.ts';
import type { AccountRecord } from '../storage/records.ts';
import { formatTime } from './labels.ts';
import { layout } from './layout.ts';

export interface EntryHistoryView {
  site: Site;
  actor: AccountRecord;
  section: SectionId;
  slug: string;
  title: string | null;
  /** null: neither live nor being worked on (deleted or discarded). */
  state: WorkflowState | null;
  steps: WorkflowStep[];
}

const person = (step: WorkflowStep) => (step.by.username ? `${step.by.name} (${step.by.username})` : step.by.name || '—');

/**
 * Who did each Điều 19 step of one entry, and when: read from the content
 * repository's commit trailers (ADR 0040), oldest first, so the page reads
 * in the order the work was done.
 */
export function entryHistoryPage(view: EntryHistoryView) {
  const { steps } = view;
  const last = steps.at(-1);
  const heading = view.title ?? view.slug;
  return layout(
    { title: `Lịch sử bài: ${heading}`, site: view.site, account: view.actor },
    html`<h1>Lịch sử bài: ${heading}</h1>
      <dl class="facts">
        <dt>Chuyên mục</dt>
        <dd>${sectionInfo(view.section).label}</dd>
        <dt>Trạng thái</dt>
        <dd>${view.state ? STATE_LABELS[view.state] : 'Đã gỡ hoặc đã huỷ'}</dd>
        <dt>Cập nhật lần cuối</dt>
        <dd>${last ? html`<time datetime="${last.at}">${formatTime(Date.parse(last.at))}</time>, ${person(last)}` : '—'}</dd>
      </dl>
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
