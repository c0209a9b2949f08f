import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-policy.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { errorSummary, field, type FormErrors, NO_ERRORS } from '#server/platform/ui/form-errors.ts';
import { layout } from '#server/platform/ui/layout.ts';

export interface ChangePasswordPageProps {
  site: Site;
  account: AccountRecord;
  errors?: FormErrors;
}

export function changePasswordPage({ site, account, errors = NO_ERRORS }: ChangePasswordPageProps) {
  const firstTime = account.mustChangePassword;
  return layout(
    { title: 'Đổi mật khẩu', site, account, navigation: !firstTime },
    html`<h1>Đổi mật khẩu</h1>
      ${firstTime
        ? html`<p class="notice" role="status">
            Bạn đang dùng mật khẩu dùng một lần. Hãy đặt mật khẩu mới trước khi sử dụng hệ thống (Điều 11, khoản 2).
          </p>`
        : ''}
      ${errorSummary(errors)}
      <form method="post" action="${BACK_OFFICE_PATHS.changePassword}" novalidate>
        <input type="text" name="username" value="${account.username}" autocomplete="username" hidden />
        ${field({
          id: 'currentPassword',
          label: firstTime ? 'Mật khẩu dùng một lần' : 'Mật khẩu hiện tại',
          type: 'password',
          autocomplete: 'current-password',
          required: true,
          errors,
        })}
        ${field({
          id: 'newPassword',
          label: 'Mật khẩu mới',
          type: 'password',
          autocomplete: 'new-password',
          hint: `Từ ${MIN_PASSWORD_LENGTH} đến ${MAX_PASSWORD_LENGTH} ký tự. Nên dùng một cụm từ dễ nhớ, có thể có dấu và khoảng trắng; không dùng mật khẩu phổ biến hay tên đăng nhập.`,
          required: true,
          errors,
        })}
        ${field({ id: 'confirmation', label: 'Nhập lại mật khẩu mới', type: 'password', autocomplete: 'new-password', required: true, errors })}
        <button type="submit">Đổi mật khẩu</button>
      </form>`,
  );
}
