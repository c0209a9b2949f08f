import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import { formatDateShort } from '#src/text/format-date.ts';
import type { NoticeView } from '#server/platform/ui/components/notice.ts';
import { t } from '#server/platform/ui/vi.ts';
import { FORM_FIELDS } from './service-form-fields.ts';

export interface ReceiptProps {
  service: ServiceId;
  trackingCode: string;
  secret: string;
  acceptDueAt: number;
  hasEmail: boolean;
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
  conversions: NoticeView | null;
}

/** What the citizen must keep after sending: the two codes, shown once, and the first deadline (Điều 13, 14). */
export function receiptView(props: ReceiptProps): ReceiptView {
  const labels = new Map(FORM_FIELDS[props.service].map((f) => [f.name, f.label]));
  const conversions = props.conversions ?? [];
  return {
    title: t('service.receivedTitle'),
    heading: t('receipt.heading', { service: SERVICE_LABELS[props.service].toLowerCase() }),
    trackingCode: props.trackingCode,
    secret: props.secret,
    secretNote: `${props.hasEmail ? t('receipt.mailed') : ''}${t('receipt.neverAsked')}`,
    acceptDue: t('receipt.acceptDue', { date: formatDateShort(props.acceptDueAt) }),
    conversions:
      conversions.length > 0
        ? {
            className: 'dv-notice',
            role: 'note',
            text: t('receipt.encoding'),
            items: conversions.map((c) => t('receipt.conversion', { field: labels.get(c.field) ?? c.field, message: c.message })),
          }
        : null,
  };
}
