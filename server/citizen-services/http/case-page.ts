import { html } from 'hono/html';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { factsTable } from '#server/platform/ui/components/facts-table.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { timeline } from '#server/platform/ui/components/timeline.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { CaseActionForm } from './case-actions-view.ts';
import type { CasePageView } from './case-page-view.ts';

function actionForm(form: CaseActionForm) {
  return html`<form method="post" action="${form.action}" class="case-action"${form.multipart ? html` enctype="multipart/form-data"` : ''}>
    <fieldset><legend>${form.title}</legend>
      <input type="hidden" name="version" value="${form.version}" />
      ${form.fields.map((f) => field(f, BACK_OFFICE_FIELD))}
      <button type="submit" data-hanh-dong="${form.name}">${form.title}</button>
    </fieldset>
  </form>`;
}

export function casePage(view: CasePageView) {
  const { summary } = view;
  return layout(
    view.frame,
    html`<h1>${view.title}</h1>
      ${errorSummary(view.error)}
      ${factsTable([
        { term: t('case.service'), detail: summary.service },
        { term: t('case.subject'), detail: summary.subject },
        { term: t('case.status'), detail: summary.status.label, data: { 'trang-thai': summary.status.value } },
        { term: t('case.receivedAt'), detail: summary.receivedAt },
        summary.instance !== null && { term: t('casePage.instance'), detail: summary.instance },
        summary.signedLetter !== null && {
          term: t('casePage.signedLetter'),
          detail: summary.signedLetter,
          data: { 'don-ky': summary.signedLetter },
        },
        { term: t('casePage.acceptDue'), detail: summary.acceptDue },
        summary.resolveDue !== null && { term: t('case.resolveDue'), detail: summary.resolveDue, id: 'han-giai-quyet' },
        summary.extensions !== null && { term: t('case.extensions'), detail: summary.extensions },
        { term: t('casePage.basis'), detail: summary.basis },
        summary.deadline !== null && {
          term: t('casePage.deadline'),
          detail: html`<strong>${summary.deadline}</strong>`,
        },
      ])}
      ${
        view.rating
          ? html`<h2>${t('casePage.rating')}</h2>
            <p data-danh-gia>${view.rating.value}</p>
            ${view.rating.comment ? html`<p class="pre">${view.rating.comment}</p>` : ''}
            ${view.rating.when ? html`<p>${view.rating.when}</p>` : ''}`
          : ''
      }
      <h2>${t('casePage.payload')}</h2>
      ${factsTable(
        view.payload.map((p) => ({ term: p.label, detail: p.value, className: 'pre', data: { truong: p.key } })),
        'case-payload',
      )}
      <h2>${t('casePage.attachments')}</h2>
      ${
        view.withheldFiles
          ? html`<p data-tep-bi-mat>${view.withheldFiles}</p>`
          : view.attachments.length
            ? html`<ul>${view.attachments.map((a) => html`<li><a href="${a.href}" download>${a.name}</a> ${a.detail}</li>`)}</ul>`
            : html`<p>${t('casePage.noAttachments')}</p>`
      }
      <h2>${t('casePage.history')}</h2>
      ${timeline(view.timeline, { noteClass: 'pre' })}
      ${view.closed ? html`<p>${t('casePage.closed')}</p>` : ''}
      <h2>${t('casePage.actions')}</h2>
      ${view.actions.map(actionForm)}`,
  );
}
