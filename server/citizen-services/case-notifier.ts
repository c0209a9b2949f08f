import { SERVICE_LABELS } from '#src/schema/service-process.ts';
import type { MailOptions } from '#server/platform/mail/mail-options.ts';
import { sendMail } from '#server/platform/mail/smtp-client.ts';
import type { CaseEvent, CaseRecord } from '#server/platform/storage/case-records.ts';
import { t } from '#server/platform/ui/vi.ts';
import { log } from '#server/platform/observability/log.ts';

/**
 * Mails the citizen at each status change (Điều 13.1: tracked to the reply) when they gave an
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


export function createCaseNotifier(options: MailOptions | null): CaseNotifier {
  let chain: Promise<void> = Promise.resolve();
  return {
    notify(record, event, departmentName, secret) {
      if (!options || !record.contactEmail) return;
      const to = record.contactEmail;
      const lines = [
        `Kính gửi Ông/Bà,`,
        '',
        `${departmentName} thông báo về ${SERVICE_LABELS[record.service].toLowerCase()} có mã ${record.trackingCode}:`,
        `Trạng thái: ${t(`case.status.${event.status}`)}.`,
        ...(event.publicText ? ['', event.publicText] : []),
        ...(secret
          ? ['', `Mã bí mật để tra cứu: ${secret}`, 'Vui lòng giữ kín mã bí mật; cơ quan không bao giờ hỏi lại mã này.']
          : []),
        '',
        'Ông/Bà có thể theo dõi hồ sơ tại trang Tra cứu của cơ quan bằng mã hồ sơ và mã bí mật.',
        'Thư này được gửi tự động, vui lòng không trả lời.',
      ];
      const message = { from: options.from, to, subject: `[${record.trackingCode}] ${t(`case.status.${event.status}`)}`, text: lines.join('\n') };
      chain = chain.then(() =>
        sendMail(options.smtp, message).catch((error: unknown) => {
          // The relay's sentence may quote the citizen's address: the log keeps its code only (docs/adr/0105).
          log.error('case-mail-failed', { trackingCode: record.trackingCode, reason: (error as { code?: string }).code ?? (error as Error).name });
        }),
      );
    },
    idle() {
      return chain;
    },
  };
}

