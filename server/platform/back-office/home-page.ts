import { html } from 'hono/html';
import { ROLE_LABELS } from '#src/schema/roles.ts';
import type { Site } from '../http/site-for-host.ts';
import type { CredentialIssue } from '#server/accounts/index.ts';
import type { AccountRecord } from '../storage/records.ts';
import { credentialHistory } from '#server/accounts/index.ts';
import { layout } from '../ui/layout.ts';
import { sectionLabels } from '../ui/section-checkboxes.ts';

export function homePage(props: {
  site: Site;
  account: AccountRecord;
  notice?: string;
  /** One-time passwords given to this account and the first sign-in after each (docs/adr/0017). */
  ownHistory?: readonly CredentialIssue[];
  /** The same for the head's whole board; null for anyone else. */
  boardHistory?: readonly CredentialIssue[] | null;
}) {
  const { site, account, notice, ownHistory = [], boardHistory = null } = props;
  return layout(
    { title: 'Trang chính', site, account },
    html`<h1>Xin chào, ${account.fullName}</h1>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
      <dl class="summary-list">
        <dt>Tên đăng nhập</dt>
        <dd>${account.username}</dd>
        <dt>Vai trò</dt>
        <dd>${ROLE_LABELS[account.role]}</dd>
        ${account.sections.length > 0 ? html`<dt>Chuyên mục được phân công</dt><dd>${sectionLabels(account.sections)}</dd>` : ''}
        ${account.delegations.length > 0
          ? html`<dt>Được ủy quyền</dt><dd>${account.delegations.map((r) => (r === 'verify' ? 'Xác thực tin' : 'Đăng tải tin')).join(', ')}</dd>`
          : ''}
        <dt>Hộp thư công vụ</dt>
        <dd>${account.email ?? 'Chưa có'}</dd>
      </dl>
      <section aria-labelledby="cap-mat-khau">
        <h2 id="cap-mat-khau">Mật khẩu của bạn</h2>
        <p class="hint">Mỗi lần tài khoản được cấp mật khẩu và lần đăng nhập đầu tiên sau đó. Nếu có lần nào không phải bạn đề nghị hoặc không phải bạn đăng nhập, hãy đổi mật khẩu và báo ngay cho Trưởng Ban Biên tập.</p>
        ${credentialHistory({ issues: ownHistory, caption: 'Các lần cấp mật khẩu cho tài khoản của bạn' })}
      </section>
      ${boardHistory
        ? html`<section aria-labelledby="cap-mat-khau-ban">
            <h2 id="cap-mat-khau-ban">Cấp mật khẩu trong Ban Biên tập</h2>
            ${credentialHistory({ issues: boardHistory, caption: 'Các lần cấp mật khẩu gần đây', showAccount: true })}
          </section>`
        : ''}`,
  );
}
