import { html } from 'hono/html';
import { dataTable } from '#server/platform/ui/components/data-table.ts';
import { errorSummary } from '#server/platform/ui/components/error-summary.ts';
import { factsTable } from '#server/platform/ui/components/facts-table.ts';
import { field } from '#server/platform/ui/components/field.ts';
import { layout } from '#server/platform/ui/components/layout.ts';
import { notice } from '#server/platform/ui/components/notice.ts';
import { BACK_OFFICE_FIELD } from '#server/platform/ui/field-styles.ts';
import { t } from '#server/platform/ui/vi.ts';
import { wordDiff } from '#server/platform/ui/components/word-diff.ts';
import type { DiffView, EntryHistoryPageView, Moment } from './entry-history-page-view.ts';

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

const words = (parts: DiffView['body'] & object) =>
  wordDiff({ parts, addedLabel: t('versions.added'), removedLabel: t('versions.removed') });

function diff(view: DiffView) {
  if (view.same) return html`<p>${t('versions.noDifference')}</p>`;
  return html`${
    view.fields.length
      ? dataTable({
          caption: t('versions.fields'),
          headers: [t('versions.field'), t('versions.before'), t('versions.after')],
          rowHeaders: true,
          rows: view.fields.map((f) => [f.field, f.before, words(f.parts)]),
        })
      : ''
  }
    <h3>${t('versions.body')}</h3>
    ${view.body ? words(view.body) : html`<p>${t('versions.bodySame')}</p>`}`;
}

function versions(view: EntryHistoryPageView) {
  if (!view.versions) return '';
  const { rows, compareForm } = view.versions;
  return html`<section aria-labelledby="versions-heading">
    <h2 id="versions-heading">${t('versions.heading')}</h2>
    <p class="hint">${t('versions.hint')}</p>
    ${dataTable({
      caption: t('versions.caption'),
      headers: [
        t('versions.n'),
        t('versions.at'),
        t('versions.by'),
        t('versions.step'),
        t('versions.verifiedBy'),
        t('versions.published'),
        t('versions.restore'),
      ],
      rowHeaders: true,
      rows: rows.map((r) => ({
        data: { 'phien-ban': String(r.n) },
        cells: [
          String(r.n),
          time(r.at),
          r.by,
          r.step,
          r.verifiedBy,
          r.published,
          r.restore
            ? html`<form method="post" action="${r.restore.action}"><input type="hidden" name="phien-ban" value="${r.n}" /><button type="submit" class="button-secondary">${r.restore.button}</button></form>`
            : t('common.none'),
        ],
      })),
    })}
    ${
      compareForm
        ? html`<form method="get" action="${compareForm.action}" class="filters">
          <h3>${t('versions.compare')}</h3>
          ${field(compareForm.from, BACK_OFFICE_FIELD)} ${field(compareForm.to, BACK_OFFICE_FIELD)}
          <button type="submit">${t('versions.compareButton')}</button>
        </form>`
        : ''
    }
    ${
      view.comparison
        ? html`<section aria-labelledby="comparison-heading" id="so-sanh">
          <h3 id="comparison-heading">${view.comparison.heading}</h3>
          ${diff(view.comparison.diff)}
        </section>`
        : ''
    }
  </section>`;
}

function share(view: EntryHistoryPageView) {
  if (!view.share) return '';
  const { form, rows, secret } = view.share;
  return html`<section aria-labelledby="share-heading">
    <h2 id="share-heading">${t('share.heading')}</h2>
    <p class="hint">${t('share.hint')}</p>
    ${secret ? html`<p class="notice" role="note">${secret}</p>` : ''}
    ${
      form
        ? html`<form method="post" action="${form.action}" class="filters">
          ${field(form.lifetime, BACK_OFFICE_FIELD)}
          <button type="submit">${t('share.create')}</button>
        </form>`
        : ''
    }
    ${
      rows.length
        ? dataTable({
            caption: t('share.caption'),
            headers: [
              t('share.link'),
              t('share.createdBy'),
              t('share.expires'),
              t('share.status'),
              t('share.uses'),
              t('share.revoke'),
            ],
            rows: rows.map((r) => ({
              data: { 'lien-ket': r.url },
              cells: [
                html`<code class="share-url">${r.url}</code>`,
                r.createdBy,
                time(r.expires),
                r.status,
                String(r.uses),
                r.revoke
                  ? html`<form method="post" action="${r.revoke.action}"><input type="hidden" name="lien-ket" value="${r.revoke.id}" /><button type="submit" class="button-secondary">${t('share.revokeButton')}</button></form>`
                  : t('common.none'),
              ],
            })),
          })
        : ''
    }
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
          {
            term: t('entry.lastUpdate'),
            detail: view.lastUpdate ? html`${time(view.lastUpdate.at)}, ${view.lastUpdate.by}` : t('common.none'),
          },
          view.urgent && {
            term: t('entry.urgent'),
            detail: html`${view.urgent.by}, ${time(view.urgent.at)}. ${t('entry.urgentReason', { reason: view.urgent.reason })}`,
          },
        ],
        'facts',
      )}
      ${
        view.sinceVerified
          ? html`<section aria-labelledby="since-verified-heading" class="since-verified">
            <h2 id="since-verified-heading">${t('versions.sinceVerified')}</h2>
            <p>${view.sinceVerified.text}</p>
            ${view.sinceVerified.diff ? diff(view.sinceVerified.diff) : ''}
          </section>`
          : ''
      }
      ${actionForms(view)}
      ${
        view.steps.length === 0
          ? html`<p>${t('entry.noSteps')}</p>`
          : dataTable({
              caption: t('entry.stepsCaption'),
              headers: [t('entry.at'), t('entry.step'), t('entry.by'), t('entry.after')],
              rows: view.steps.map((s) => [time(s.at), s.step, s.by, s.state]),
            })
      }
      ${share(view)}
      ${versions(view)}`,
  );
}
