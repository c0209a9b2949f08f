import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import { checkboxGroup } from '#server/platform/ui/components/checkbox-group.ts';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { factsTable } from '#server/platform/ui/components/facts-table.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { notice } from '#server/platform/ui/components/notice.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { AccountPageView } from './account-page-view.ts';
import { credentialHistory } from './credential-history.ts';

export function accountPage(view: AccountPageView) {
  const { emailForm, roleForm, sectionsForm, delegationForm } = view;
  return layout(
    view.frame,
    html`<h1>${view.fullName} <small>(${view.username})</small></h1>
      ${notice(view.notice)} ${errorSummary(view.errors)}
      ${factsTable(
        [
          { term: t('field.role'), detail: view.role },
          { term: t('accounts.status'), detail: view.status },
          { term: t('field.officialEmail'), detail: view.email, id: 'hop-thu' },
          view.witness && { term: t('account.witness'), detail: view.witness.name, id: 'nguoi-da-thay' },
        ],
        'summary-list',
      )}
      ${notice(view.witness?.note ?? null)}
      ${
        emailForm
          ? html`<form method="post" action="${emailForm.action}" novalidate>
            <h2>${t('account.emailHeading')}</h2>
            ${field(emailForm.content, BACK_OFFICE_FIELD)}
            <button type="submit">${t('account.saveEmail')}</button>
          </form>`
          : ''
      }
      ${
        roleForm
          ? html`<form method="post" action="${roleForm.action}">
            <h2><label for="role">${t('field.role')}</label></h2>
            <select id="role" name="role">
              ${roleForm.content.map((o) => html`<option value="${o.value}"${o.selected ? ' selected' : ''}>${o.label}</option>`)}
            </select>
            <button type="submit">${t('account.saveRole')}</button>
          </form>`
          : ''
      }
      ${
        sectionsForm
          ? html`<form method="post" action="${sectionsForm.action}">
            ${checkboxGroup(sectionsForm.content)}
            <button type="submit">${t('account.saveSections')}</button>
          </form>`
          : ''
      }
      ${
        delegationForm
          ? html`<form method="post" action="${delegationForm.action}">
            ${checkboxGroup(delegationForm.content)}
            <button type="submit">${t('account.saveDelegation')}</button>
          </form>`
          : ''
      }
      ${view.history ? html`<h2>${t('account.passwords')}</h2>${credentialHistory(view.history)}` : ''}
      <p><a href="${BACK_OFFICE_PATHS.accounts}">${t('account.back')}</a></p>`,
  );
}
