import { readFileSync } from 'node:fs';
import { SERVICE_LABELS } from '#src/schema/service-process.ts';
import { sendMail, type SmtpOptions } from '#server/platform/mail/smtp-client.ts';
import type { CaseEvent, CaseRecord } from '#server/platform/storage/case-records.ts';
import { STATUS_LABELS } from './http/case-labels.ts';

/**
 * Mails the citizen at each status change (Issue 5.10) when they gave an
 * address. Sent after the change is committed and never awaited by the
 * request: a slow relay must not slow the officer, and a failed mail does not
 * undo a decision. Messages go one at a time, in order. Failures are logged
 * with the tracking code only, never the address or the content.
 */
export interface CaseNotifier {
  notify(record: CaseRecord, event: Pick<CaseEvent, 'action' | 'status' | 'publicText'>, departmentName: string, secret?: string): void;
  /** Resolves when everything queued so far was attempted (tests, shutdown). */
  idle(): Promise<void>;
}

export interface NotifierOptions {
  smtp: SmtpOptions;
  from: string;
}

export function createCaseNotifier(options: NotifierOptions | null): CaseNotifier {
  let chain: Promise<void> = Promise.resolve();
  return {
    notify(record, event, departmentName, secret) {
      if (!options || !record.contactEmail) return;
      const to = record.contactEmail;
      const lines = [
        `Kính gửi Ông/Bà,`,
        '',
        `${departmentName} thông báo về ${SERVICE_LABELS[record.service].toLowerCase()} có mã ${record.trackingCode}:`,
        `Trạng thái: ${STATUS_LABELS[event.status]}.`,
        ...(event.publicText ? ['', event.publicText] : []),
        ...(secret
          ? ['', `Mã bí mật để tra cứu: ${secret}`, 'Vui lòng giữ kín mã bí mật; cơ quan không bao giờ hỏi lại mã này.']
          : []),
        '',
        'Ông/Bà có thể theo dõi hồ sơ tại trang Tra cứu của cơ quan bằng mã hồ sơ và mã bí mật.',
        'Thư này được gửi tự động, vui lòng không trả lời.',
      ];
      const message = { from: options.from, to, subject: `[${record.trackingCode}] ${STATUS_LABELS[event.status]}`, text: lines.join('\n') };
      chain = chain.then(() =>
        sendMail(options.smtp, message).catch((error: unknown) => {
          console.error(`congso: không gửi được thư thông báo cho hồ sơ ${record.trackingCode}: ${(error as Error).message}`);
        }),
      );
    },
    idle() {
      return chain;
    },
  };
}

/**
 * SMTP_HOST, SMTP_PORT, SMTP_SECURE=1, SMTP_USER, SMTP_PASSWORD, SMTP_CA_FILE,
 * MAIL_FROM; no host, no mail. With SMTP_USER and without SMTP_SECURE the
 * relay must offer STARTTLS (see smtp-client.ts).
 */
export function notifierOptionsFromEnv(env: NodeJS.ProcessEnv): NotifierOptions | null {
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
