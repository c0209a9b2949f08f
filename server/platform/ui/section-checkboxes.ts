import { html } from 'hono/html';
import { SECTIONS } from '#src/schema/sections.ts';

/** "Tin tức, Văn bản" for stored section ids; unknown ids (from old data) shown as they are. */
export function sectionLabels(ids: readonly string[]): string {
  return ids.map((id) => SECTIONS.find((s) => s.id === id)?.label ?? id).join(', ');
}

/** The eight Điều 7 sections as labelled checkboxes, grouped under a legend. */
export function sectionCheckboxes(props: { legend: string; checked: readonly string[]; error?: string; heading?: boolean }) {
  return html`<fieldset class="field${props.error ? ' field-invalid' : ''}" id="sections" ${props.error ? html`aria-describedby="sections-loi"` : ''}>
    <legend>${props.heading ? html`<h2>${props.legend}</h2>` : props.legend}</legend>
    ${props.error ? html`<p class="field-error" id="sections-loi">${props.error}</p>` : ''}
    ${SECTIONS.map(
      (section) => html`<div class="checkbox">
        <input type="checkbox" id="sections-${section.id}" name="sections" value="${section.id}" ${props.checked.includes(section.id) ? 'checked' : ''} />
        <label for="sections-${section.id}">${section.label}</label>
      </div>`,
    )}
  </fieldset>`;
}
