import { html } from 'hono/html';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { factsTable } from '#server/platform/ui/components/facts-table.ts';
import { field } from '#server/platform/ui/components/field.ts';
import type { Html } from '#server/platform/ui/components/html.ts';
import { radioGroup } from '#server/platform/ui/components/radio-group.ts';
import { timeline } from '#server/platform/ui/components/timeline.ts';
import { CITIZEN_FIELD, CITIZEN_FIELD_UNMARKED } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { LookupResultView, UploadFormView } from './lookup-result-page-view.ts';
import { LOOKUP_RATING_PATH, SIGNED_LETTER_PATH, SUPPLEMENT_PATH } from './service-form-fields.ts';

function uploadForm(
  form: UploadFormView,
  copy: { id: string; heading: string; action: string; label: string; button: string },
) {
  return html`<section class="dv-no-print" aria-labelledby="${copy.id}"><h2 id="${copy.id}">${copy.heading}</h2>
    ${errorSummary(form.error)}
    <form method="post" action="${copy.action}" enctype="multipart/form-data">
      <input type="hidden" name="code" value="${form.code}" />
      <input type="hidden" name="secret" value="${form.secret}" />
      ${field({ id: `tep-${copy.id}`, name: 'files', label: copy.label, type: 'file', multiple: true, accept: form.accept, required: true }, CITIZEN_FIELD_UNMARKED)}
      <button type="submit">${copy.button}</button>
    </form></section>`;
}

function ratingSection(rating: NonNullable<LookupResultView['rating']>) {
  if (!rating.form)
    return html`<section aria-labelledby="danh-gia"><h2 id="danh-gia">${t('rating.heading')}</h2><p data-danh-gia>${rating.given}</p></section>`;
  const form = rating.form;
  return html`<section class="dv-no-print" aria-labelledby="danh-gia"><h2 id="danh-gia">${t('rating.heading')}</h2>
    <p>${t('rating.invite')} ${form.window}</p>
    ${errorSummary(form.error)}
    <form method="post" action="${LOOKUP_RATING_PATH}">
      <input type="hidden" name="code" value="${form.code}" />
      <input type="hidden" name="secret" value="${form.secret}" />
      ${radioGroup({ legend: t('rating.question'), name: 'score', idPrefix: 'truong-score', options: form.scores, required: true, className: 'dv-field', optionClass: 'dv-check' })}
      ${field({ id: 'truong-comment', name: 'comment', label: t('rating.comment'), control: 'textarea', rows: 3, value: form.comment, maxLength: 1000 }, CITIZEN_FIELD)}
      <button type="submit">${t('rating.send')}</button>
    </form></section>`;
}

/** The look-up page: a receipt of where the case stands, printable as it is (dich-vu.css hides the forms on paper). */
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
        summary.resolveDue !== null && { term: t('case.resolveDue'), detail: summary.resolveDue, id: 'han-giai-quyet' },
        summary.deadline !== null && { term: t('lookup.deadline'), detail: summary.deadline },
      ],
      'dv-summary',
    )}
    <p class="dv-next" data-tiep-theo><strong>${view.next}</strong></p>
    ${
      view.signedLetter
        ? html`<section class="dv-notice" role="note" aria-labelledby="don-ky" data-can-don-ky><h2 id="don-ky">${view.signedLetter.heading}</h2>
          ${view.signedLetter.lines.map((line) => html`<p>${line}</p>`)}
          ${view.signedLetter.sent ? html`<p><strong>${view.signedLetter.sent}</strong></p>` : ''}</section>
          ${uploadForm(view.signedLetter.form, { id: 'gui-don-ky', heading: t('signedLetter.upload'), action: SIGNED_LETTER_PATH, label: t('signedLetter.files'), button: t('signedLetter.send') })}`
        : ''
    }
    ${
      view.answer
        ? html`<section class="dv-answer" aria-labelledby="tra-loi"><h2 id="tra-loi">${t('lookup.answer')}</h2><p class="dv-pre">${view.answer}</p></section>`
        : ''
    }
    <h2>${t('lookup.history')}</h2>
    ${timeline(view.timeline, { className: 'dv-timeline', noteClass: 'dv-pre' })}
    ${
      view.attachments.length
        ? html`<h2>${t('lookup.files')}</h2><ul>${view.attachments.map((a) => html`<li>${a.name} ${a.detail}</li>`)}</ul>`
        : ''
    }
    ${
      view.supplement
        ? uploadForm(view.supplement, {
            id: 'bo-sung',
            heading: t('lookup.supplement'),
            action: SUPPLEMENT_PATH,
            label: t('lookup.supplementFiles'),
            button: t('lookup.sendSupplement'),
          })
        : ''
    }
    ${view.rating ? ratingSection(view.rating) : ''}
    <p class="dv-hint dv-no-print">${t('lookup.print')}</p>
  </article>`;
}
