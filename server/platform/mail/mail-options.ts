import { readFileSync } from 'node:fs';
import type { SmtpOptions } from './smtp-client.ts';

/** The relay and the sender address of everything the platform mails: notices to citizens, one-time passwords to officials. */
export interface MailOptions {
  smtp: SmtpOptions;
  from: string;
}

/**
 * SMTP_HOST, SMTP_PORT, SMTP_SECURE=1, SMTP_USER, SMTP_PASSWORD, SMTP_CA_FILE,
 * MAIL_FROM; no host, no mail. With SMTP_USER and without SMTP_SECURE the
 * relay must offer STARTTLS (see smtp-client.ts).
 */
export function mailOptionsFromEnv(env: NodeJS.ProcessEnv): MailOptions | null {
  if (!env.SMTP_HOST) return null;
  return {
    smtp: {
      host: env.SMTP_HOST,
      port: Number(env.SMTP_PORT ?? (env.SMTP_SECURE === '1' ? 465 : 25)),
      secure: env.SMTP_SECURE === '1',
      user: env.SMTP_USER,
      password: env.SMTP_PASSWORD,
      ca: env.SMTP_CA_FILE ? readFileSync(env.SMTP_CA_FILE, 'utf8') : undefined,
    },
    from: env.MAIL_FROM ?? 'khong-tra-loi@thuathienhue.gov.vn',
  };
}
