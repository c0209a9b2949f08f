import { html } from 'hono/html';
import type { AuditEntry } from '#server/platform/storage/records.ts';
import { DELEGATION_LABELS, formatTime } from '#server/platform/ui/labels.ts';

const rights = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? value.map((r) => DELEGATION_LABELS[r as keyof typeof DELEGATION_LABELS] ?? String(r)).join(', ') : 'không';

/**
 * Who was given the right to verify or publish, by whom and when (Điều 19;
 * docs/adr/0017): a right granted to an account someone else could sign in
 * as is how four eyes become two, so the grants are shown with the checks.
 */
export function delegationGrants(entries: readonly AuditEntry[]) {
  return html`<section aria-labelledby="uy-quyen">
    <h2 id="uy-quyen">Ủy quyền xác thực, đăng tải (Điều 19)</h2>
    ${entries.length === 0
      ? html`<p>Chưa có lần ủy quyền nào.</p>`
      : html`<table>
          <caption>Các lần ủy quyền gần đây, mới nhất trước</caption>
          <thead><tr><th scope="col">Thời gian</th><th scope="col">Người ủy quyền</th><th scope="col">Tài khoản được ủy quyền</th><th scope="col">Trước</th><th scope="col">Sau</th></tr></thead>
          <tbody>${entries.map(
            (e) => html`<tr><td>${formatTime(e.at)}</td><td>${e.actorUsername ?? '—'}</td><td>${e.targetUsername ?? '—'}</td><td>${rights(e.details.from)}</td><td>${rights(e.details.to)}</td></tr>`,
          )}</tbody>
        </table>`}
  </section>`;
}
