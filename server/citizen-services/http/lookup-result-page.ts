import { html } from 'hono/html';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { factsTable } from '#server/platform/ui/components/facts-table.ts';
import { field } from '#server/platform/ui/components/field.ts';
import type { Html } from '#server/platform/ui/components/html.ts';
import { timeline } from '#server/platform/ui/components/timeline.ts';
import { CITIZEN_FIELD_UNMARKED } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { LookupResultView } from './lookup-result-page-view.ts';
import { SUPPLEMENT_PATH } from './service-form-fields.ts';

function supplementForm(form: NonNullable<LookupResultView['supplement']>) {
  return html`<section aria-labelledby="bo-sung"><h2 id="bo-sung">${t('lookup.supplement')}</h2>
    ${errorSummary(form.error)}
    <form method="post" action="${SUPPLEMENT_PATH}" enctype="multipart/form-data">
      <input type="hidden" name="code" value="${form.code}" />
      <input type="hidden" name="secret" value="${form.secret}" />
      ${field({ id: 'tep-bo-sung', name: 'files', label: t('lookup.supplementFiles'), type: 'file', multiple: true, accept: form.accept, required: true }, CITIZEN_FIELD_UNMARKED)}
      <button type="submit">${t('lookup.sendSupplement')}</button>
    </form></section>`;
}

export function lookupResultPage(view: LookupResultView): Html {
  const { summary } = view;
  return html`<article class="dv-lookup-result">
    <h1 tabindex="-1">${t('case.title', { code: view.trackingCode })}</h1>
    ${factsTable(
      [
        { term: t('case.service'), detail: summary.service },
        { term: t('case.receivedAt'), detail: summary.receivedAt },
        { term: t('case.status'), detail: summary.status.label, data: { 'trang-thai': summary.status.value } },
        { term: t('case.acceptDue'), detail: summary.acceptDue },
        summary.resolveDue !== null && { term: t('case.resolveDue'), detail: summary.resolveDue },
        summary.deadline !== null && { term: t('lookup.deadline'), detail: summary.deadline },
      ],
      'dv-summary',
    )}
    ${view.answer
      ? html`<section class="dv-answer" aria-labelledby="tra-loi"><h2 id="tra-loi">${t('lookup.answer')}</h2><p class="dv-pre">${view.answer}</p></section>`
      : ''}
    <h2>${t('lookup.history')}</h2>
    ${timeline(view.timeline, { className: 'dv-timeline', noteClass: 'dv-pre' })}
    ${view.attachments.length
      ? html`<h2>${t('lookup.files')}</h2><ul>${view.attachments.map((a) => html`<li>${a.name} ${a.detail}</li>`)}</ul>`
      : ''}
    ${view.supplement ? supplementForm(view.supplement) : ''}
  </article>`;
}
