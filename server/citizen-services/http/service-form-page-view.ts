import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { ConsultationRef, ProcedureRef } from '../content-lookup.ts';
import type { UploadLimits } from '../uploads.ts';
import { FORM_FIELDS, type FieldSpec, SERVICE_PATH } from './service-form-fields.ts';
import { ACCEPTED_EXTENSIONS, uploadHint } from './upload-hint.ts';

export interface FieldError {
  field: string;
  message: string;
}

export interface ServiceFormProps {
  service: ServiceId;
  values: Record<string, unknown>;
  errors: FieldError[];
  /** A sentence above the form for errors that belong to no field (files, proof of work, limits). */
  formError?: string;
  idempotencyKey: string;
  procedure?: ProcedureRef | null;
  consultation?: ConsultationRef | null;
  /** The service's configured limits when it takes files; null when it takes none. */
  uploadLimits: UploadLimits | null;
}

export interface ServiceFormView {
  title: string;
  heading: string;
  service: ServiceId;
  action: string;
  multipart: boolean;
  errors: ErrorSummaryView | null;
  /** The documents the chosen procedure asks for (Điều 7.3), to attach. */
  checklist: { procedure: string; documents: string[] } | null;
  consultation: string | null;
  idempotencyKey: string;
  hidden: Array<{ name: string; value: string }>;
  fields: FieldView[];
  files: FieldView | null;
  consent: FieldView;
}

const fieldId = (name: string) => `truong-${name}`;

function fieldView(spec: FieldSpec, value: unknown, error: string | undefined): FieldView {
  const common = {
    id: fieldId(spec.name),
    name: spec.name,
    label: spec.label,
    hint: spec.hint,
    error,
    required: spec.required,
  };
  const text = typeof value === 'string' ? value : '';
  if (spec.type === 'checkbox') return { ...common, control: 'checkbox', checked: value === true || value === 'on' };
  if (spec.type === 'textarea') return { ...common, control: 'textarea', rows: 6, value: text };
  if (spec.type === 'select') {
    const options = Object.entries(spec.options ?? {}).map(([v, label]) => ({ value: v, label, selected: v === text }));
    return { ...common, control: 'select', options: [{ value: '', label: t('form.choose') }, ...options] };
  }
  return { ...common, type: spec.type, value: text, autocomplete: spec.autocomplete };
}

/** A citizen form as sent back with its errors, or fresh; it works with no script at all (Điều 13). */
export function serviceFormView(props: ServiceFormProps): ServiceFormView {
  const byField = new Map(props.errors.map((e) => [e.field, e.message]));
  const specs = FORM_FIELDS[props.service];
  const refused = props.errors.length > 0 || props.formError !== undefined;
  const text = (name: string) => (typeof props.values[name] === 'string' ? String(props.values[name]) : '');
  return {
    title: refused ? t('service.errorTitle', { title: t('service.formTitle') }) : t('service.formTitle'),
    heading: SERVICE_LABELS[props.service],
    service: props.service,
    action: SERVICE_PATH(props.service),
    multipart: props.uploadLimits !== null,
    errors: refused
      ? {
          className: 'dv-error-summary',
          id: 'loi-bieu-mau',
          title: t('form.notSent'),
          message: props.formError,
          items: props.errors.map((e) => ({ text: e.message, href: `#${fieldId(e.field)}` })),
        }
      : null,
    checklist: props.procedure
      ? {
          procedure: t('form.procedure', { code: props.procedure.code, title: props.procedure.title }),
          documents: props.procedure.documents.map((d) =>
            t('form.document', { name: d.name, copies: d.copies, kind: t(d.original ? 'form.original' : 'form.copy') }),
          ),
        }
      : null,
    consultation: props.consultation?.title ?? null,
    idempotencyKey: props.idempotencyKey,
    hidden: specs.filter((s) => s.type === 'hidden').map((s) => ({ name: s.name, value: text(s.name) })),
    fields: specs
      .filter((s) => s.type !== 'hidden')
      .map((s) => fieldView(s, props.values[s.name], byField.get(s.name))),
    files: props.uploadLimits
      ? {
          id: fieldId('files'),
          name: 'files',
          label: t('form.files'),
          type: 'file',
          multiple: true,
          accept: ACCEPTED_EXTENSIONS,
          hint: uploadHint(props.uploadLimits),
          error: byField.get('files'),
        }
      : null,
    consent: fieldView(
      { name: 'consent', label: t('form.consent'), type: 'checkbox', required: true },
      props.values.consent,
      byField.get('consent'),
    ),
  };
}
