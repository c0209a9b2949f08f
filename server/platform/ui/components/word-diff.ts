import { html } from 'hono/html';
import type { Html } from './html.ts';

export interface WordDiffView {
  parts: ReadonlyArray<{ kind: 'same' | 'added' | 'removed'; text: string }>;
  /** Read before an insertion or a deletion by screen readers, which do not announce `ins`/`del`. */
  addedLabel: string;
  removedLabel: string;
}

/** Text with what was added in `<ins>` and what was removed in `<del>`. */
export function wordDiff(view: WordDiffView): Html {
  return html`<div class="diff">${view.parts.map((p) => {
    if (p.kind === 'added') return html`<ins><span class="visually-hidden">${view.addedLabel} </span>${p.text}</ins>`;
    if (p.kind === 'removed')
      return html`<del><span class="visually-hidden">${view.removedLabel} </span>${p.text}</del>`;
    return p.text;
  })}</div>`;
}
