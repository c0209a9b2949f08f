import { html } from 'hono/html';
import { dataAttributes } from './data-attributes.ts';
import type { Content, Html } from './html.ts';

export interface Fact {
  term: Content;
  detail: Content;
  /** The detail's id, for a page or a test to point at. */
  id?: string;
  data?: Readonly<Record<string, string>>;
  className?: string;
}

/** Facts about one thing as term/detail pairs. Falsy entries are facts the view model left out. */
export function factsTable(facts: ReadonlyArray<Fact | null | undefined | false>, className?: string): Html {
  const shown = facts.filter((f): f is Fact => Boolean(f));
  return html`<dl${className ? html` class="${className}"` : ''}>
    ${shown.map(
      (f) =>
        html`<dt>${f.term}</dt><dd${f.id ? html` id="${f.id}"` : ''}${f.className ? html` class="${f.className}"` : ''}${dataAttributes(f.data)}>${f.detail}</dd>`,
    )}
  </dl>`;
}
