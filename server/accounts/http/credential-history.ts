import { html } from 'hono/html';
import type { CredentialIssue } from '../credential-history.ts';
import { formatTime } from '#server/platform/ui/labels.ts';

/** How the one-time password reached its holder (docs/adr/0017). */
export const DELIVERY_LABELS: Record<string, string> = {
  email: 'Gửi thư tới hộp thư công vụ',
  screen: 'Hiện trên màn hình người cấp',
  operator: 'Quản trị máy chủ',
};

/**
 * Who gave this account a one-time password, when, from where, and the
 * first sign-in that followed. `showAccount` adds the account column (the
 * head's view of their whole board).
 */
export function credentialHistory(props: { issues: readonly CredentialIssue[]; caption: string; showAccount?: boolean }) {
  const { issues, caption, showAccount = false } = props;
  if (issues.length === 0) return html`<p class="hint">${caption}: chưa có.</p>`;
  return html`<table class="credential-history">
    <caption>${caption}</caption>
    <thead>
      <tr>
        ${showAccount ? html`<th scope="col">Tài khoản</th>` : ''}
        <th scope="col">Việc</th>
        <th scope="col">Thời gian</th>
        <th scope="col">Người thực hiện</th>
        <th scope="col">Từ địa chỉ IP</th>
        <th scope="col">Cách trao mật khẩu</th>
        <th scope="col">Lần đăng nhập đầu tiên sau đó</th>
      </tr>
    </thead>
    <tbody>
      ${issues.map(
        (issue) => html`<tr>
          ${showAccount ? html`<td>${issue.account ?? '—'}</td>` : ''}
          <td>${issue.kind === 'created' ? 'Tạo tài khoản' : 'Cấp lại mật khẩu'}</td>
          <td>${formatTime(issue.at)}</td>
          <td>${issue.by ?? '—'}</td>
          <td>${issue.ip ?? '—'}</td>
          <td>${issue.delivery ? (DELIVERY_LABELS[issue.delivery] ?? issue.delivery) : '—'}</td>
          <td>
            ${issue.firstSignIn
              ? html`${formatTime(issue.firstSignIn.at)}, từ ${issue.firstSignIn.ip ?? '—'}<br /><small>${issue.firstSignIn.userAgent ?? ''}</small>`
              : 'Chưa đăng nhập'}
          </td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
