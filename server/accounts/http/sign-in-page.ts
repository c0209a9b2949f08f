import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import { errorSummary, field, type FormErrors, NO_ERRORS } from '#server/platform/ui/form-errors.ts';
import { layout } from '#server/platform/ui/layout.ts';

export interface SignInPageProps {
  site: Site;
  username?: string;
  returnTo?: string;
  notice?: string;
  errors?: FormErrors;
}

export function signInPage({ site, username, returnTo, notice, errors = NO_ERRORS }: SignInPageProps) {
  return layout(
    { title: 'Đăng nhập', site },
    html`<h1>Đăng nhập</h1>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''} ${errorSummary(errors)}
      <form method="post" action="${BACK_OFFICE_PATHS.signIn}${returnTo ? `?tiep=${encodeURIComponent(returnTo)}` : ''}" novalidate>
        ${field({
          id: 'username',
          label: 'Tên đăng nhập',
          hint: 'Viết tắt họ và chữ đệm, rồi tên đầy đủ, không dấu. Ví dụ: Nguyễn Văn An → nvan.',
          value: username,
          autocomplete: 'username',
          required: true,
          errors,
        })}
        ${field({ id: 'password', label: 'Mật khẩu', type: 'password', autocomplete: 'current-password', required: true, errors })}
        <button type="submit">Đăng nhập</button>
      </form>
      <p class="hint">Lần đầu đăng nhập, hãy dùng mật khẩu dùng một lần do người quản lý cấp; bạn sẽ được yêu cầu đặt mật khẩu mới.</p>`,
  );
}
