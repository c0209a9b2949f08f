import type { AppError } from '../app-error.ts';
import { describeFieldProblem, type ValidationError } from '../errors.ts';

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
    const { issues } = (error as InstanceType<typeof ValidationError>).data;
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
