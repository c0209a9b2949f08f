import { html } from 'hono/html';
import { BoardRoleSchema, DelegableRightSchema, ROLE_LABELS } from '../../src/schema/roles.ts';
import { accountPath, BACK_OFFICE_PATHS } from '../lib/back-office-paths.ts';
import { isAllowed } from '../lib/permissions.ts';
import type { Site } from '../lib/site-for-host.ts';
import type { AccountRecord } from '../storage/records.ts';
import { errorSummary, type FormErrors, NO_ERRORS } from './form-errors.ts';
import { sectionCheckboxes } from './section-checkboxes.ts';
import { DELEGATION_LABELS, STATUS_LABELS } from './labels.ts';
import { layout } from './layout.ts';

/** One member of the board: the head's organisational decisions (Điều 17, 19). */
export function accountPage(props: { site: Site; actor: AccountRecord; account: AccountRecord; errors?: FormErrors; notice?: string }) {
  const { site, actor, account, errors = NO_ERRORS, notice } = props;
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
      </dl>
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
      <p><a href="${BACK_OFFICE_PATHS.accounts}">Quay lại danh sách tài khoản</a></p>`,
  );
}
