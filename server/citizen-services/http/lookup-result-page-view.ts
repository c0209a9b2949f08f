import type { DeadlineStatus } from '#src/calendar/working-days.ts';
import { SERVICE_LABELS } from '#src/schema/service-process.ts';
import { formatDateShort, formatDateTime } from '#src/text/format-date.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { TimelineStep } from '#server/platform/ui/components/timeline.ts';
import { t, tOr } from '#server/platform/ui/vi.ts';
import type { PublicCaseView } from '../case-service.ts';
import { attachmentDetail } from './attachment-detail.ts';
import { ACCEPTED_EXTENSIONS } from './upload-hint.ts';

type PublicEvent = PublicCaseView['events'][number];

export interface LookupResultProps {
  view: PublicCaseView;
  /** Carried in the supplement form, so the citizen need not type it again. */
  secret: string;
  deadline: DeadlineStatus | null;
  /** A refused supplement, shown above its form. */
  supplementError?: string;
}

export interface LookupResultView {
  title: string;
  trackingCode: string;
  summary: {
    service: string;
    receivedAt: string;
    status: { value: string; label: string };
    acceptDue: string;
    resolveDue: string | null;
    deadline: string | null;
  };
  /** The agency's answer, on top: what the citizen came for. */
  answer: string | null;
  timeline: TimelineStep[];
  attachments: Array<{ name: string; detail: string }>;
  /** Offered only while the agency waits for more documents (Điều 14). */
  supplement: { code: string; secret: string; accept: string; error: ErrorSummaryView | null } | null;
}

/** Steps whose text to the citizen is the agency's answer to the case. */
const ANSWERING = ['resolve', 'returnResult', 'approve', 'reject'];

/**
 * The answer is the text of the last answering step. For a question the
 * answer is the one the officer drafted and the head approved: shown once
 * the question is resolved, and never before (the draft is the head's to
 * approve, docs/adr/0042).
 */
export function answerOf(view: PublicCaseView): PublicEvent | undefined {
  const newestFirst = [...view.events].reverse();
  const { record } = view;
  const approved = record.service === 'hoi-dap' && record.status === 'resolved' ? newestFirst.find((e) => e.action === 'answer') : undefined;
  return approved ?? newestFirst.find((e) => e.publicText && ANSWERING.includes(e.action));
}

function step(e: PublicEvent): TimelineStep {
  // The drafted answer is shown once, as the answer, not again in the timeline.
  const notes = e.publicText && e.action !== 'answer' ? [e.publicText] : [];
  return { at: formatDateTime(e.at), datetime: new Date(e.at).toISOString(), label: tOr(`case.event.${e.action}`, e.action), notes };
}

/** A case as its citizen sees it with the code and the secret (Điều 13.1): status, deadlines, answer, history. */
export function lookupResultView(props: LookupResultProps): LookupResultView {
  const { record } = props.view;
  const draftPending = record.service === 'hoi-dap' && record.status !== 'resolved';
  return {
    title: props.supplementError ? t('service.errorTitle', { title: t('service.supplementTitle') }) : t('case.title', { code: record.trackingCode }),
    trackingCode: record.trackingCode,
    summary: {
      service: SERVICE_LABELS[record.service],
      receivedAt: formatDateTime(record.receivedAt),
      status: { value: record.status, label: t(`case.status.${record.status}`) },
      acceptDue: formatDateShort(record.acceptDueAt),
      resolveDue: record.resolveDueAt !== null ? formatDateShort(record.resolveDueAt) : null,
      deadline: props.deadline ? t(`case.deadline.${props.deadline}`) : null,
    },
    answer: answerOf(props.view)?.publicText ?? null,
    timeline: props.view.events.filter((e) => !(draftPending && e.action === 'answer')).map(step),
    attachments: props.view.attachments.map((a) => ({
      name: a.displayName,
      detail: attachmentDetail(a.size, t(a.source === 'citizen' ? 'lookup.fromCitizen' : 'lookup.fromOffice')),
    })),
    supplement:
      record.status === 'supplement-requested'
        ? {
            code: record.trackingCode,
            secret: props.secret,
            accept: ACCEPTED_EXTENSIONS,
            error: props.supplementError ? { className: 'dv-error-summary', message: props.supplementError } : null,
          }
        : null,
  };
}
