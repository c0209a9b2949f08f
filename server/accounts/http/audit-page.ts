import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord, AuditEntry } from '#server/platform/storage/records.ts';
import { AUDIT_ACTION_LABELS, formatTime } from '#server/platform/ui/labels.ts';
import { layout } from '#server/platform/ui/layout.ts';

function details(entry: AuditEntry): string {
  const { userAgent: _ignored, ...rest } = entry.details;
  const parts = Object.entries(rest).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  return parts.join('; ');
}

export function auditPage(props: { site: Site; actor: AccountRecord; entries: AuditEntry[]; nextBeforeId: number | null }) {
  const { site, actor, entries, nextBeforeId } = props;
  return layout(
    { title: 'Nhật ký', site, account: actor },
    html`<h1>Nhật ký tài khoản</h1>
      <p class="hint">Mọi thay đổi tài khoản và mọi lần đăng nhập không thành công (Điều 11, khoản 3 và 4).</p>
      <table>
        <caption class="visually-hidden">Nhật ký, mới nhất trước</caption>
        <thead>
          <tr>
            <th scope="col">Thời gian</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Thao tác</th>
            <th scope="col">Tài khoản</th>
            <th scope="col">Địa chỉ IP</th>
            <th scope="col">Chi tiết</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (entry) => html`<tr>
              <td>${formatTime(entry.at)}</td>
              <td>${entry.actorUsername ?? '—'}</td>
              <td>${AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</td>
              <td>${entry.targetUsername ?? '—'}</td>
              <td>${entry.ip ?? '—'}</td>
              <td>${details(entry)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${nextBeforeId !== null ? html`<p><a href="${BACK_OFFICE_PATHS.audit}?truoc=${nextBeforeId}">Xem các mục cũ hơn</a></p>` : ''}`,
  );
}
