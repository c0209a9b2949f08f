import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import { checkboxGroup } from '#server/platform/ui/components/checkbox-group.ts';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { notice } from '#server/platform/ui/components/notice.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { AccountRow, AccountsPageView } from './accounts-page-view.ts';
import type { CreateAccountForm } from './create-account-form-view.ts';

function cells(row: AccountRow, showDepartment: boolean) {
  return [
    row.href ? html`<a href="${row.href}">${row.fullName}</a>` : row.fullName,
    html`<code>${row.username}</code>`,
    row.role,
    ...(showDepartment ? [row.department ?? ''] : []),
    row.sections,
    html`${row.status}${row.statusNote ? html`<br /><small>${row.statusNote}</small>` : ''}`,
    html`${row.actions.map(
      (a) => html`<form method="post" action="${a.href}" class="inline-form">
        <button type="submit" class="button-secondary">${a.label}<span class="visually-hidden">${a.hiddenLabel}</span></button>
      </form>`,
    )}`,
  ];
}

function createForm(form: CreateAccountForm) {
  return html`<section aria-labelledby="tao-tai-khoan">
    <h2 id="tao-tai-khoan">${t('accounts.create')}</h2>
    <p class="hint">${form.hint.before}<strong>${form.hint.stressed}</strong>${form.hint.after}</p>
    <form method="post" action="${BACK_OFFICE_PATHS.accounts}" novalidate>
      ${form.fields.map((f) => field(f, BACK_OFFICE_FIELD))}
      ${form.sections ? checkboxGroup(form.sections) : ''}
      <button type="submit">${t('accounts.submit')}</button>
    </form>
  </section>`;
}

export function accountsPage(view: AccountsPageView) {
  const headers = [
    t('field.fullName'),
    t('field.username'),
    t('field.role'),
    ...(view.showDepartment ? [t('field.department')] : []),
    t('accounts.sections'),
    t('accounts.status'),
    t('accounts.actions'),
  ];
  return layout(
    view.frame,
    html`<h1>${t('accounts.title')}</h1>
      ${notice(view.notice)} ${errorSummary(view.errors)}
      ${dataTable({ caption: view.caption, headers, rows: view.rows.map((row) => cells(row, view.showDepartment)), columnClasses: headers.map((_, i) => (i === headers.length - 1 ? 'actions' : undefined)) })}
      ${view.create ? createForm(view.create) : ''}`,
  );
}
