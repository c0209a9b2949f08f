import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import type { NoticeView } from '#server/platform/ui/components/notice.ts';
import { formErrorSummary } from '#server/platform/ui/form-error-summary.ts';
import { type FormErrors, NO_ERRORS } from '#server/platform/ui/form-errors.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-policy.ts';

export interface ChangePasswordPageProps {
  site: Site;
  account: AccountRecord;
  errors?: FormErrors;
}

export interface ChangePasswordPageView {
  frame: FrameView;
  notice: NoticeView | null;
  errors: ErrorSummaryView | null;
  /** Lets password managers tie the new password to the account. */
  username: string;
  fields: FieldView[];
}

/**
 * On first sign-in the one-time password must be replaced before anything
 * else (Điều 11.2): the page says so, names the field after it and offers
 * no navigation to leave.
 */
export function changePasswordPageView({
  site,
  account,
  errors = NO_ERRORS,
}: ChangePasswordPageProps): ChangePasswordPageView {
  const firstTime = account.mustChangePassword;
  const password = (id: string, label: string, autocomplete: string, hint?: string): FieldView => ({
    id,
    label,
    type: 'password',
    autocomplete,
    hint,
    required: true,
    error: errors.byField[id],
  });
  return {
    frame: frameView({ title: t('changePassword.title'), site, account, navigation: !firstTime }),
    notice: firstTime ? { text: t('changePassword.firstTime') } : null,
    errors: formErrorSummary(errors),
    username: account.username,
    fields: [
      password('currentPassword', t(firstTime ? 'field.oneTimePassword' : 'field.currentPassword'), 'current-password'),
      password(
        'newPassword',
        t('field.newPassword'),
        'new-password',
        t('changePassword.hint', { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH }),
      ),
      password('confirmation', t('field.confirmation'), 'new-password'),
    ],
  };
}
