import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import type { NoticeView } from '#server/platform/ui/components/notice.ts';
import { formErrorSummary } from '#server/platform/ui/form-error-summary.ts';
import { type FormErrors, NO_ERRORS } from '#server/platform/ui/form-errors.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';

export interface SignInPageProps {
  site: Site;
  username?: string;
  returnTo?: string;
  notice?: string;
  errors?: FormErrors;
}

export interface SignInPageView {
  frame: FrameView;
  notice: NoticeView | null;
  errors: ErrorSummaryView | null;
  /** Posts back to itself, carrying where to go once signed in. */
  action: string;
  username: FieldView;
  password: FieldView;
}

export function signInPageView({
  site,
  username,
  returnTo,
  notice,
  errors = NO_ERRORS,
}: SignInPageProps): SignInPageView {
  return {
    frame: frameView({ title: t('signIn.title'), site }),
    notice: notice ? { text: notice } : null,
    errors: formErrorSummary(errors),
    action: `${BACK_OFFICE_PATHS.signIn}${returnTo ? `?tiep=${encodeURIComponent(returnTo)}` : ''}`,
    username: {
      id: 'username',
      label: t('field.username'),
      hint: t('signIn.usernameHint'),
      value: username,
      autocomplete: 'username',
      required: true,
      error: errors.byField.username,
    },
    password: {
      id: 'password',
      label: t('field.password'),
      type: 'password',
      autocomplete: 'current-password',
      required: true,
      error: errors.byField.password,
    },
  };
}
