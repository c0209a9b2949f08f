import { html } from 'hono/html';
import { delegationGrants } from '#server/accounts/index.ts';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { CompliancePageView, SiteComplianceView } from './compliance-page-view.ts';

const link = (l: { href: string; text: string }) => html`<a href="${l.href}">${l.text}</a>`;

function publicationBlock(s: SiteComplianceView) {
  return html`${
    s.excluded.length
      ? html`<h3>${t('compliance.excluded')}</h3>
          <p>${t('compliance.excludedText')}</p>
          <ul>${s.excluded.map((p) => html`<li><code>${p.file}</code>: ${p.message}</li>`)}</ul>`
      : ''
  }
    ${
      s.urgent
        ? dataTable({
            caption: t('compliance.urgent'),
            headers: [
              t('compliance.entry'),
              t('compliance.urgentBy'),
              t('compliance.urgentAt'),
              t('compliance.urgentReason'),
            ],
            rows: s.urgent.map((u) => [link(u.entry), u.by, u.at, u.reason]),
            empty: t('compliance.noUrgent'),
          })
        : ''
    }`;
}

function siteBlock(s: SiteComplianceView) {
  return html`<section aria-labelledby="tt-${s.id}">
    <h2 id="tt-${s.id}">${s.heading}</h2>
    ${dataTable({
      caption: t('compliance.sections'),
      headers: [t('compliance.clause'), t('compliance.section'), t('compliance.entries')],
      rows: s.sections.map((x) => [
        String(x.clause),
        x.title,
        x.entries === 0 ? html`<strong>${t('compliance.missing')}</strong>` : String(x.entries),
      ]),
    })}
    <p>${s.news}</p>
    ${
      s.waiting === null
        ? html`<p>${t('compliance.noRepository')}</p>`
        : dataTable({
            caption: t('compliance.waiting'),
            headers: [t('compliance.entry'), t('compliance.step'), t('compliance.since'), t('compliance.workingDays')],
            rows: s.waiting.map((w) => [link(w.entry), w.step, w.since, String(w.workingDays)]),
            empty: t('compliance.noneWaiting'),
          })
    }
    ${publicationBlock(s)}
    <p>${s.emails}</p>
    ${
      s.todo.length
        ? html`<h3>${t('compliance.todo')}</h3>
          <ul>${s.todo.map((f) => html`<li><strong>${f.severity}:</strong> ${f.message}${f.file ? html` (<code>${f.file}</code>)` : ''}</li>`)}</ul>`
        : ''
    }
  </section>`;
}

export function compliancePage(view: CompliancePageView) {
  return layout(
    view.frame,
    html`<h1>${t('compliance.heading')}</h1>
      <p>${view.summary}</p>
      ${view.sites.map(siteBlock)}
      ${view.delegations ? delegationGrants(view.delegations) : ''}`,
  );
}
