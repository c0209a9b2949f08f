import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { notice } from '#server/platform/ui/components/notice.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import {
  DEPARTMENTS_PATH,
  type DepartmentCreatedView,
  type DepartmentRow,
  type DepartmentsPageView,
} from './departments-page-view.ts';

function cells(d: DepartmentRow) {
  return [
    d.name,
    html`<code>${d.id}</code>`,
    d.addresses,
    html`<form method="post" action="${d.renameAction}">
      <label for="ten-${d.id}" class="visually-hidden">${t('departments.newName', { name: d.name })}</label>
      <input id="ten-${d.id}" name="name" value="${d.name}" required />
      <button type="submit">${t('departments.rename')}</button>
    </form>`,
    html`<form method="post" action="${d.removeAction}">
      <label for="xac-nhan-${d.id}">${t('departments.confirm', { id: d.id })}</label>
      <input id="xac-nhan-${d.id}" name="confirmation" autocomplete="off" required />
      <button type="submit" class="danger">${t('departments.remove')}</button>
    </form>`,
  ];
}

/**
 * The province administrator's list of departments (docs/adr/0104): each
 * with its addresses, a form to rename it and one to take it down, and the
 * form that opens a new one with its first two accounts.
 */
export function departmentsPage(view: DepartmentsPageView) {
  const headers = ['name', 'id', 'addresses', 'rename', 'remove'].map((c) =>
    t(`departments.column.${c}` as 'departments.column.name'),
  );
  return layout(
    view.frame,
    html`<h1>${t('departments.heading')}</h1>
      ${notice(view.notice)} ${errorSummary(view.errors)}
      ${dataTable({ caption: view.caption, headers, rows: view.rows.map(cells) })}
      <h2 id="lap-trang">${t('departments.open')}</h2>
      <p class="hint">${t('departments.openHint')}</p>
      <form method="post" action="${DEPARTMENTS_PATH}">
        ${view.fields.map((f) => field(f, BACK_OFFICE_FIELD))}
        <button type="submit">${t('departments.submit')}</button>
      </form>`,
  );
}

export function departmentCreatedPage(view: DepartmentCreatedView) {
  const headers = ['role', 'fullName', 'username', 'password'].map((c) =>
    t(`departments.created.${c}` as 'departments.created.role'),
  );
  return layout(
    view.frame,
    html`<h1>${view.heading}</h1>
      <p role="status">${view.status}</p>
      ${dataTable({
        caption: t('departments.created.caption'),
        headers,
        rows: view.accounts.map((a) => [
          a.role,
          a.fullName,
          html`<code>${a.username}</code>`,
          a.mailed ?? html`<code class="secret">${a.password}</code>`,
        ]),
      })}
      <p><strong>${t('departments.created.once')}</strong>${t('departments.created.onceHint')}</p>
      <p><a href="${DEPARTMENTS_PATH}">${t('departments.created.back')}</a></p>`,
  );
}
