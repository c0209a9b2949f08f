import type { DeadlineStatus } from '#src/calendar/working-days.ts';
import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import { RATING_LABELS, RATING_SCORES } from '#src/schema/submission/index.ts';
import { formatDateShort, formatDateTime } from '#src/text/format-date.ts';
import type { CaseRecord } from '#server/platform/storage/case-records.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { TimelineStep } from '#server/platform/ui/components/timeline.ts';
import { t } from '#server/platform/ui/vi.ts';
import { needsSignedLetter } from '../case-deadlines.ts';
import { RATING_WINDOW_DAYS, ratingClosedReason } from '../case-rating.ts';
import type { PublicCaseEvent, PublicCaseView } from '../case-service.ts';
import { signedLetterGuidance } from '../signed-letter.ts';
import { stepLabel } from '../step-labels.ts';
import { attachmentDetail } from './attachment-detail.ts';
import { ACCEPTED_EXTENSIONS } from './upload-hint.ts';

/** The forms of the look-up page that post back to it with the code and the secret. */
export type LookupForm = 'supplement' | 'signed-letter' | 'rating';

export interface LookupResultProps {
  view: PublicCaseView;
  /** Carried in the forms, so the citizen need not type it again. */
  secret: string;
  deadline: DeadlineStatus | null;
  /** The time of the look-up: whether the rating form is still open. */
  now: number;
  /** A refused form, shown above it. */
  formError?: { form: LookupForm; message: string };
  /** Fields of the rating form as sent, when it is shown again with its error. */
  ratingValues?: { score?: string; comment?: string };
}

export interface UploadFormView {
  code: string;
  secret: string;
  accept: string;
  error: ErrorSummaryView | null;
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
  /** What happens next and by when, in one plain sentence; on a closed case, that it is closed. */
  next: string;
  /** The agency's answer, on top: what the citizen came for. */
  answer: string | null;
  /** Every step with its date and the deadline it set; the last one is the closing, once closed. */
  timeline: TimelineStep[];
  attachments: Array<{ name: string; detail: string }>;
  /** While the signed letter is awaited (docs/adr/0057): what to do, and the form to send its scan. */
  signedLetter: { heading: string; lines: string[]; sent: string | null; form: UploadFormView } | null;
  /** Offered only while the agency waits for more documents (Điều 14). */
  supplement: UploadFormView | null;
  /** The rating (docs/adr/0058): the form while open, or what was given. */
  rating: {
    given: string | null;
    form: {
      code: string;
      secret: string;
      scores: Array<{ value: string; label: string; checked: boolean }>;
      comment: string;
      error: ErrorSummaryView | null;
      window: string;
    } | null;
  } | null;
}

/** Steps whose text to the citizen is the agency's answer to the case. */
const ANSWERING = ['resolve', 'returnResult', 'approve', 'reject'];
/** Steps that move a deadline already running: the date they give is a new one. */
const MOVES_DEADLINE = ['declareComplex', 'extendAcceptance', 'extend', 'resume'];

/**
 * The answer is the text of the last answering step. For a question the
 * answer is the one the officer drafted and the head approved: shown once
 * the question is resolved, and never before (the draft is the head's to
 * approve, docs/adr/0042).
 */
export function answerOf(view: PublicCaseView): PublicCaseEvent | undefined {
  const newestFirst = [...view.events].reverse();
  const { record } = view;
  const approved =
    record.service === 'hoi-dap' && record.status === 'resolved'
      ? newestFirst.find((e) => e.action === 'answer')
      : undefined;
  return approved ?? newestFirst.find((e) => e.publicText && ANSWERING.includes(e.action));
}

function step(service: ServiceId, e: PublicCaseEvent): TimelineStep {
  // The drafted answer is shown once, as the answer, not again in the timeline.
  const notes = e.publicText && e.action !== 'answer' ? [e.publicText] : [];
  if (e.dueAt !== null)
    notes.push(
      t(MOVES_DEADLINE.includes(e.action) ? 'lookup.newDue' : 'lookup.dueSet', { date: formatDateShort(e.dueAt) }),
    );
  return {
    at: formatDateTime(e.at),
    datetime: new Date(e.at).toISOString(),
    label: stepLabel(service, e.action),
    notes,
  };
}

/** The next step and its deadline, said plainly (Điều 13.1: the citizen follows the case to its answer). */
export function nextStep(record: CaseRecord): string {
  if (record.closedAt !== null) return t('lookup.next.closed', { date: formatDateShort(record.closedAt) });
  if (record.status === 'suspended')
    return t('lookup.next.suspended', { date: formatDateShort(record.suspendedAt ?? record.updatedAt) });
  if (record.status === 'supplement-requested') return t('lookup.next.supplement');
  if (needsSignedLetter(record) && record.signedLetterAt === null) return t('lookup.next.signedLetter');
  if (record.status === 'submitted' || record.status === 'received')
    return t('lookup.next.accept', { date: formatDateShort(record.acceptDueAt) });
  if (record.status === 'awaiting-approval')
    return t('lookup.next.approve', { date: formatDateShort(record.resolveDueAt ?? record.acceptDueAt) });
  return t('lookup.next.resolve', { date: formatDateShort(record.resolveDueAt ?? record.acceptDueAt) });
}

function uploadForm(props: LookupResultProps, form: LookupForm): UploadFormView {
  const error: ErrorSummaryView | null =
    props.formError?.form === form ? { className: 'dv-error-summary', message: props.formError.message } : null;
  return { code: props.view.record.trackingCode, secret: props.secret, accept: ACCEPTED_EXTENSIONS, error };
}

function ratingOf(props: LookupResultProps): LookupResultView['rating'] {
  const { record, rating } = props.view;
  if (rating) {
    const label = RATING_LABELS[rating.score as 1];
    return {
      given: t('rating.given', { score: rating.score, label, date: formatDateShort(rating.ratedAt) }),
      form: null,
    };
  }
  const reason = ratingClosedReason(record, props.now);
  if (reason === 'not-closed' || reason === 'not-rated-service') return null;
  if (reason === 'window-closed') return { given: t('rating.windowClosed', { days: RATING_WINDOW_DAYS }), form: null };
  const values = props.ratingValues ?? {};
  return {
    given: null,
    form: {
      code: record.trackingCode,
      secret: props.secret,
      scores: RATING_SCORES.map((score) => ({
        value: String(score),
        label: `${score} – ${RATING_LABELS[score]}`,
        checked: values.score === String(score),
      })),
      comment: values.comment ?? '',
      error:
        props.formError?.form === 'rating' ? { className: 'dv-error-summary', message: props.formError.message } : null,
      window: t('rating.window', { date: formatDateShort(record.closedAt! + RATING_WINDOW_DAYS * 86_400_000) }),
    },
  };
}

/** A case as its citizen sees it with the code and the secret (Điều 13.1): where it stands, what comes next, every step, printable. */
export function lookupResultView(props: LookupResultProps): LookupResultView {
  const { record } = props.view;
  const draftPending = record.service === 'hoi-dap' && record.status !== 'resolved';
  const letterPending = needsSignedLetter(record) && record.signedLetterAt === null && record.status === 'submitted';
  const letterSent = props.view.events.some((e) => e.action === 'sendSignedLetter');
  const timeline = props.view.events
    .filter((e) => !(draftPending && e.action === 'answer'))
    .map((e) => step(record.service, e));
  if (record.closedAt !== null) {
    timeline.push({
      at: formatDateTime(record.closedAt),
      datetime: new Date(record.closedAt).toISOString(),
      label: t('lookup.closed'),
      notes: [],
    });
  }
  return {
    title: props.formError
      ? t('service.errorTitle', { title: t(`lookup.formTitle.${props.formError.form}`) })
      : t('case.title', { code: record.trackingCode }),
    trackingCode: record.trackingCode,
    summary: {
      service: SERVICE_LABELS[record.service],
      receivedAt: formatDateTime(record.receivedAt),
      status: { value: record.status, label: t(`case.status.${record.status}`) },
      acceptDue: letterPending ? t('case.noClock') : formatDateShort(record.acceptDueAt),
      resolveDue: record.resolveDueAt !== null ? formatDateShort(record.resolveDueAt) : null,
      deadline: props.deadline ? t(`case.deadline.${props.deadline}`) : null,
    },
    next: nextStep(record),
    answer: answerOf(props.view)?.publicText ?? null,
    timeline,
    attachments: props.view.attachments.map((a) => ({
      name: a.displayName,
      detail: attachmentDetail(a.size, t(a.source === 'citizen' ? 'lookup.fromCitizen' : 'lookup.fromOffice')),
    })),
    signedLetter: letterPending
      ? {
          heading: t('signedLetter.heading'),
          lines: signedLetterGuidance(record.kind),
          sent: letterSent ? t('signedLetter.sent') : null,
          form: uploadForm(props, 'signed-letter'),
        }
      : null,
    supplement: record.status === 'supplement-requested' ? uploadForm(props, 'supplement') : null,
    rating: ratingOf(props),
  };
}
