import { ROLE_LABELS } from '#src/schema/roles.ts';
import { formatDateTime } from '#src/text/format-date.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { Delivery } from '../account-service.ts';
import { ONE_TIME_PASSWORD_LIFETIME_MS } from '../one-time-password.ts';

export interface OneTimePasswordPageView {
  frame: FrameView;
  title: string;
  fullName: string;
  role: string;
  username: string;
  /** Mailed: where to, never the password. Shown: the password, this once. */
  password: { mailedTo: string } | { shown: string };
  /** What the reader must know next: whom to hand it to, when it expires, that they are now its witness. */
  mailedNote: string | null;
  shownNote: { once: string; handOver: string; witness: string } | null;
  expiry: string;
}

/**
 * Right after creation or reset (docs/adr/0017). Mailed: where it went, never
 * the password. Otherwise shown once — the password exists nowhere else in
 * clear — and the reader is told they are now its recorded witness.
 */
export function oneTimePasswordPageView(props: {
  site: Site;
  actor: AccountRecord;
  account: AccountRecord;
  oneTimePassword?: string;
  delivery: Delivery;
  created: boolean;
}): OneTimePasswordPageView {
  const { account, delivery } = props;
  const title = t(props.created ? 'oneTimePassword.created' : 'oneTimePassword.reset');
  const mailed = delivery.channel === 'email';
  return {
    frame: frameView({ title, site: props.site, account: props.actor }),
    title,
    fullName: account.fullName,
    role: ROLE_LABELS[account.role],
    username: account.username,
    password: mailed
      ? { mailedTo: t('oneTimePassword.mailedTo', { address: delivery.maskedAddress }) }
      : { shown: props.oneTimePassword ?? '' },
    mailedNote: mailed ? t('oneTimePassword.mailed', { name: account.fullName }) : null,
    shownNote: mailed
      ? null
      : {
          once: t('oneTimePassword.shownOnce'),
          handOver: t('oneTimePassword.handOver', { name: account.fullName }),
          witness: t('oneTimePassword.witness', { username: account.username }),
        },
    expiry: t('oneTimePassword.expires', {
      at: account.passwordExpiresAt ? formatDateTime(account.passwordExpiresAt, { seconds: true }) : '',
      hours: ONE_TIME_PASSWORD_LIFETIME_MS / 3_600_000,
    }),
  };
}
