import { html } from 'hono/html';
import type { Content, Html } from './html.ts';

export interface NoticeView {
  text: Content;
  /** A list under the sentence, e.g. what was converted in each field. */
  items?: readonly Content[];
  /** `status` for a confirmation just done (announced), `note` for lasting advice. */
  role?: 'status' | 'note';
  className?: 'notice' | 'dv-notice';
}

/** A boxed sentence: a confirmation after a redirect, or a warning that stays on the page. */
export function notice(view: NoticeView | null): Html | string {
  if (!view) return '';
  const { text, items, role = 'status', className = 'notice' } = view;
  if (!items?.length) return html`<p class="${className}" role="${role}">${text}</p>`;
  return html`<div class="${className}" role="${role}"><p>${text}</p><ul>${items.map((item) => html`<li>${item}</li>`)}</ul></div>`;
}
