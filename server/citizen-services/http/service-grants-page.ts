import { html } from 'hono/html';
import { checkboxGroup } from '#server/platform/ui/components/checkbox-group.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { ServiceGrantsPageView } from './service-grants-page-view.ts';

export function serviceGrantsPage(view: ServiceGrantsPageView) {
  return layout(
    view.frame,
    html`<h1>${t('serviceGrants.heading')}</h1>
      <p>${t('serviceGrants.hint')}</p>
      ${view.officers.map(
        (o) => html`<form method="post" action="${o.action}">
          ${checkboxGroup(o.services)}
          <button type="submit">${t('serviceGrants.save')}</button>
        </form>`,
      )}`,
  );
}
