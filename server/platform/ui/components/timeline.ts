import { html } from 'hono/html';
import type { Html } from './html.ts';

export interface TimelineStep {
  /** The moment as people read it, and as a machine reads it. */
  at: string;
  datetime: string;
  label: string;
  actor?: string;
  /** Texts attached to the step (an answer, a note), each kept with its line breaks. */
  notes: readonly string[];
}

/** The steps of a case or an entry, oldest first. */
export function timeline(steps: readonly TimelineStep[], style: { className?: string; noteClass: string }): Html {
  return html`<ol${style.className ? html` class="${style.className}"` : ''}>
    ${steps.map(
      (
        s,
      ) => html`<li><time datetime="${s.datetime}">${s.at}</time> – <strong>${s.label}</strong>${s.actor ? ` – ${s.actor}` : ''}
        ${s.notes.map((note) => html`<p class="${style.noteClass}">${note}</p>`)}</li>`,
    )}
  </ol>`;
}
