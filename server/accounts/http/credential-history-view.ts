import { formatDateTime } from '#src/text/format-date.ts';
import { t, tOr } from '#server/platform/ui/vi.ts';
import type { CredentialIssue } from '../credential-history.ts';

interface CredentialHistoryRow {
  /** Present only in the head's view of the whole board. */
  account?: string;
  kind: string;
  at: string;
  by: string;
  ip: string;
  delivery: string;
  firstSignIn: { text: string; userAgent: string } | null;
}

export interface CredentialHistoryView {
  caption: string;
  /** What the page says when there is nothing to list. */
  empty: string | null;
  showAccount: boolean;
  rows: CredentialHistoryRow[];
}

const none = (value: string | null) => value ?? t('common.none');

/**
 * Who gave an account a one-time password, when, from where, how it reached
 * its holder and the first sign-in that followed (docs/adr/0017). Times to
 * the second: the order of a reset and a sign-in minutes apart is the point.
 */
export function credentialHistoryView(
  issues: readonly CredentialIssue[],
  caption: string,
  showAccount = false,
): CredentialHistoryView {
  return {
    caption,
    empty: issues.length === 0 ? t('credentials.empty', { caption }) : null,
    showAccount,
    rows: issues.map((issue) => ({
      ...(showAccount ? { account: none(issue.account) } : {}),
      kind: t(issue.kind === 'created' ? 'credentials.kind.created' : 'credentials.kind.reset'),
      at: formatDateTime(issue.at, { seconds: true }),
      by: none(issue.by),
      ip: none(issue.ip),
      delivery: issue.delivery ? tOr(`delivery.${issue.delivery}`, issue.delivery) : t('common.none'),
      firstSignIn: issue.firstSignIn
        ? {
            text: t('credentials.signedInAt', {
              at: formatDateTime(issue.firstSignIn.at, { seconds: true }),
              ip: none(issue.firstSignIn.ip),
            }),
            userAgent: issue.firstSignIn.userAgent ?? '',
          }
        : null,
    })),
  };
}
