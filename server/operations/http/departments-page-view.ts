import { ROLE_LABELS } from '#src/schema/roles.ts';
import type { IssuedPassword } from '#server/accounts/index.ts';
import type { DepartmentRef, Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import { formErrorSummary } from '#server/platform/ui/form-error-summary.ts';
import { type FormErrors, NO_ERRORS } from '#server/platform/ui/form-errors.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t, type ServerTextKey } from '#server/platform/ui/vi.ts';

export const DEPARTMENTS_PATH = '/quan-tri/don-vi/';

export interface DepartmentRow {
  name: string;
  id: string;
  addresses: string;
  renameAction: string;
  removeAction: string;
}

export interface DepartmentsPageView {
  frame: FrameView;
  notice: { text: string } | null;
  errors: ErrorSummaryView | null;
  caption: string;
  rows: DepartmentRow[];
  fields: FieldView[];
}

const NOTICES = new Set(['da-doi-ten', 'da-go']);

export function departmentsPageView(props: {
  site: Site;
  actor: AccountRecord;
  departments: readonly DepartmentRef[];
  values?: Record<string, string | undefined>;
  errors?: FormErrors;
  notice?: string;
}): DepartmentsPageView {
  const errors = props.errors ?? NO_ERRORS;
  const v = props.values ?? {};
  const input = (id: string, required = false, hint?: string): FieldView => ({
    id,
    label: t(`departments.field.${id}` as ServerTextKey),
    value: v[id],
    required,
    hint,
    error: errors.byField[id],
  });
  return {
    frame: frameView({ title: t('departments.title'), site: props.site, account: props.actor }),
    // Only the fixed sentences can show: the key comes from the query string.
    notice:
      props.notice && NOTICES.has(props.notice)
        ? { text: t(`departments.notice.${props.notice}` as ServerTextKey) }
        : null,
    errors: formErrorSummary(errors),
    caption: t('departments.caption', { count: props.departments.length }),
    rows: props.departments.map((d) => ({
      name: d.name,
      id: d.id,
      addresses: d.domains.join(', '),
      renameAction: `${DEPARTMENTS_PATH}${d.id}/doi-ten`,
      removeAction: `${DEPARTMENTS_PATH}${d.id}/go-bo`,
    })),
    fields: [
      input('name', true, t('departments.field.nameHint')),
      input('abbr', false, t('departments.field.abbrHint')),
      input('headName', true),
      input('headEmail'),
      input('itOfficerName', true),
      input('itOfficerEmail'),
    ],
  };
}

export interface DepartmentCreatedView {
  frame: FrameView;
  heading: string;
  status: string;
  accounts: Array<{ role: string; fullName: string; username: string; password: string | null; mailed: string | null }>;
}

/** Right after a department is opened: its addresses and its first accounts, passwords shown once (docs/adr/0017). */
export function departmentCreatedView(props: {
  site: Site;
  actor: AccountRecord;
  name: string;
  id: string;
  domains: string[];
  accounts: IssuedPassword[];
}): DepartmentCreatedView {
  return {
    frame: frameView({ title: t('departments.created.title'), site: props.site, account: props.actor }),
    heading: t('departments.created.heading', { name: props.name }),
    status: t('departments.created.status', { id: props.id, domains: props.domains.join(', ') }),
    accounts: props.accounts.map((a) => ({
      role: ROLE_LABELS[a.account.role],
      fullName: a.account.fullName,
      username: a.account.username,
      password: a.delivery.channel === 'email' ? null : (a.oneTimePassword ?? null),
      mailed:
        a.delivery.channel === 'email' ? t('departments.created.mailed', { address: a.delivery.maskedAddress }) : null,
    })),
  };
}
