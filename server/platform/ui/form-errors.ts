import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AppError } from '../app-error.ts';
import { describeFieldProblem, type ValidationError } from '../errors.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface FormErrors {
  /** In page order, each linking to its field when there is one. */
  summary: Array<{ fieldId?: string; message: string }>;
  byField: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { summary: [], byField: {} };

/**
 * Places an error on the form: per-field for validation issues, on the field
 * a code is about (e.g. E_WEAK_PASSWORD → new password), else in the summary.
 */
export function formErrorsFrom(
  error: AppError<object>,
  fieldFor: (error: AppError<object>) => string | undefined = () => undefined,
  labels: Record<string, string> = {},
): FormErrors {
  if (error.code === 'E_INVALID_INPUT') {
    const { issues } = (error as ValidationError).data;
    const byField: Record<string, string> = {};
    const summary = issues.map(({ field, problem }) => {
      const message = `${labels[field] ?? 'Dữ liệu'}: ${describeFieldProblem(problem)}`;
      byField[field] ??= describeFieldProblem(problem);
      return { fieldId: labels[field] ? field : undefined, message };
    });
    return { summary, byField };
  }
  const message = error.message;
  const fieldId = fieldFor(error);
  return { summary: [{ fieldId, message }], byField: fieldId ? { [fieldId]: message } : {} };
}

/** GOV.UK-style summary: announced on render, each entry a link to the field. */
export function errorSummary(errors: FormErrors): Html | string {
  if (errors.summary.length === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="loi">
    <h2 id="error-summary-title">Có lỗi cần xử lý</h2>
    <ul>
      ${errors.summary.map(({ fieldId, message }) => html`<li>${fieldId ? html`<a href="#${fieldId}">${message}</a>` : message}</li>`)}
    </ul>
  </div>`;
}

export interface FieldProps {
  id: string;
  label: string;
  type?: 'text' | 'password';
  value?: string;
  autocomplete?: string;
  hint?: string;
  required?: boolean;
  errors: FormErrors;
}

/** A labelled input with its hint and error tied by aria-describedby. */
export function field(props: FieldProps): Html {
  const error = props.errors.byField[props.id];
  const describedBy = [props.hint ? `${props.id}-goi-y` : '', error ? `${props.id}-loi` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' field-invalid' : ''}">
    <label for="${props.id}">${props.label}</label>
    ${props.hint ? html`<p class="hint" id="${props.id}-goi-y">${props.hint}</p>` : ''}
    ${error ? html`<p class="field-error" id="${props.id}-loi"><span class="visually-hidden">Lỗi: </span>${error}</p>` : ''}
    <input
      id="${props.id}"
      name="${props.id}"
      type="${props.type ?? 'text'}"
      ${props.value !== undefined ? html`value="${props.value}"` : ''}
      ${props.autocomplete ? html`autocomplete="${props.autocomplete}"` : ''}
      ${props.required ? 'required' : ''}
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
      ${error ? html`aria-invalid="true"` : ''}
    />
  </div>`;
}
