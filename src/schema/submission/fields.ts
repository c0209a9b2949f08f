import { z } from 'zod';

/**
 * Fields shared by the citizen forms (Điều 13). Input comes from browsers,
 * copy-paste and bots, so every text is normalised (NFC, line breaks,
 * surrounding spaces) before its length is measured, and characters that
 * can hide or reorder text are refused. Each message names the field, in
 * Vietnamese: it is shown beside the input it concerns.
 *
 * A field reports at most one issue and never aborts the parse: an aborted
 * field would hide the form-level check (no way to contact the sender), and
 * a citizen should see every problem of the form at once.
 */

/**
 * Stable names of what is wrong with a field, the `problem` of a
 * `ValidationError` issue (`server/platform/errors.ts`); tests and
 * clients rely on these, never on the wording.
 */
export type FieldProblem =
  | 'required'
  | 'too-short'
  | 'too-long'
  | 'control-characters'
  | 'invalid-format'
  | 'not-allowed'
  | 'consent-required'
  | 'contact-required';

/**
 * C0 and C1 controls (tab and line feed are allowed where lines are), DEL,
 * the bidirectional marks, overrides and isolates that make "fdp.exe" read
 * "exe.pdf", and the BOM. Zero-width joiners stay: emoji need them.
 */
const FORBIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const FORBIDDEN_IN_LINE = /[\t\n]/u;

const lengthOf = (s: string) => [...s].length;

function normaliseText(value: string, multiline: boolean): string {
  const nfc = value.normalize('NFC').replace(/\r\n?/g, '\n');
  if (multiline) return nfc.replace(/[ \t]+$/gm, '').trim();
  return nfc.trim().replace(/ {2,}/g, ' ');
}

type Ctx = z.core.$RefinementCtx<string>;
function fail(ctx: Ctx, problem: FieldProblem, message: string): void {
  ctx.addIssue({ code: 'custom', message, params: { problem } });
}

/** A missing field is an empty one, so it gets the field's own "required" message. */
const missingAsEmpty = (value: unknown) => value ?? '';

/** Browsers send an untouched input as "": that means absent, not "too short". */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const stringOf = (label: string) => z.string({ error: `${label} phải là văn bản.` });

export interface TextOptions {
  min?: number;
  max: number;
  multiline?: boolean;
  /** A shape the text must have, and the end of the sentence saying so. */
  shape?: { pattern: RegExp; message: string };
}

/** A required text field; `label` starts the messages: "Họ và tên không được để trống." */
export function text(label: string, { min = 1, max, multiline = false, shape }: TextOptions) {
  return z.preprocess(
    missingAsEmpty,
    stringOf(label)
      .transform((s) => normaliseText(s, multiline))
      .pipe(
        z.string().superRefine((s, ctx) => {
          if (!s.isWellFormed() || FORBIDDEN_CHARACTERS.test(s) || (!multiline && FORBIDDEN_IN_LINE.test(s))) {
            fail(ctx, 'control-characters', `${label} chứa ký tự điều khiển hoặc ký tự không hợp lệ.`);
          } else if (s.length === 0) {
            fail(ctx, 'required', `${label} không được để trống.`);
          } else if (lengthOf(s) < min) {
            fail(ctx, 'too-short', `${label} phải có ít nhất ${min} ký tự.`);
          } else if (lengthOf(s) > max) {
            fail(ctx, 'too-long', `${label} không được dài quá ${max} ký tự.`);
          } else if (shape && !shape.pattern.test(s)) {
            fail(ctx, 'invalid-format', `${label} ${shape.message}`);
          }
        }),
      ),
  );
}

export function optionalText(label: string, options: TextOptions) {
  return z.preprocess(blankToUndefined, text(label, options).optional());
}

interface PatternOptions {
  /** Drops what people type between groups of digits. */
  normalise: (s: string) => string;
  pattern: RegExp;
  /** Says what the right form is: "phải gồm đúng 12 chữ số". */
  message: string;
  max: number;
}

/** A code with a fixed shape: ID number, tax code, telephone, e-mail, slug. */
export function coded(label: string, { normalise, pattern, message, max }: PatternOptions) {
  return z.preprocess(
    missingAsEmpty,
    stringOf(label)
      .transform(normalise)
      .pipe(
        z.string().superRefine((s, ctx) => {
          if (s.length === 0) fail(ctx, 'required', `${label} không được để trống.`);
          else if (s.length > max) fail(ctx, 'too-long', `${label} không được dài quá ${max} ký tự.`);
          else if (!pattern.test(s)) fail(ctx, 'invalid-format', `${label} ${message}`);
        }),
      ),
  );
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Letters (with their marks), spaces, apostrophes, dots and hyphens: "Tôn Nữ Thị Hà", "H'Hen Niê". */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

export function personName(label = 'Họ và tên') {
  return text(label, {
    min: 2,
    max: 100,
    shape: { pattern: NAME, message: 'chỉ gồm chữ cái, dấu cách, dấu nháy, dấu chấm và dấu gạch nối.' },
  });
}

/** Số định danh cá nhân on the thẻ căn cước (Luật Căn cước 2023): 12 digits. */
export function idNumber(label = 'Số định danh cá nhân (số căn cước)') {
  return coded(label, {
    normalise: (s) => s.replace(/[\s.]/g, ''),
    pattern: /^\d{12}$/,
    message: 'phải gồm đúng 12 chữ số.',
    max: 20,
  });
}

export const optionalIdNumber = () => optional(idNumber());

/** Mã số thuế or mã số doanh nghiệp: 10 digits, or 10 digits, a hyphen and 3 for a branch. */
export function taxCode(label = 'Mã số thuế') {
  return coded(label, {
    normalise: (s) => s.replace(/\s/g, ''),
    pattern: /^\d{10}(-\d{3})?$/,
    message: 'phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số.',
    max: 20,
  });
}

/**
 * A Vietnamese telephone number, kept as dialled at home: "0912345678",
 * "02343822149". "+84 91 234 5678" and separators are accepted.
 */
export function phone(label = 'Số điện thoại') {
  return coded(label, {
    normalise: (s) => s.replace(/[\s.()-]/g, '').replace(/^\+84/, '0'),
    pattern: /^0\d{9,10}$/,
    message: 'không hợp lệ (ví dụ: 0912 345 678 hoặc 0234 3822 149).',
    max: 20,
  });
}

export function email(label = 'Thư điện tử') {
  return coded(label, {
    normalise: (s) => s.trim(),
    pattern: z.regexes.email,
    message: 'không hợp lệ (ví dụ: ten@example.com).',
    max: 254,
  });
}

export const optionalPhone = (label?: string) => optional(phone(label));
export const optionalEmail = (label?: string) => optional(email(label));

/** Kebab-case identifiers of content entries, as they appear in addresses. */
export function slug(label: string, max = 200) {
  return coded(label, {
    normalise: (s) => s.trim(),
    pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
    message: 'không hợp lệ.',
    max,
  });
}

/** Checkbox values as browsers send them. */
function checkboxValue(value: unknown): unknown {
  if (value === 'on' || value === 'true' || value === '1' || value === 1) return true;
  if (value === undefined || value === '' || value === 'false' || value === 'off' || value === '0' || value === 0)
    return false;
  return value;
}

/** Consent to the privacy notice (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): without it nothing is stored. */
export const Consent = z
  .preprocess(
    checkboxValue,
    z.unknown().superRefine((value, ctx) => {
      if (value !== true) {
        ctx.addIssue({
          code: 'custom',
          message: 'Vui lòng đọc và đồng ý với thông báo về xử lý dữ liệu cá nhân trước khi gửi.',
          params: { problem: 'consent-required' },
        });
      }
    }),
  )
  .transform(() => true as const);

export function optionalCheckbox(label: string) {
  return z.preprocess(checkboxValue, z.boolean({ error: `${label}: giá trị không hợp lệ.` }));
}

/**
 * The field hidden from people by CSS; software that fills every input
 * fills it too. The route decides what to answer; the schema only tells.
 */
export const HONEYPOT_FIELD = 'homepage';
export const Honeypot = z
  .preprocess(
    missingAsEmpty,
    z.unknown().superRefine((value, ctx) => {
      if (value !== '')
        ctx.addIssue({ code: 'custom', message: 'Trường này phải để trống.', params: { problem: 'not-allowed' } });
    }),
  )
  .transform(() => '' as const);

const present = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** At least one way to reach the sender; runs even when other fields failed (`when`). */
export function contactRequired<T extends z.ZodType>(
  schema: T,
  message = 'Vui lòng nhập số điện thoại hoặc thư điện tử để cơ quan liên hệ.',
) {
  return schema.refine(
    (value) => {
      const v = value as { phone?: unknown; email?: unknown };
      return present(v.phone) || present(v.email);
    },
    {
      error: message,
      path: ['phone'],
      params: { problem: 'contact-required' },
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    },
  );
}

/** The error for a body that is not a form at all. */
export const FORM_ERROR = { error: 'Dữ liệu biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.' };

const PROBLEM_OF_CODE: Record<string, FieldProblem> = {
  invalid_type: 'invalid-format',
  invalid_value: 'not-allowed',
  invalid_union: 'not-allowed',
  invalid_format: 'invalid-format',
  too_small: 'too-short',
  too_big: 'too-long',
};

/** Each issue as the form and `ValidationError` show it: field path, stable problem, Vietnamese message. */
export function fieldIssues(error: z.ZodError): Array<{ field: string; problem: FieldProblem; message: string }> {
  return error.issues.map((issue) => {
    const own = (issue as { params?: { problem?: FieldProblem } }).params?.problem;
    return {
      field: issue.path.join('.'),
      problem: own ?? PROBLEM_OF_CODE[issue.code] ?? 'invalid-format',
      message: issue.message,
    };
  });
}
