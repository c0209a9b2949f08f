import { PRIVACY_NOTICE_PATH } from '#src/site-paths.ts';
import { html } from 'hono/html';
import { FORM_PRIVACY_NOTICE } from '../privacy-notice.ts';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { field } from '#server/platform/ui/components/field.ts';
import type { Html } from '#server/platform/ui/components/html.ts';
import { CITIZEN_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import { SCRIPT_PATH } from './service-form-fields.ts';
import type { ServiceFormView } from './service-form-page-view.ts';

/** Works with no script at all; `bieu-mau.js` adds the proof of work and submits in place. */
export function serviceFormPage(view: ServiceFormView): Html {
  return html`<article class="dv-form-page">
    <h1>${view.heading}</h1>
    ${errorSummary(view.errors)}
    ${
      view.checklist
        ? html`<section class="dv-checklist" aria-labelledby="thanh-phan">
          <h2 id="thanh-phan">${t('form.checklist')}</h2>
          <p>${view.checklist.procedure}</p>
          <ol>${view.checklist.documents.map((d) => html`<li>${d}</li>`)}</ol>
        </section>`
        : ''
    }
    ${view.consultation ? html`<p>${t('form.consultation')} <strong>${view.consultation}</strong></p>` : ''}
    <form method="post" action="${view.action}" enctype="${view.multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded'}"
      data-congso-dich-vu="${view.service}" novalidate>
      <input type="hidden" name="idempotency-key" value="${view.idempotencyKey}" />
      <input type="hidden" name="pow-challenge" value="" />
      <input type="hidden" name="pow-nonce" value="" />
      ${view.hidden.map((h) => html`<input type="hidden" name="${h.name}" value="${h.value}" />`)}
      ${view.fields.map((f) => field(f, CITIZEN_FIELD))}
      ${view.files ? field(view.files, CITIZEN_FIELD) : ''}
      <div class="dv-honeypot" aria-hidden="true">
        <label for="truong-homepage">${t('form.honeypot')}</label>
        <input type="text" id="truong-homepage" name="homepage" tabindex="-1" autocomplete="off" value="" />
      </div>
      <section class="dv-privacy" aria-labelledby="bao-mat">
        <h2 id="bao-mat">${t('form.privacy')}</h2>
        ${FORM_PRIVACY_NOTICE.map((paragraph) => html`<p>${paragraph}</p>`)}
        <p><a href="${PRIVACY_NOTICE_PATH}">${t('form.privacyLink')}</a> ${t('form.privacyLinkHint')}</p>
      </section>
      ${field(view.consent, CITIZEN_FIELD)}
      <p class="dv-hint">${t('form.scriptNote')}</p>
      <button type="submit">${t('form.send')}</button>
    </form>
    <script src="${SCRIPT_PATH}" defer></script>
  </article>`;
}
