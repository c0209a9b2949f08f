import type { ErrorSummaryView } from './components/error-summary.ts';
import type { FormErrors } from './form-errors.ts';
import { t } from './vi.ts';

/** The summary above a refused back-office form, each entry linking to its field; null when nothing was refused. */
export function formErrorSummary(errors: FormErrors): ErrorSummaryView | null {
  if (errors.summary.length === 0) return null;
  return {
    id: 'loi',
    title: t('form.errorSummary'),
    items: errors.summary.map(({ fieldId, message }) => ({ text: message, href: fieldId ? `#${fieldId}` : undefined })),
  };
}
