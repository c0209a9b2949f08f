import { ACCOUNT_ADMIN_TEXT } from './vi/account-admin.ts';
import { ACCOUNTS_TEXT } from './vi/accounts.ts';
import { CASE_OFFICE_TEXT } from './vi/case-office.ts';
import { CASES_TEXT } from './vi/cases.ts';
import { CITIZEN_SERVICES_TEXT } from './vi/citizen-services.ts';
import { EDITORIAL_TEXT } from './vi/editorial.ts';
import { FRAME_TEXT } from './vi/frame.ts';
import { OPERATIONS_TEXT } from './vi/operations.ts';
import { REPORTS_TEXT } from './vi/reports.ts';
import { WORK_TEXT } from './vi/work.ts';

/**
 * Every sentence the server shows that is not an error: labels, page titles,
 * buttons, notices. Dotted keys by the page or concept they belong to;
 * `{name}` placeholders are filled by `t`. Kept in one file per part so each
 * stays readable; one key space, like the site's `src/i18n/vi.ts`. Error
 * sentences stay with their error classes (docs/adr/0082).
 */
const VI = {
  ...FRAME_TEXT,
  ...ACCOUNTS_TEXT,
  ...ACCOUNT_ADMIN_TEXT,
  ...CASES_TEXT,
  ...CASE_OFFICE_TEXT,
  ...CITIZEN_SERVICES_TEXT,
  ...REPORTS_TEXT,
  ...EDITORIAL_TEXT,
  ...OPERATIONS_TEXT,
  ...WORK_TEXT,
} as const;

export type ServerTextKey = keyof typeof VI;

function fill(template: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function t(key: ServerTextKey, vars?: Readonly<Record<string, string | number>>): string {
  return fill(VI[key], vars);
}

/** For keys built from stored values that may predate today's list (an old audit action): the value itself when unknown. */
export function tOr(key: string, fallback: string, vars?: Readonly<Record<string, string | number>>): string {
  return Object.hasOwn(VI, key) ? fill(VI[key as ServerTextKey], vars) : fallback;
}
