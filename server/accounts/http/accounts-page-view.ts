import { BoardRoleSchema, type BoardRole, ROLE_LABELS } from '#src/schema/roles.ts';
import { accountPath } from '#server/platform/http/back-office-paths.ts';
import type { DepartmentRef, Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { NoticeView } from '#server/platform/ui/components/notice.ts';
import { formErrorSummary } from '#server/platform/ui/form-error-summary.ts';
import { type FormErrors, NO_ERRORS } from '#server/platform/ui/form-errors.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { sectionLabels } from '#server/platform/ui/section-labels.ts';
import { t } from '#server/platform/ui/vi.ts';
import { isAllowed } from '../permissions.ts';
import { type CreateAccountForm, createAccountForm } from './create-account-form-view.ts';

export interface AccountsPageProps {
  site: Site;
  actor: AccountRecord;
  accounts: readonly AccountRecord[];
  departments: readonly DepartmentRef[];
  notice?: string;
  errors?: FormErrors;
  values?: { fullName?: string; email?: string; role?: string; departmentId?: string; sections?: readonly string[] };
}

interface RowAction {
  href: string;
  label: string;
  /** Read by screen readers after the label: which account the button acts on. */
  hiddenLabel: string;
}

export interface AccountRow {
  fullName: string;
  /** The account's own page, when the actor may change anything there. */
  href: string | null;
  username: string;
  role: string;
  /** Shown to the province administrator only, who sees every department. */
  department: string | null;
  sections: string;
  status: string;
  statusNote: string | null;
  actions: RowAction[];
}

export interface AccountsPageView {
  frame: FrameView;
  notice: NoticeView | null;
  errors: ErrorSummaryView | null;
  caption: string;
  showDepartment: boolean;
  rows: AccountRow[];
  /** null when the actor may create no account here. */
  create: CreateAccountForm | null;
}

type RowSlug = 'disable' | 'enable' | 'reset-password';
const ACTION_LABELS = {
  disable: 'accounts.disable',
  enable: 'accounts.enable',
  'reset-password': 'accounts.resetPassword',
} as const;

function rowActions(actor: AccountRecord, account: AccountRecord): RowAction[] {
  const offered: RowSlug[] = account.status === 'active' ? ['disable', 'reset-password'] : ['enable'];
  return offered
    .filter((action) => isAllowed(actor, action, account))
    .map((action) => ({
      href: accountPath(account.username, action),
      label: t(ACTION_LABELS[action]),
      hiddenLabel: t('accounts.ofAccount', { username: account.username }),
    }));
}

function row(
  actor: AccountRecord,
  account: AccountRecord,
  departmentName: ((id: string | null) => string) | null,
): AccountRow {
  const editable = (['change-role', 'assign-sections', 'delegate', 'reset-password'] as const).some((action) =>
    isAllowed(actor, action, account, 'contributor'),
  );
  return {
    fullName: account.fullName,
    href: editable ? accountPath(account.username) : null,
    username: account.username,
    role: ROLE_LABELS[account.role],
    department: departmentName ? departmentName(account.departmentId) : null,
    sections: sectionLabels(account.sections) || t('common.none'),
    status: t(`account.status.${account.status}`),
    statusNote: account.mustChangePassword && account.status === 'active' ? t('accounts.mustChangePassword') : null,
    actions: rowActions(actor, account),
  };
}

/** The board's accounts (the province administrator: every department's) and the form to add one (Điều 11, 17). */
export function accountsPageView(props: AccountsPageProps): AccountsPageView {
  const { actor, departments, errors = NO_ERRORS } = props;
  const showDepartment = actor.role === 'admin';
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const departmentName = (id: string | null) => (id === null ? t('accounts.province') : (names.get(id) ?? id));
  const creatableRoles: BoardRole[] = BoardRoleSchema.options.filter((role) =>
    isAllowed(actor, 'create', {
      role,
      departmentId: showDepartment ? (departments[0]?.id ?? null) : actor.departmentId,
    }),
  );
  return {
    frame: frameView({ title: t('accounts.title'), site: props.site, account: actor }),
    notice: props.notice ? { text: props.notice } : null,
    errors: formErrorSummary(errors),
    caption: t(showDepartment ? 'accounts.captionProvince' : 'accounts.captionBoard', { count: props.accounts.length }),
    showDepartment,
    rows: props.accounts.map((account) => row(actor, account, showDepartment ? departmentName : null)),
    create:
      creatableRoles.length > 0
        ? createAccountForm(actor, creatableRoles, departments, props.values ?? {}, errors)
        : null,
  };
}
