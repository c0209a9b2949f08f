import { html } from 'hono/html';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { field } from '#server/platform/ui/components/field.ts';
import type { Html } from '#server/platform/ui/components/html.ts';
import { CITIZEN_FIELD_UNMARKED } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { LookupFormView } from './lookup-page-view.ts';
import { LOOKUP_PATH } from './service-form-fields.ts';

export function lookupPage(view: LookupFormView): Html {
  return html`<article class="dv-lookup">
    <h1>${t('lookup.heading')}</h1>
    ${errorSummary(view.error)}
    <form method="post" action="${LOOKUP_PATH}">
      ${view.fields.map((f) => field(f, CITIZEN_FIELD_UNMARKED))}
      <button type="submit">${t('lookup.submit')}</button>
    </form>
  </article>`;
}
