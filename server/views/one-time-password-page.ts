import { html } from 'hono/html';
import { ROLE_LABELS } from '../../src/schema/roles.ts';
import { BACK_OFFICE_PATHS } from '../lib/back-office-paths.ts';
import type { Site } from '../lib/site-for-host.ts';
import type { AccountRecord } from '../storage/records.ts';
import { formatTime } from './labels.ts';
import { layout } from './layout.ts';

/** Shown once, right after creation or reset; the password exists nowhere else in clear. */
export function oneTimePasswordPage(props: { site: Site; actor: AccountRecord; account: AccountRecord; oneTimePassword: string; created: boolean }) {
  const { site, actor, account, oneTimePassword, created } = props;
  return layout(
    { title: created ? 'Đã tạo tài khoản' : 'Đã cấp lại mật khẩu', site, account: actor },
    html`<h1>${created ? 'Đã tạo tài khoản' : 'Đã cấp lại mật khẩu'}</h1>
      <div class="panel" role="status">
        <dl class="summary-list">
          <dt>Họ và tên</dt>
          <dd>${account.fullName}</dd>
          <dt>Vai trò</dt>
          <dd>${ROLE_LABELS[account.role]}</dd>
          <dt>Tên đăng nhập</dt>
          <dd><code class="secret" id="ten-dang-nhap">${account.username}</code></dd>
          <dt>Mật khẩu dùng một lần</dt>
          <dd><code class="secret" id="mat-khau-mot-lan">${oneTimePassword}</code></dd>
        </dl>
      </div>
      <p><strong>Mật khẩu này chỉ hiện một lần.</strong> Hãy trao trực tiếp cho ${account.fullName}.
        Mật khẩu hết hạn lúc ${account.passwordExpiresAt ? formatTime(account.passwordExpiresAt) : ''} (sau 72 giờ) và chỉ dùng để đặt mật khẩu mới ở lần đăng nhập đầu tiên.</p>
      <p><a href="${BACK_OFFICE_PATHS.accounts}">Quay lại danh sách tài khoản</a></p>`,
  );
}
