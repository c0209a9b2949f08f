import { html } from 'hono/html';
import type { Content, Html } from './html.ts';

export interface ErrorSummaryView {
  title?: string;
  /** A sentence for errors that belong to no field. */
  message?: string;
  /** One entry per problem, linking to its field when there is one. */
  items?: ReadonlyArray<{ text: string; href?: string }>;
  /** The error's stable code, shown so the person can quote it to the IT officer. */
  code?: { label: string; value: string };
  /**
   * When set, the summary can take focus (GOV.UK pattern: the page moves
   * focus to it after a failed submit) and its title labels it.
   */
  id?: string;
  className?: 'error-summary' | 'dv-error-summary';
}

/** Announced on render (role="alert"); every entry is a link to the field to fix. */
export function errorSummary(view: ErrorSummaryView | null): Html | string {
  if (!view) return '';
  const { title, message, items = [], code, id, className = 'error-summary' } = view;
  const titleId = id && title ? `${id}-tieu-de` : undefined;
  const focus = id ? html` id="${id}" tabindex="-1"` : '';
  const labelledBy = titleId ? html` aria-labelledby="${titleId}"` : '';
  const entry = (item: { text: string; href?: string }): Content =>
    item.href ? html`<a href="${item.href}">${item.text}</a>` : item.text;
  return html`<div class="${className}" role="alert"${labelledBy}${focus}>
    ${title ? html`<h2${titleId ? html` id="${titleId}"` : ''}>${title}</h2>` : ''}
    ${message ? html`<p>${message}</p>` : ''}
    ${items.length ? html`<ul>${items.map((item) => html`<li>${entry(item)}</li>`)}</ul>` : ''}
    ${code ? html`<p class="hint">${code.label} <code>${code.value}</code></p>` : ''}
  </div>`;
}
