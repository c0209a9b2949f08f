import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { factsTable } from '#server/platform/ui/components/facts-table.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { notice } from '#server/platform/ui/components/notice.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { EntryHistoryPageView, Moment } from './entry-history-page-view.ts';

const time = (m: Moment) => html`<time datetime="${m.datetime}">${m.text}</time>`;

function actionForms(view: EntryHistoryPageView) {
  if (view.actions.length === 0) return '';
  return html`<section aria-labelledby="actions-heading">
    <h2 id="actions-heading">${t('entry.actions')}</h2>
    ${view.actions.map(
      (a) => html`<form method="post" action="${a.action}">
        <p>${a.text}</p>
        ${a.reason ? field(a.reason, BACK_OFFICE_FIELD) : ''}
        <button type="submit">${a.button}</button>
      </form>`,
    )}
  </section>`;
}

export function entryHistoryPage(view: EntryHistoryPageView) {
  return layout(
    view.frame,
    html`<h1>${view.heading}</h1>
      ${notice(view.notice)}
      ${errorSummary(view.error)}
      ${factsTable(
        [
          { term: t('entry.section'), detail: view.section },
          { term: t('entry.state'), detail: view.state },
          { term: t('entry.lastUpdate'), detail: view.lastUpdate ? html`${time(view.lastUpdate.at)}, ${view.lastUpdate.by}` : t('common.none') },
          view.urgent && {
            term: t('entry.urgent'),
            detail: html`${view.urgent.by}, ${time(view.urgent.at)}. ${t('entry.urgentReason', { reason: view.urgent.reason })}`,
          },
        ],
        'facts',
      )}
      ${actionForms(view)}
      ${view.steps.length === 0
        ? html`<p>${t('entry.noSteps')}</p>`
        : dataTable({
            caption: t('entry.stepsCaption'),
            headers: [t('entry.at'), t('entry.step'), t('entry.by'), t('entry.after')],
            rows: view.steps.map((s) => [time(s.at), s.step, s.by, s.state]),
          })}`,
  );
}
