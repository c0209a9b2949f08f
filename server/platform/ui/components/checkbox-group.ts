import { html } from 'hono/html';
import type { Html } from './html.ts';

export interface CheckboxGroupView {
  legend: string;
  /** The legend as a heading, when the group is a section of its own. */
  heading?: boolean;
  name: string;
  /** Ids are `<idPrefix>-<value>`; the fieldset's id is the prefix. */
  idPrefix: string;
  options: ReadonlyArray<{ value: string; label: string; checked: boolean }>;
  error?: string;
}

/** Several choices under one legend, each box with its own label. */
export function checkboxGroup(view: CheckboxGroupView): Html {
  const errorId = `${view.idPrefix}-loi`;
  return html`<fieldset class="field${view.error ? ' field-invalid' : ''}" id="${view.idPrefix}"${view.error ? html` aria-describedby="${errorId}"` : ''}>
    <legend>${view.heading ? html`<h2>${view.legend}</h2>` : view.legend}</legend>
    ${view.error ? html`<p class="field-error" id="${errorId}">${view.error}</p>` : ''}
    ${view.options.map(
      (o) => html`<div class="checkbox">
        <input type="checkbox" id="${view.idPrefix}-${o.value}" name="${view.name}" value="${o.value}"${o.checked ? ' checked' : ''} />
        <label for="${view.idPrefix}-${o.value}">${o.label}</label>
      </div>`,
    )}
  </fieldset>`;
}
