import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import { formatDateShort } from '#src/text/format-date.ts';
import type { NoticeView } from '#server/platform/ui/components/notice.ts';
import { t } from '#server/platform/ui/vi.ts';
import { needsSignedLetter } from '../case-deadlines.ts';
import { signedLetterGuidance } from '../signed-letter.ts';
import { FORM_FIELDS } from './service-form-fields.ts';

export interface ReceiptProps {
  service: ServiceId;
  trackingCode: string;
  secret: string;
  acceptDueAt: number;
  hasEmail: boolean;
  /** The complaint kind (`khieu-nai`, `to-cao`…), for what the law still asks of the sender. */
  kind?: string | null;
  /** Fields typed in an old Vietnamese encoding and converted (Điều 8). */
  conversions?: ReadonlyArray<{ field: string; message: string }>;
}

export interface ReceiptView {
  title: string;
  heading: string;
  trackingCode: string;
  secret: string;
  /** The sentence after "shown once": whether it was also mailed. */
  secretNote: string;
  acceptDue: string;
  /** A complaint or denunciation still needs the sender's signed letter (docs/adr/0057): what to do, said at once. */
  signedLetter: { heading: string; lines: string[] } | null;
  conversions: NoticeView | null;
}

/** What the citizen must keep after sending: the two codes, shown once, and the first deadline (Điều 13, 14). */
export function receiptView(props: ReceiptProps): ReceiptView {
  const labels = new Map(FORM_FIELDS[props.service].map((f) => [f.name, f.label]));
  const conversions = props.conversions ?? [];
  const letterNeeded = needsSignedLetter({ service: props.service, kind: props.kind ?? null });
  return {
    title: t('service.receivedTitle'),
    heading: t('receipt.heading', { service: SERVICE_LABELS[props.service].toLowerCase() }),
    trackingCode: props.trackingCode,
    secret: props.secret,
    secretNote: `${props.hasEmail ? t('receipt.mailed') : ''}${t('receipt.neverAsked')}`,
    acceptDue: letterNeeded
      ? t('signedLetter.clock')
      : t('receipt.acceptDue', { date: formatDateShort(props.acceptDueAt) }),
    signedLetter: letterNeeded
      ? { heading: t('signedLetter.heading'), lines: signedLetterGuidance(props.kind ?? null) }
      : null,
    conversions:
      conversions.length > 0
        ? {
            className: 'dv-notice',
            role: 'note',
            text: t('receipt.encoding'),
            items: conversions.map((c) =>
              t('receipt.conversion', { field: labels.get(c.field) ?? c.field, message: c.message }),
            ),
          }
        : null,
  };
}
