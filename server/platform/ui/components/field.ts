import { html } from 'hono/html';
import type { Html } from './html.ts';

export interface FieldOption {
  value: string;
  label: string;
  selected?: boolean;
}

export interface FieldView {
  id: string;
  /** The form field's name; the id when absent. */
  name?: string;
  label: string;
  control?: 'input' | 'select' | 'textarea' | 'checkbox';
  /** An input's type: text, password, email, tel, url. */
  type?: string;
  value?: string;
  checked?: boolean;
  options?: readonly FieldOption[];
  hint?: string;
  error?: string;
  /** Marked invalid with the message shown elsewhere (in the summary only). */
  invalid?: boolean;
  required?: boolean;
  autocomplete?: string;
  rows?: number;
  minLength?: number;
  maxLength?: number;
  /** For a file input: several files at once, and the extensions offered. */
  multiple?: boolean;
  accept?: string;
}

/** The class names and order of one of the two looks: the back office's and the department site's forms. */
export interface FieldStyle {
  field: string;
  invalid: string | null;
  hint: string;
  error: string;
  checkbox: string;
  /** The class of "(bắt buộc)" after a required field's label; null: the `required` attribute alone. */
  requiredMark: { className: string; text: string } | null;
  /** Words read before the error by screen readers only; null when the look has no such class. */
  errorPrefix: string | null;
  errorAfterControl: boolean;
}

const attribute = (name: string, value: string | number | undefined) =>
  value === undefined || value === '' ? '' : html` ${name}="${value}"`;
const flag = (name: string, on: boolean | undefined) => (on ? ` ${name}` : '');

function control(view: FieldView, describedBy: string, invalid: boolean): Html {
  const common = html`id="${view.id}" name="${view.name ?? view.id}"${attribute('aria-describedby', describedBy)}${attribute('aria-invalid', invalid ? 'true' : undefined)}${flag('required', view.required)}`;
  if (view.control === 'textarea') {
    return html`<textarea ${common}${attribute('rows', view.rows)}${attribute('minlength', view.minLength)}${attribute('maxlength', view.maxLength)}>${view.value ?? ''}</textarea>`;
  }
  if (view.control === 'select') {
    return html`<select ${common}>${(view.options ?? []).map((o) => html`<option value="${o.value}"${flag('selected', o.selected)}>${o.label}</option>`)}</select>`;
  }
  if (view.control === 'checkbox') return html`<input type="checkbox" ${common}${flag('checked', view.checked)} />`;
  const file = html`${flag('multiple', view.multiple)}${attribute('accept', view.accept)}`;
  return html`<input type="${view.type ?? 'text'}" ${common}${attribute('value', view.value)}${attribute('autocomplete', view.autocomplete)}${file} />`;
}

/** A labelled control with its hint and error, both tied to it by aria-describedby. */
export function field(view: FieldView, style: FieldStyle): Html {
  const hintId = view.hint ? `${view.id}-goi-y` : '';
  const errorId = view.error ? `${view.id}-loi` : '';
  const invalid = Boolean(view.error || view.invalid);
  const input = control(view, [hintId, errorId].filter(Boolean).join(' '), invalid);
  const mark =
    view.required && style.requiredMark
      ? html` <span class="${style.requiredMark.className}">${style.requiredMark.text}</span>`
      : '';
  const label = html`<label for="${view.id}">${view.label}${mark}</label>`;
  const hint = view.hint ? html`<p class="${style.hint}" id="${hintId}">${view.hint}</p>` : '';
  const prefix = style.errorPrefix ? html`<span class="visually-hidden">${style.errorPrefix}</span>` : '';
  const error = view.error ? html`<p class="${style.error}" id="${errorId}">${prefix}${view.error}</p>` : '';
  const classes = [
    style.field,
    view.control === 'checkbox' ? style.checkbox : '',
    invalid && style.invalid ? style.invalid : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (view.control === 'checkbox') return html`<div class="${classes}">${input} ${label}${hint}${error}</div>`;
  return style.errorAfterControl
    ? html`<div class="${classes}">${label}${hint}${input}${error}</div>`
    : html`<div class="${classes}">${label}${hint}${error}${input}</div>`;
}
