import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { BoardRoleSchema, ROLE_LABELS, type BoardRole } from '#src/schema/roles.ts';
import { accountPath, BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import { type AccountAction, type Actor, isAllowed, SECTION_ROLES } from '../permissions.ts';
import type { DepartmentRef, Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { errorSummary, field, type FormErrors, NO_ERRORS } from '#server/platform/ui/form-errors.ts';
import { sectionCheckboxes, sectionLabels } from '#server/platform/ui/section-checkboxes.ts';
import { STATUS_LABELS } from '#server/platform/ui/labels.ts';
import { layout } from '#server/platform/ui/layout.ts';

export interface AccountsPageProps {
  site: Site;
  actor: AccountRecord;
  accounts: AccountRecord[];
  departments: readonly DepartmentRef[];
  notice?: string;
  errors?: FormErrors;
  values?: { fullName?: string; email?: string; role?: string; departmentId?: string; sections?: readonly string[] };
}

function rowAction(actor: Actor, target: AccountRecord, action: AccountAction, label: string, slug: 'disable' | 'enable' | 'reset-password') {
  if (!isAllowed(actor, action, target)) return '';
  return html`<form method="post" action="${accountPath(target.username, slug)}" class="inline-form">
    <button type="submit" class="button-secondary">${label}<span class="visually-hidden"> tài khoản ${target.username}</span></button>
  </form>`;
}

function row(actor: Actor, account: AccountRecord, showDepartment: boolean, departmentName: (id: string | null) => string) {
  const editable = (['change-role', 'assign-sections', 'delegate', 'reset-password'] as const).some((action) => isAllowed(actor, action, account, 'contributor'));
  return html`<tr>
    <td>${editable ? html`<a href="${accountPath(account.username)}">${account.fullName}</a>` : account.fullName}</td>
    <td><code>${account.username}</code></td>
    <td>${ROLE_LABELS[account.role]}</td>
    ${showDepartment ? html`<td>${departmentName(account.departmentId)}</td>` : ''}
    <td>${sectionLabels(account.sections) || '—'}</td>
    <td>${STATUS_LABELS[account.status]}${account.mustChangePassword && account.status === 'active' ? html`<br /><small>Chưa đổi mật khẩu lần đầu</small>` : ''}</td>
    <td class="actions">
      ${account.status === 'active'
        ? rowAction(actor, account, 'disable', 'Vô hiệu hóa', 'disable')
        : rowAction(actor, account, 'enable', 'Kích hoạt lại', 'enable')}
      ${account.status === 'active' ? rowAction(actor, account, 'reset-password', 'Cấp lại mật khẩu', 'reset-password') : ''}
    </td>
  </tr>`;
}

function createForm(props: AccountsPageProps, creatableRoles: BoardRole[], errors: FormErrors) {
  const { actor, departments, values = {} } = props;
  const isAdmin = actor.role === 'admin';
  const mayAssignSections = creatableRoles.some((role) =>
    SECTION_ROLES.includes(role) && isAllowed(actor, 'assign-sections', { role, departmentId: actor.departmentId }),
  );
  const roleError = errors.byField.role;
  const departmentError = errors.byField.departmentId;
  return html`<section aria-labelledby="tao-tai-khoan">
    <h2 id="tao-tai-khoan">Tạo tài khoản</h2>
    <p class="hint">Tên đăng nhập được tạo tự động từ họ tên (Điều 11, khoản 1a). Mật khẩu dùng một lần được gửi tới hộp thư công vụ nếu có; nếu không, nó hiện <strong>một lần duy nhất</strong> sau khi tạo và bạn được ghi nhận là người đã thấy nó.</p>
    <form method="post" action="${BACK_OFFICE_PATHS.accounts}" novalidate>
      ${field({ id: 'fullName', label: 'Họ và tên', value: values.fullName, autocomplete: 'off', required: true, errors })}
      ${field({
        id: 'email',
        label: 'Hộp thư công vụ (.gov.vn, không bắt buộc)',
        value: values.email,
        autocomplete: 'off',
        hint: 'Khi có, mật khẩu dùng một lần được gửi thẳng tới hộp thư này thay vì hiện cho bạn.',
        errors,
      })}
      <div class="field${roleError ? ' field-invalid' : ''}">
        <label for="role">Vai trò</label>
        ${roleError ? html`<p class="field-error" id="role-loi">${roleError}</p>` : ''}
        <select id="role" name="role" ${roleError ? html`aria-describedby="role-loi" aria-invalid="true"` : ''}>
          ${creatableRoles.map((role) => html`<option value="${role}" ${values.role === role ? 'selected' : ''}>${ROLE_LABELS[role]}</option>`)}
        </select>
      </div>
      ${isAdmin
        ? html`<div class="field${departmentError ? ' field-invalid' : ''}">
            <label for="departmentId">Đơn vị</label>
            ${departmentError ? html`<p class="field-error" id="departmentId-loi">${departmentError}</p>` : ''}
            <select id="departmentId" name="departmentId" ${departmentError ? html`aria-describedby="departmentId-loi" aria-invalid="true"` : ''}>
              ${departments.map((d) => html`<option value="${d.id}" ${values.departmentId === d.id ? 'selected' : ''}>${d.name}</option>`)}
            </select>
          </div>`
        : ''}
      ${mayAssignSections
        ? sectionCheckboxes({ legend: 'Chuyên mục (chỉ cho Biên tập viên, Cộng tác viên)', checked: values.sections ?? [], error: errors.byField.sections })
        : ''}
      <button type="submit">Tạo tài khoản</button>
    </form>
  </section>`;
}

export function accountsPage(props: AccountsPageProps): HtmlEscapedString | Promise<HtmlEscapedString> {
  const { site, actor, accounts, departments, notice, errors = NO_ERRORS } = props;
  const showDepartment = actor.role === 'admin';
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const departmentName = (id: string | null) => (id === null ? 'Cấp tỉnh' : (names.get(id) ?? id));
  const creatableRoles = BoardRoleSchema.options.filter((role) =>
    isAllowed(actor, 'create', { role, departmentId: actor.role === 'admin' ? (departments[0]?.id ?? null) : actor.departmentId }),
  );
  return layout(
    { title: 'Tài khoản', site, account: actor },
    html`<h1>Tài khoản</h1>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''} ${errorSummary(errors)}
      <table>
        <caption>
          ${showDepartment ? 'Tài khoản của các đơn vị' : 'Tài khoản Ban Biên tập'} (${accounts.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Họ và tên</th>
            <th scope="col">Tên đăng nhập</th>
            <th scope="col">Vai trò</th>
            ${showDepartment ? html`<th scope="col">Đơn vị</th>` : ''}
            <th scope="col">Chuyên mục</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Thao tác</th>
          </tr>
        </thead>
        <tbody>
          ${accounts.map((account) => row(actor, account, showDepartment, departmentName))}
        </tbody>
      </table>
      ${creatableRoles.length > 0 ? createForm(props, creatableRoles, errors) : ''}`,
  );
}
