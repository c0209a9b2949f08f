import { z } from 'zod';
import { DateTimeField, FileRef } from '../schema/common.ts';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../schema/content/legal-document.ts';
import { ENGLISH_TOPICS } from '../schema/content/english-page.ts';
import { INFORMATION_ACCESS_KINDS } from '../schema/content/information-list.ts';
import { NEWS_CATEGORIES } from '../schema/content/news.ts';
import { ONLINE_ACTIVITY_KINDS } from '../schema/content/online-activity.ts';
import { ORGANISATION_TOPICS } from '../schema/content/organisation.ts';
import { ONLINE_LEVELS, PROCEDURE_LEVELS, TIME_UNITS } from '../schema/content/procedure.ts';
import { PROCUREMENT_KINDS, PROCUREMENT_STATUSES } from '../schema/content/procurement.ts';
import { FIELD_LABELS, VALUE_LABELS } from './field-labels.ts';

/**
 * Turns a zod 4 schema into Decap CMS fields, so the CMS form is generated
 * from the one definition the build and the server validate with (ADR 0002,
 * STYLE.md §1). Only the shapes our schemas use are handled; anything else
 * throws, so a new kind of field cannot silently vanish from the form.
 */

export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  hint?: string;
  options?: Array<{ label: string; value: string }>;
  fields?: DecapField[];
  field?: DecapField;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  date_format?: string;
  time_format?: string | false;
  [key: string]: unknown;
}

/** Label maps of the enums (Vietnamese), found by their set of keys. */
const ENUM_LABEL_MAPS: ReadonlyArray<Record<string, string>> = [
  DOCUMENT_TYPES,
  DOCUMENT_STATUSES,
  NEWS_CATEGORIES,
  ONLINE_ACTIVITY_KINDS,
  ORGANISATION_TOPICS,
  ENGLISH_TOPICS,
  PROCEDURE_LEVELS,
  ONLINE_LEVELS,
  TIME_UNITS,
  PROCUREMENT_KINDS,
  PROCUREMENT_STATUSES,
  INFORMATION_ACCESS_KINDS,
];

type AnySchema = z.core.$ZodType;
// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped; each field is checked where it is read
const def = (s: AnySchema) => s._zod.def as unknown as Record<string, any> & { type: string };

function titleOf(schema: AnySchema): string | undefined {
  return (z.globalRegistry.get(schema as z.ZodType) as { title?: string } | undefined)?.title;
}

export function labelFor(values: readonly string[], value: string): string {
  const map = ENUM_LABEL_MAPS.find((m) => values.every((v) => Object.hasOwn(m, v)));
  return map?.[value] ?? VALUE_LABELS[value] ?? value;
}

/** Peels optional/default/nullable wrappers, keeping what they say about the field. */
function unwrap(schema: AnySchema): { inner: AnySchema; required: boolean; defaultValue?: unknown; title?: string } {
  let current = schema;
  let required = true;
  let defaultValue: unknown;
  let title = titleOf(schema);
  for (;;) {
    const d = def(current);
    if (d.type === 'optional' || d.type === 'nullable') required = false;
    else if (d.type === 'default') {
      required = false;
      defaultValue = typeof d.defaultValue === 'function' ? d.defaultValue() : d.defaultValue;
    } else break;
    current = d.innerType;
    title ??= titleOf(current);
  }
  return { inner: current, required, defaultValue, title };
}

// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped
function checks(schema: AnySchema): Array<Record<string, any>> {
  return ((def(schema).checks ?? []) as AnySchema[]).map((c) => def(c));
}

function bounds(schema: AnySchema): { min?: number; max?: number; int: boolean } {
  const out: { min?: number; max?: number; int: boolean } = { int: false };
  for (const c of checks(schema)) {
    if (c.check === 'greater_than' || c.check === 'min_length') out.min = c.value ?? c.minimum;
    if (c.check === 'less_than' || c.check === 'max_length') out.max = c.value ?? c.maximum;
    if (c.check === 'number_format' && /int/.test(c.format)) out.int = true;
  }
  return out;
}

export function fieldsOf(schema: AnySchema, path = ''): DecapField[] {
  const d = def(unwrap(schema).inner);
  if (d.type !== 'object') throw new Error(`${path || 'schema'}: expected an object schema, got ${d.type}`);
  return Object.entries(d.shape as Record<string, AnySchema>).map(([name, field]) =>
    toField(name, field, path ? `${path}.${name}` : name),
  );
}

export function toField(name: string, schema: AnySchema, path = name): DecapField {
  const { inner, required, defaultValue, title } = unwrap(schema);
  const d = def(inner);
  const base: DecapField = { name, label: title ?? FIELD_LABELS[name] ?? name, widget: 'string' };
  if (!required) base.required = false;
  if (defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0))
    base.default = defaultValue;
  switch (d.type) {
    case 'string': {
      if (inner === FileRef) return { ...base, widget: 'file', hint: 'Tệp được lưu trong thư mục /tep/ của trang.' };
      if (name === 'src') return { ...base, widget: 'image' };
      const { max } = bounds(inner);
      return { ...base, widget: max !== undefined && max > 300 ? 'text' : 'string' };
    }
    case 'number': {
      const { min, max, int } = bounds(inner);
      return {
        ...base,
        widget: 'number',
        value_type: int ? 'int' : 'float',
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      };
    }
    case 'boolean':
      return { ...base, widget: 'boolean', default: defaultValue ?? false };
    case 'date':
      // A moment (docs/adr/0049) is stored with its hour and offset, as DateTimeField parses it back.
      if (inner === DateTimeField)
        return {
          ...base,
          widget: 'datetime',
          format: 'YYYY-MM-DDTHH:mm:ssZ',
          date_format: 'YYYY-MM-DD',
          time_format: 'HH:mm',
        };
      // In Decap 3 these are the stored format (the browser's own date picker does the display): ISO dates,
      // as the sample entries are written and as DateField parses; `DD/MM/YYYY` was stored as-is and refused.
      return { ...base, widget: 'datetime', date_format: 'YYYY-MM-DD', time_format: false };
    case 'enum': {
      const values = Object.values(d.entries as Record<string, string>);
      return { ...base, widget: 'select', options: values.map((v) => ({ value: v, label: labelFor(values, v) })) };
    }
    case 'object': {
      // Decap checks an optional object's required children even when the object is left empty, so an optional
      // image would become mandatory; the server's zod check still enforces them when the object is filled in.
      const fields = fieldsOf(inner, path);
      return { ...base, widget: 'object', fields: required ? fields : fields.map((f) => ({ ...f, required: false })) };
    }
    case 'array': {
      const element = unwrap(d.element as AnySchema).inner;
      const { min } = bounds(inner);
      const list: DecapField = { ...base, widget: 'list', ...(min ? { min } : {}) };
      if (def(element).type === 'object') return { ...list, fields: fieldsOf(element, path) };
      return { ...list, field: toField('item', element, `${path}[]`) };
    }
    case 'union':
      return unionField(base, d, path);
    default:
      throw new Error(`${path}: no Decap widget for zod type "${d.type}"`);
  }
}

/**
 * A discriminated union of objects (e.g. a news source: original | cited)
 * becomes one object: the discriminator as a select, the other fields
 * optional in the form; the server's zod check still enforces each variant.
 */
// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped
function unionField(base: DecapField, d: Record<string, any>, path: string): DecapField {
  const key = d.discriminator as string | undefined;
  if (!key) throw new Error(`${path}: only discriminated unions have a Decap widget`);
  const variants = (d.options as AnySchema[]).map((o) => def(o).shape as Record<string, AnySchema>);
  const values = variants.map((v) => String(def(v[key]).values[0]));
  const fields: DecapField[] = [
    {
      name: key,
      label: FIELD_LABELS[key] ?? key,
      widget: 'select',
      options: values.map((v) => ({ value: v, label: labelFor(values, v) })),
    },
  ];
  for (const shape of variants) {
    for (const [name, field] of Object.entries(shape)) {
      if (name === key || fields.some((f) => f.name === name)) continue;
      fields.push({ ...toField(name, field, `${path}.${name}`), required: false });
    }
  }
  return { ...base, widget: 'object', fields };
}
