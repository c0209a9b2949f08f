import { SERVICE_LABELS } from '#src/schema/service-process.ts';
import { formatDateTime } from '#src/text/format-date.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { CaseEvent } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { TimelineStep } from '#server/platform/ui/components/timeline.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t, tOr } from '#server/platform/ui/vi.ts';
import type { OfficerCaseView } from '../case-office-service.ts';
import { FINAL_STATUSES } from '../case-workflow.ts';
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
  };
  /** What the citizen wrote, field by field; identity withheld where the law says (case-confidentiality.ts). */
  payload: Array<{ key: string; label: string; value: string }>;
  attachments: Array<{ href: string; name: string; detail: string }>;
  timeline: TimelineStep[];
  closed: boolean;
  actions: CaseActionForm[];
}

function payloadValue(key: string, value: unknown): string {
  if (key === 'consentedAt') return formatDateTime(Number(value));
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  return String(value);
}

function step(e: CaseEvent): TimelineStep {
  const notes: string[] = [];
  if (e.publicText) notes.push(t('casePage.toCitizen', { text: e.publicText }));
  if (e.internalNote) notes.push(t('casePage.internalNote', { text: e.internalNote }));
  if (e.details.assignee) notes.push(t('casePage.assignee', { name: String(e.details.assignee) }));
  return { at: formatDateTime(e.at), datetime: new Date(e.at).toISOString(), label: tOr(`case.event.${e.action}`, e.action), actor: e.actorName ?? undefined, notes };
}

/** One case as an officer sees it (Điều 15): its facts, what the citizen sent, its history and the steps open now. */
export function casePageView(props: CasePageProps): CasePageView {
  const { record, payload, attachments, events, transitions, deadline } = props.view;
  const title = t('case.title', { code: record.trackingCode });
  const resolveDue = record.resolveDueAt ? formatDateTime(record.resolveDueAt) : null;
  return {
    frame: frameView({ title, site: props.site, account: props.account }),
    title,
    error: props.error ? { message: props.error } : null,
    summary: {
      service: SERVICE_LABELS[record.service],
      subject: record.subject,
      status: { value: record.status, label: t(`case.status.${record.status}`) },
      receivedAt: formatDateTime(record.receivedAt),
      acceptDue: formatDateTime(record.acceptDueAt),
      resolveDue: resolveDue && record.complex ? t('case.complex', { due: resolveDue }) : resolveDue,
      deadline: deadline ? t(`case.deadline.${deadline}`) : null,
    },
    payload: Object.entries(payload)
      .filter(([key]) => key !== 'consent')
      .map(([key, value]) => ({ key, label: tOr(`case.field.${key}`, key), value: payloadValue(key, value) })),
    attachments: attachments.map((a) => ({
      href: `${casePath(record.id)}/tep/${a.id}`,
      name: a.displayName,
      detail: attachmentDetail(a.size, t(a.source === 'citizen' ? 'casePage.fromCitizen' : 'casePage.fromOfficer')),
    })),
    timeline: events.map(step),
    // A closed case may still take an internal note; anything more is a step still open.
    closed: FINAL_STATUSES.includes(record.status) && transitions.length <= 1,
    actions: caseActionForms(
      record.id,
      record.version,
      transitions,
      props.officers.map((o) => ({ id: o.id, name: t('common.person', { name: o.fullName, username: o.username }) })),
    ),
  };
}
