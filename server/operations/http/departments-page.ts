import { html } from 'hono/html';
import { ROLE_LABELS } from '#src/schema/roles.ts';
import type { IssuedPassword } from '#server/accounts/index.ts';
import type { DepartmentRef, Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { errorSummary, field, NO_ERRORS, type FormErrors } from '#server/platform/ui/form-errors.ts';
import { layout } from '#server/platform/ui/layout.ts';

export const DEPARTMENTS_PATH = '/quan-tri/don-vi/';

const NOTICES: Record<string, string> = {
  'da-doi-ten': 'Đã đổi tên đơn vị; trang được dựng lại với tên mới.',
  'da-go': 'Đã gỡ trang đơn vị và vô hiệu hóa các tài khoản của đơn vị.',
};
export const departmentNotice = (key: string | undefined) => (key && Object.hasOwn(NOTICES, key) ? NOTICES[key] : undefined);

export interface DepartmentsPageProps {
  site: Site;
  actor: AccountRecord;
  departments: readonly DepartmentRef[];
  values?: Record<string, string | undefined>;
  errors?: FormErrors;
  notice?: string;
}

/**
 * The province administrator's list of departments (docs/adr/0104): each
 * with its addresses, a form to rename it and one to take it down, and the
 * form that opens a new one with its first two accounts.
 */
export function departmentsPage(props: DepartmentsPageProps) {
  const errors = props.errors ?? NO_ERRORS;
  const v = props.values ?? {};
  return layout(
    { title: 'Đơn vị', site: props.site, account: props.actor },
    html`<h1>Các đơn vị và trang của họ</h1>
      ${props.notice ? html`<p class="notice" role="status">${props.notice}</p>` : ''}
      ${errorSummary(errors)}
      <table>
        <caption>Đơn vị đang có trang (${props.departments.length})</caption>
        <thead><tr><th scope="col">Đơn vị</th><th scope="col">Mã</th><th scope="col">Địa chỉ (Điều 3)</th><th scope="col">Đổi tên</th><th scope="col">Gỡ trang</th></tr></thead>
        <tbody>
          ${props.departments.map(
            (d) => html`<tr>
              <td>${d.name}</td>
              <td><code>${d.id}</code></td>
              <td>${d.domains.join(', ')}</td>
              <td>
                <form method="post" action="${DEPARTMENTS_PATH}${d.id}/doi-ten">
                  <label for="ten-${d.id}" class="visually-hidden">Tên mới của ${d.name}</label>
                  <input id="ten-${d.id}" name="name" value="${d.name}" required />
                  <button type="submit">Đổi tên</button>
                </form>
              </td>
              <td>
                <form method="post" action="${DEPARTMENTS_PATH}${d.id}/go-bo">
                  <label for="xac-nhan-${d.id}">Gõ <code>${d.id}</code> để xác nhận</label>
                  <input id="xac-nhan-${d.id}" name="confirmation" autocomplete="off" required />
                  <button type="submit" class="danger">Gỡ trang</button>
                </form>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h2 id="lap-trang">Lập trang cho một đơn vị mới</h2>
      <p class="hint">Trang được lập trong kho nội dung qua cùng bước kiểm tra với mọi lần đăng tải, được dựng và phục vụ ngay;
        Trưởng Ban Biên tập và Cán bộ chuyên trách CNTT nhận tài khoản đầu tiên để lập phần còn lại của Ban Biên tập (Điều 17).</p>
      <form method="post" action="${DEPARTMENTS_PATH}">
        ${field({ id: 'name', label: 'Tên chính thức của đơn vị', value: v.name, hint: 'Ví dụ: Sở Công Thương. Địa chỉ trang theo Điều 3 được suy ra từ tên.', required: true, errors })}
        ${field({ id: 'abbr', label: 'Tên viết tắt (không bắt buộc)', value: v.abbr, hint: 'Chữ thường không dấu, ví dụ congthuong; để trống để suy ra từ tên.', errors })}
        ${field({ id: 'headName', label: 'Họ và tên Trưởng Ban Biên tập', value: v.headName, required: true, errors })}
        ${field({ id: 'headEmail', label: 'Hộp thư công vụ của Trưởng Ban (không bắt buộc)', value: v.headEmail, errors })}
        ${field({ id: 'itOfficerName', label: 'Họ và tên Cán bộ chuyên trách CNTT', value: v.itOfficerName, required: true, errors })}
        ${field({ id: 'itOfficerEmail', label: 'Hộp thư công vụ của Cán bộ CNTT (không bắt buộc)', value: v.itOfficerEmail, errors })}
        <button type="submit">Lập trang</button>
      </form>`,
  );
}

/** Right after a department is opened: its addresses and its first accounts, passwords shown once (docs/adr/0017). */
export function departmentCreatedPage(props: { site: Site; actor: AccountRecord; name: string; id: string; domains: string[]; accounts: IssuedPassword[] }) {
  return layout(
    { title: 'Đã lập trang', site: props.site, account: props.actor },
    html`<h1>Đã lập trang cho ${props.name}</h1>
      <p role="status">Trang <code>${props.id}</code> có địa chỉ ${props.domains.join(', ')}; máy chủ phục vụ trang trong vòng một phút.</p>
      <table>
        <caption>Tài khoản đầu tiên</caption>
        <thead><tr><th scope="col">Vai trò</th><th scope="col">Họ và tên</th><th scope="col">Tên đăng nhập</th><th scope="col">Mật khẩu dùng một lần</th></tr></thead>
        <tbody>
          ${props.accounts.map(
            (a) => html`<tr>
              <td>${ROLE_LABELS[a.account.role]}</td>
              <td>${a.account.fullName}</td>
              <td><code>${a.account.username}</code></td>
              <td>${a.delivery.channel === 'email' ? html`Đã gửi tới ${a.delivery.maskedAddress}` : html`<code class="secret">${a.oneTimePassword}</code>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p><strong>Mật khẩu chỉ hiện một lần</strong>; hãy trao trực tiếp cho từng người. Bạn được ghi nhận là người đã biết các mật khẩu hiện trên màn hình.</p>
      <p><a href="${DEPARTMENTS_PATH}">Quay lại danh sách đơn vị</a></p>`,
  );
}
