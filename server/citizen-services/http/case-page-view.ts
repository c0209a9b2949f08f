import { COMPLAINT_INSTANCE_LABELS } from '#src/schema/legal-deadlines.ts';
import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import { RATING_LABELS } from '#src/schema/submission/index.ts';
import { formatDateTime } from '#src/text/format-date.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { CaseEvent } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { TimelineStep } from '#server/platform/ui/components/timeline.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t, tOr } from '#server/platform/ui/vi.ts';
import type { OfficerCaseView } from '../case-office-service.ts';
import { complaintInstance, needsSignedLetter } from '../case-deadlines.ts';
import { RATED_SERVICES } from '../case-rating.ts';
import { FINAL_STATUSES } from '../case-workflow.ts';
import { stepLabel } from '../step-labels.ts';
import { type CaseActionForm, caseActionForms } from './case-actions-view.ts';
import { attachmentDetail } from './attachment-detail.ts';
import { casePath } from './case-paths.ts';

export interface CasePageProps {
  site: Site;
  account: AccountRecord;
  view: OfficerCaseView;
  /** Whom the head may assign the case to; empty for anyone else. */
  officers: readonly AccountRecord[];
  error?: string;
}

export interface CasePageView {
  frame: FrameView;
  title: string;
  error: ErrorSummaryView | null;
  summary: {
    service: string;
    subject: string;
    status: { value: string; label: string };
    receivedAt: string;
    acceptDue: string;
    resolveDue: string | null;
    deadline: string | null;
    /** Whether the signed letter has come, for the kinds that need one (docs/adr/0057). */
    signedLetter: string | null;
    /** First or second complaint (Luật Khiếu nại 2011 Điều 27–28, 36–37). */
    instance: string | null;
    /** The articles the limits come from, or the department's own declaration (docs/adr/0056). */
    basis: string;
    extensions: string | null;
  };
  /** What the citizen wrote, field by field; identity withheld where the law says (case-confidentiality.ts). */
  payload: Array<{ key: string; label: string; value: string }>;
  attachments: Array<{ href: string; name: string; detail: string }>;
  /** A denunciation's files held back from this viewer: how many, said plainly. */
  withheldFiles: string | null;
  /** The citizen's rating, once the case is closed (docs/adr/0058). */
  rating: { value: string; comment: string | null; when: string | null } | null;
  timeline: TimelineStep[];
  closed: boolean;
  actions: CaseActionForm[];
}

function payloadValue(key: string, value: unknown): string {
  if (key === 'consentedAt') return formatDateTime(Number(value));
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  return String(value);
}

function step(service: ServiceId, e: CaseEvent): TimelineStep {
  const notes: string[] = [];
  if (e.publicText) notes.push(t('casePage.toCitizen', { text: e.publicText }));
  if (e.internalNote) notes.push(t('casePage.internalNote', { text: e.internalNote }));
  if (e.details.assignee) notes.push(t('casePage.assignee', { name: String(e.details.assignee) }));
  return {
    at: formatDateTime(e.at),
    datetime: new Date(e.at).toISOString(),
    label: stepLabel(service, e.action),
    actor: e.actorName ?? undefined,
    notes,
  };
}

/** One case as an officer sees it (Điều 15): its facts, what the citizen sent, its history and the steps open now. */
function resolveDueText(view: OfficerCaseView): string | null {
  const { record } = view;
  if (record.status === 'suspended' && record.suspendedAt !== null)
    return t('case.suspendedClock', { date: formatDateTime(record.suspendedAt) });
  if (!record.resolveDueAt) return null;
  const due = formatDateTime(record.resolveDueAt);
  if (record.extensions > 0) return t('case.extended', { due, count: record.extensions });
  return record.complex ? t('case.complex', { due }) : due;
}

function basisOf(view: OfficerCaseView): string {
  const { limits, record } = view;
  const inForce = [limits.accept.article, record.resolveDueAt !== null ? limits.resolve.article : null];
  const articles = [...new Set(inForce.filter((a) => a !== null))];
  const text = articles.length ? articles.join('; ') : t('casePage.departmentLimit');
  return record.remoteArea ? `${text} (${t('casePage.remote')})` : text;
}

function ratingView(view: OfficerCaseView): CasePageView['rating'] {
  const { record, rating } = view;
  if (record.closedAt === null || !RATED_SERVICES.includes(record.service)) return null;
  if (!rating) return { value: t('casePage.ratingNone'), comment: null, when: null };
  return {
    value: t('casePage.ratingValue', { score: rating.score, label: RATING_LABELS[rating.score as 1] }),
    comment: rating.comment ? t('casePage.ratingComment', { comment: rating.comment }) : null,
    when: t('casePage.ratingWhen', {
      at: formatDateTime(rating.ratedAt),
      channel: t(`casePage.ratingChannel.${rating.channel}`),
    }),
  };
}

export function casePageView(props: CasePageProps): CasePageView {
  const { record, payload, attachments, events, transitions, deadline, limits } = props.view;
  const title = t('case.title', { code: record.trackingCode });
  const letterPending = needsSignedLetter(record) && record.signedLetterAt === null;
  return {
    frame: frameView({ title, site: props.site, account: props.account }),
    title,
    error: props.error ? { message: props.error } : null,
    summary: {
      service: SERVICE_LABELS[record.service],
      subject: record.subject,
      status: { value: record.status, label: t(`case.status.${record.status}`) },
      receivedAt: formatDateTime(record.receivedAt),
      acceptDue:
        letterPending && record.status === 'submitted' ? t('case.noClock') : formatDateTime(record.acceptDueAt),
      resolveDue: resolveDueText(props.view),
      deadline: deadline ? t(`case.deadline.${deadline}`) : null,
      signedLetter: needsSignedLetter(record)
        ? record.signedLetterAt === null
          ? t('casePage.signedLetterPending')
          : t('casePage.signedLetterReceived', { date: formatDateTime(record.signedLetterAt) })
        : null,
      instance: record.kind === 'khieu-nai' ? COMPLAINT_INSTANCE_LABELS[complaintInstance(record.payload)] : null,
      basis: basisOf(props.view),
      extensions: limits.extension
        ? t('casePage.extensions', { count: record.extensions, max: limits.extension.max })
        : null,
    },
    payload: Object.entries(payload)
      .filter(([key]) => key !== 'consent' && key !== 'instance')
      .map(([key, value]) => ({ key, label: tOr(`case.field.${key}`, key), value: payloadValue(key, value) })),
    attachments: attachments.map((a) => ({
      href: `${casePath(record.id)}/tep/${a.id}`,
      name: a.displayName,
      detail: attachmentDetail(a.size, t(a.source === 'citizen' ? 'casePage.fromCitizen' : 'casePage.fromOfficer')),
    })),
    withheldFiles:
      props.view.withheldAttachments > 0
        ? t('casePage.withheldFiles', { count: props.view.withheldAttachments })
        : null,
    rating: ratingView(props.view),
    timeline: events.map((e) => step(record.service, e)),
    // A closed case may still take an internal note; anything more is a step still open.
    closed: FINAL_STATUSES.includes(record.status) && transitions.length <= 1,
    actions: caseActionForms(
      record.id,
      record.version,
      transitions,
      props.officers.map((o) => ({ id: o.id, name: t('common.person', { name: o.fullName, username: o.username }) })),
      { kind: record.kind, service: record.service },
    ),
  };
}
