import { html } from 'hono/html';
import { ROLE_LABELS } from '#src/schema/roles.ts';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { Delivery } from '../account-service.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { formatTime } from '#server/platform/ui/labels.ts';
import { layout } from '#server/platform/ui/layout.ts';

/**
 * Right after creation or reset (docs/adr/0017). Mailed: where it went, never
 * the password. Otherwise shown once — the password exists nowhere else in
 * clear — and the reader is told they are now its recorded witness.
 */
export function oneTimePasswordPage(props: { site: Site; actor: AccountRecord; account: AccountRecord; oneTimePassword?: string; delivery: Delivery; created: boolean }) {
  const { site, actor, account, oneTimePassword, delivery, created } = props;
  const expires = account.passwordExpiresAt ? formatTime(account.passwordExpiresAt) : '';
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
          ${delivery.channel === 'email'
            ? html`<dt>Mật khẩu dùng một lần</dt>
                <dd id="da-gui-thu">Đã gửi tới ${delivery.maskedAddress}</dd>`
            : html`<dt>Mật khẩu dùng một lần</dt>
                <dd><code class="secret" id="mat-khau-mot-lan">${oneTimePassword}</code></dd>`}
        </dl>
      </div>
      ${delivery.channel === 'email'
        ? html`<p>Mật khẩu dùng một lần chỉ được gửi tới hộp thư công vụ của ${account.fullName}; bạn không nhìn thấy nó.
            Mật khẩu hết hạn lúc ${expires} (sau 72 giờ) và chỉ dùng để đặt mật khẩu mới ở lần đăng nhập đầu tiên.</p>`
        : html`<p><strong>Mật khẩu này chỉ hiện một lần.</strong> Hãy trao trực tiếp cho ${account.fullName}.
              Mật khẩu hết hạn lúc ${expires} (sau 72 giờ) và chỉ dùng để đặt mật khẩu mới ở lần đăng nhập đầu tiên.</p>
            <p class="hint">Vì bạn đã nhìn thấy mật khẩu này, hệ thống ghi nhận bạn là người đã biết mật khẩu của tài khoản ${account.username}:
              trong quy trình biên tập (Điều 19), hai tài khoản được coi là cùng một người cho đến khi mật khẩu được cấp lại qua hộp thư công vụ.
              Người nhận thấy việc cấp mật khẩu này trên trang chính của mình.</p>`}
      <p><a href="${BACK_OFFICE_PATHS.accounts}">Quay lại danh sách tài khoản</a></p>`,
  );
}
