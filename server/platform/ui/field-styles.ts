import type { FieldStyle } from './components/field.ts';
import { t } from './vi.ts';

/** The back office's forms: error above the control, GOV.UK style. */
export const BACK_OFFICE_FIELD: FieldStyle = {
  field: 'field',
  invalid: 'field-invalid',
  hint: 'hint',
  error: 'field-error',
  checkbox: 'checkbox',
  requiredMark: null,
  errorPrefix: t('form.errorPrefix'),
  errorAfterControl: false,
};

/** The citizen forms inside a department site's shell (dich-vu.css): "(bắt buộc)" after the label, error below the control. */
export const CITIZEN_FIELD: FieldStyle = {
  field: 'dv-field',
  invalid: null,
  hint: 'dv-hint',
  error: 'dv-error',
  checkbox: 'dv-check',
  requiredMark: { className: 'dv-required', text: t('form.required') },
  errorPrefix: null,
  errorAfterControl: true,
};

/** Short citizen forms where every field is needed (the look-up): no mark repeated on each. */
export const CITIZEN_FIELD_UNMARKED: FieldStyle = { ...CITIZEN_FIELD, requiredMark: null };
