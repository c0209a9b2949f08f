import { SERVICE_LABELS } from '#src/schema/service-process.ts';
import { formatDateShort } from '#src/text/format-date.ts';
import type { MailOptions } from '#server/platform/mail/mail-options.ts';
import { sendMail } from '#server/platform/mail/smtp-client.ts';
import type { CaseEvent, CaseRecord } from '#server/platform/storage/case-records.ts';
import { t } from '#server/platform/ui/vi.ts';
import { needsSignedLetter } from './case-deadlines.ts';
import { signedLetterGuidance } from './signed-letter.ts';
import { stepLabel } from './step-labels.ts';
import { log } from '#server/platform/observability/log.ts';

/**
 * Mails the citizen at each step they must know of (Điều 13.1: tracked to
 * the reply): every change of status, and each decision that keeps the
 * status but moves a deadline or starts one (docs/adr/0056, 0057). Each
 * mail says what happened, the reason the officer gave, and the deadline
 * now running. Sent after the change is committed and never awaited by the
 * request: a slow relay must not slow the officer, and a failed mail does
 * not undo a decision. Messages go one at a time, in order. Failures are
 * logged with the tracking code only, never the address or the content.
 */
export interface NoticeExtras {
  /** Shown once, in the receipt mail. */
  secret?: string;
  /** The one-time rating link of the closing mail (docs/adr/0058). */
  ratingLink?: string;
}

export interface CaseNotifier {
  notify(
    record: CaseRecord,
    event: Pick<CaseEvent, 'action' | 'status' | 'publicText'>,
    departmentName: string,
    extras?: NoticeExtras,
  ): void;
  /** Resolves when everything queued so far was attempted (tests, shutdown). */
  idle(): Promise<void>;
}

/** The lines of one notice: pure, so what a citizen is told is tested as data. */
export function noticeText(
  record: CaseRecord,
  event: Pick<CaseEvent, 'action' | 'status' | 'publicText'>,
  departmentName: string,
  extras: NoticeExtras = {},
) {
  const step = stepLabel(record.service, event.action, t(`case.status.${event.status}`));
  const lines = [
    `Kính gửi Ông/Bà,`,
    '',
    `${departmentName} thông báo về ${SERVICE_LABELS[record.service].toLowerCase()} có mã ${record.trackingCode}:`,
    `${step}.`,
    `Trạng thái: ${t(`case.status.${event.status}`)}.`,
    ...(record.dueAt !== null ? [t('notice.dueAt', { date: formatDateShort(record.dueAt) })] : []),
    ...(event.publicText ? ['', event.publicText] : []),
    // The receipt says at once what must still be done for the complaint to be handled (docs/adr/0057).
    ...(event.action === 'submit' && needsSignedLetter(record) ? ['', ...signedLetterGuidance(record.kind)] : []),
    ...(extras.secret
      ? [
          '',
          `Mã bí mật để tra cứu: ${extras.secret}`,
          'Vui lòng giữ kín mã bí mật; cơ quan không bao giờ hỏi lại mã này.',
        ]
      : []),
    ...(extras.ratingLink ? ['', t('notice.rate'), extras.ratingLink] : []),
    '',
    'Ông/Bà có thể theo dõi hồ sơ tại trang Tra cứu của cơ quan bằng mã hồ sơ và mã bí mật.',
    'Thư này được gửi tự động, vui lòng không trả lời.',
  ];
  return { subject: `[${record.trackingCode}] ${step}`, text: lines.join('\n') };
}

export function createCaseNotifier(options: MailOptions | null): CaseNotifier {
  let chain: Promise<void> = Promise.resolve();
  return {
    notify(record, event, departmentName, extras) {
      if (!options || !record.contactEmail) return;
      const message = {
        from: options.from,
        to: record.contactEmail,
        ...noticeText(record, event, departmentName, extras),
      };
      chain = chain.then(() =>
        sendMail(options.smtp, message).catch((error: unknown) => {
          // The relay's sentence may quote the citizen's address: the log keeps its code only (docs/adr/0105).
          log.error('case-mail-failed', {
            trackingCode: record.trackingCode,
            reason: (error as { code?: string }).code ?? (error as Error).name,
          });
        }),
      );
    },
    idle() {
      return chain;
    },
  };
}
