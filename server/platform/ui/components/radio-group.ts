import { html } from 'hono/html';
import type { Html } from './html.ts';

export interface RadioGroupView {
  legend: string;
  name: string;
  /** Ids are `<idPrefix>-<value>`; the fieldset's id is the prefix, for an error summary to point at. */
  idPrefix: string;
  options: ReadonlyArray<{ value: string; label: string; checked: boolean }>;
  required?: boolean;
  /** The citizen site's classes or the back office's. */
  className: string;
  optionClass: string;
}

/** One choice among several under one legend, each button with its own label. */
export function radioGroup(view: RadioGroupView): Html {
  return html`<fieldset class="${view.className}" id="${view.idPrefix}">
    <legend>${view.legend}</legend>
    ${view.options.map(
      (o) => html`<div class="${view.optionClass}">
        <input type="radio" id="${view.idPrefix}-${o.value}" name="${view.name}" value="${o.value}"${o.checked ? ' checked' : ''}${view.required ? ' required' : ''} />
        <label for="${view.idPrefix}-${o.value}">${o.label}</label>
      </div>`,
    )}
  </fieldset>`;
}
