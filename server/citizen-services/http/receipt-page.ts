import { html } from 'hono/html';
import { factsTable } from '#server/platform/ui/components/facts-table.ts';
import type { Html } from '#server/platform/ui/components/html.ts';
import { notice } from '#server/platform/ui/components/notice.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { ReceiptView } from './receipt-page-view.ts';
import { LOOKUP_PATH } from './service-form-fields.ts';

export function receiptPage(view: ReceiptView): Html {
  return html`<article class="dv-confirmation" aria-labelledby="da-nhan">
    <h1 id="da-nhan" tabindex="-1">${view.heading}</h1>
    <p>${t('receipt.keepCodes')}</p>
    ${factsTable(
      [
        { term: t('receipt.code'), detail: html`<code data-ma-ho-so>${view.trackingCode}</code>` },
        { term: t('receipt.secret'), detail: html`<code data-ma-bi-mat>${view.secret}</code>` },
      ],
      'dv-codes',
    )}
    <p><strong>${t('receipt.secretOnce')}</strong>${view.secretNote}</p>
    ${
      view.signedLetter
        ? html`<section class="dv-notice" role="note" aria-labelledby="don-ky" data-can-don-ky><h2 id="don-ky">${view.signedLetter.heading}</h2>
          ${view.signedLetter.lines.map((line) => html`<p>${line}</p>`)}</section>`
        : html`<p>${view.acceptDue}</p>`
    }
    ${notice(view.conversions)}
    <p><a href="${LOOKUP_PATH}">${t('receipt.lookup')}</a></p>
  </article>`;
}
