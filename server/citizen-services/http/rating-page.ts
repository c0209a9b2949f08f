import { html } from 'hono/html';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { field } from '#server/platform/ui/components/field.ts';
import type { Html } from '#server/platform/ui/components/html.ts';
import { radioGroup } from '#server/platform/ui/components/radio-group.ts';
import { CITIZEN_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { RatingPageView } from './rating-page-view.ts';

export function ratingPage(view: RatingPageView): Html {
  return html`<article class="dv-rating" aria-labelledby="danh-gia">
    <h1 id="danh-gia" tabindex="-1">${view.heading}</h1>
    <p>${view.about}</p>
    ${view.message ? html`<p class="dv-notice" role="status" data-danh-gia>${view.message}</p>` : ''}
    ${
      view.form
        ? html`<p>${t('rating.invite')} ${view.form.window}</p>
          ${errorSummary(view.form.error)}
          <form method="post" action="${view.form.action}">
            ${radioGroup({ legend: t('rating.question'), name: 'score', idPrefix: 'truong-score', options: view.form.scores, required: true, className: 'dv-field', optionClass: 'dv-check' })}
            ${field({ id: 'truong-comment', name: 'comment', label: t('rating.comment'), control: 'textarea', rows: 3, value: view.form.comment, maxLength: 1000 }, CITIZEN_FIELD)}
            <button type="submit">${t('rating.send')}</button>
          </form>`
        : ''
    }
  </article>`;
}
