import { BoardRoleSchema, DelegableRightSchema, ROLE_LABELS } from '#src/schema/roles.ts';
import { accountPath } from '#server/platform/http/back-office-paths.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { CheckboxGroupView } from '#server/platform/ui/components/checkbox-group.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { FieldOption, FieldView } from '#server/platform/ui/components/field.ts';
import type { NoticeView } from '#server/platform/ui/components/notice.ts';
import { formErrorSummary } from '#server/platform/ui/form-error-summary.ts';
import { type FormErrors, NO_ERRORS } from '#server/platform/ui/form-errors.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { sectionOptions } from '#server/platform/ui/section-labels.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { CredentialIssue } from '../credential-history.ts';
import { isAllowed } from '../permissions.ts';
import { type CredentialHistoryView, credentialHistoryView } from './credential-history-view.ts';

export interface AccountPageProps {
  site: Site;
  actor: AccountRecord;
  account: AccountRecord;
  errors?: FormErrors;
  notice?: string;
  /** One-time passwords given and the first sign-in after each; null when the actor may not read them. */
  history?: readonly CredentialIssue[] | null;
  /** Whoever saw the current one-time password (docs/adr/0017). */
  witness?: AccountRecord | null;
}

/** A form of the page: where it posts and what it holds. */
interface Form<T> {
  action: string;
  content: T;
}

export interface AccountPageView {
  frame: FrameView;
  fullName: string;
  username: string;
  notice: NoticeView | null;
  errors: ErrorSummaryView | null;
  role: string;
  status: string;
  email: string;
  witness: { name: string; note: NoticeView } | null;
  /** Each form is offered only when the actor may make that change to this account (docs/adr/0013). */
  emailForm: Form<FieldView> | null;
  roleForm: Form<FieldOption[]> | null;
  sectionsForm: Form<CheckboxGroupView> | null;
  delegationForm: Form<CheckboxGroupView> | null;
  history: CredentialHistoryView | null;
}

/** One member of the board: the head's organisational decisions (Điều 17, 19). */
export function accountPageView(props: AccountPageProps): AccountPageView {
  const { actor, account, errors = NO_ERRORS, witness } = props;
  const roles = BoardRoleSchema.options.filter(
    (role) => role === account.role || isAllowed(actor, 'change-role', account, role),
  );
  const form = <T>(allowed: boolean, action: Parameters<typeof accountPath>[1], content: () => T): Form<T> | null =>
    allowed ? { action: accountPath(account.username, action), content: content() } : null;
  return {
    frame: frameView({ title: account.fullName, site: props.site, account: actor }),
    fullName: account.fullName,
    username: account.username,
    notice: props.notice ? { text: props.notice } : null,
    errors: formErrorSummary(errors),
    role: ROLE_LABELS[account.role],
    status: t(`account.status.${account.status}`),
    email: account.email ?? t('common.notYet'),
    witness: witness
      ? {
          name: t('common.person', { name: witness.fullName, username: witness.username }),
          note: {
            role: 'note',
            text: t('account.witnessNote', { witness: witness.username, username: account.username }),
          },
        }
      : null,
    emailForm: form(isAllowed(actor, 'reset-password', account), 'set-email', () => ({
      id: 'email',
      label: t('account.emailLabel'),
      value: account.email ?? '',
      autocomplete: 'off',
      hint: t('account.emailHint'),
      error: errors.byField.email,
    })),
    roleForm: form(roles.length > 1, 'change-role', () =>
      roles.map((role) => ({ value: role, label: ROLE_LABELS[role], selected: role === account.role })),
    ),
    sectionsForm: form(isAllowed(actor, 'assign-sections', account), 'assign-sections', () => ({
      legend: t('account.sectionsLegend'),
      heading: true,
      name: 'sections',
      idPrefix: 'sections',
      options: sectionOptions(account.sections),
      error: errors.byField.sections,
    })),
    delegationForm: form(isAllowed(actor, 'delegate', account), 'delegate', () => ({
      legend: t('account.delegationLegend'),
      heading: true,
      name: 'rights',
      idPrefix: 'rights',
      options: DelegableRightSchema.options.map((right) => ({
        value: right,
        label: t(`delegation.${right}`),
        checked: account.delegations.includes(right),
      })),
    })),
    history: props.history ? credentialHistoryView(props.history, t('account.history')) : null,
  };
}
