import { html } from 'hono/html';
import { BoardRoleSchema, DelegableRightSchema, ROLE_LABELS } from '#src/schema/roles.ts';
import { accountPath, BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import { isAllowed } from '../permissions.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { CredentialIssue } from '../credential-history.ts';
import { credentialHistory } from './credential-history.ts';
import { errorSummary, field, type FormErrors, NO_ERRORS } from '#server/platform/ui/form-errors.ts';
import { sectionCheckboxes } from '#server/platform/ui/section-checkboxes.ts';
import { DELEGATION_LABELS, STATUS_LABELS } from '#server/platform/ui/labels.ts';
import { layout } from '#server/platform/ui/layout.ts';

/** One member of the board: the head's organisational decisions (Điều 17, 19). */
export function accountPage(props: {
  site: Site;
  actor: AccountRecord;
  account: AccountRecord;
  errors?: FormErrors;
  notice?: string;
  /** One-time passwords given and the first sign-in after each; null when the actor may not read them. */
  history?: readonly CredentialIssue[] | null;
  /** Whoever saw the current one-time password (docs/adr/0017). */
  witness?: AccountRecord | null;
}) {
  const { site, actor, account, errors = NO_ERRORS, notice, history, witness } = props;
  const canSetEmail = isAllowed(actor, 'reset-password', account);
  const roles = BoardRoleSchema.options.filter((role) => role === account.role || isAllowed(actor, 'change-role', account, role));
  const canChangeRole = roles.length > 1;
  const canAssign = isAllowed(actor, 'assign-sections', account);
  const canDelegate = isAllowed(actor, 'delegate', account);
  return layout(
    { title: account.fullName, site, account: actor },
    html`<h1>${account.fullName} <small>(${account.username})</small></h1>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''} ${errorSummary(errors)}
      <dl class="summary-list">
        <dt>Vai trò</dt>
        <dd>${ROLE_LABELS[account.role]}</dd>
        <dt>Trạng thái</dt>
        <dd>${STATUS_LABELS[account.status]}</dd>
        <dt>Hộp thư công vụ</dt>
        <dd id="hop-thu">${account.email ?? 'Chưa có'}</dd>
        ${witness
          ? html`<dt>Người đã thấy mật khẩu hiện tại</dt>
              <dd id="nguoi-da-thay">${witness.fullName} (${witness.username})</dd>`
          : ''}
      </dl>
      ${witness
        ? html`<p class="notice" role="note">Mật khẩu dùng một lần hiện tại của tài khoản này đã hiện trên màn hình của ${witness.username}.
            Trong quy trình biên tập (Điều 19), ${witness.username} và ${account.username} được coi là cùng một người cho đến khi mật khẩu
            được cấp lại qua hộp thư công vụ hoặc bởi quản trị máy chủ.</p>`
        : ''}
      ${canSetEmail
        ? html`<form method="post" action="${accountPath(account.username, 'set-email')}" novalidate>
            <h2>Hộp thư công vụ</h2>
            ${field({
              id: 'email',
              label: 'Địa chỉ thư điện tử (.gov.vn)',
              value: account.email ?? '',
              autocomplete: 'off',
              hint: 'Mật khẩu dùng một lần được gửi tới địa chỉ này, không hiện cho người cấp. Để trống nếu chưa có.',
              errors,
            })}
            <button type="submit">Lưu hộp thư</button>
          </form>`
        : ''}
      ${canChangeRole
        ? html`<form method="post" action="${accountPath(account.username, 'change-role')}">
            <h2><label for="role">Vai trò</label></h2>
            <select id="role" name="role">
              ${roles.map((role) => html`<option value="${role}" ${role === account.role ? 'selected' : ''}>${ROLE_LABELS[role]}</option>`)}
            </select>
            <button type="submit">Lưu vai trò</button>
          </form>`
        : ''}
      ${canAssign
        ? html`<form method="post" action="${accountPath(account.username, 'assign-sections')}">
            ${sectionCheckboxes({ legend: 'Chuyên mục được phân công (Điều 17)', checked: account.sections, error: errors.byField.sections, heading: true })}
            <button type="submit">Lưu chuyên mục</button>
          </form>`
        : ''}
      ${canDelegate
        ? html`<form method="post" action="${accountPath(account.username, 'delegate')}">
            <fieldset>
              <legend><h2>Ủy quyền (Điều 19)</h2></legend>
              ${DelegableRightSchema.options.map(
                (right) => html`<div class="checkbox">
                  <input type="checkbox" id="rights-${right}" name="rights" value="${right}" ${account.delegations.includes(right) ? 'checked' : ''} />
                  <label for="rights-${right}">${DELEGATION_LABELS[right]}</label>
                </div>`,
              )}
            </fieldset>
            <button type="submit">Lưu ủy quyền</button>
          </form>`
        : ''}
      ${history ? html`<h2>Cấp mật khẩu</h2>${credentialHistory({ issues: history, caption: 'Các lần cấp mật khẩu và lần đăng nhập đầu tiên sau đó' })}` : ''}
      <p><a href="${BACK_OFFICE_PATHS.accounts}">Quay lại danh sách tài khoản</a></p>`,
  );
}
