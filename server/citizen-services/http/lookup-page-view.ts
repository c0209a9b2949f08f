import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import { t } from '#server/platform/ui/vi.ts';

export interface LookupFormView {
  title: string;
  error: ErrorSummaryView | null;
  fields: FieldView[];
}

/** The look-up form (Điều 13.1): the code typed is kept after a refusal, the secret never is. */
export function lookupFormView(props: { code?: string; error?: string }): LookupFormView {
  return {
    title: props.error ? t('service.errorTitle', { title: t('service.lookupTitle') }) : t('service.lookupTitle'),
    error: props.error ? { className: 'dv-error-summary', message: props.error } : null,
    fields: [
      {
        id: 'ma-ho-so',
        name: 'code',
        label: t('receipt.code'),
        value: props.code ?? '',
        autocomplete: 'off',
        required: true,
      },
      {
        id: 'ma-bi-mat',
        name: 'secret',
        label: t('receipt.secret'),
        type: 'password',
        autocomplete: 'off',
        required: true,
      },
    ],
  };
}
