import { sectionInfo, type SectionId } from '#src/schema/sections.ts';
import { formatDateTime } from '#src/text/format-date.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import type { NoticeView } from '#server/platform/ui/components/notice.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { WorkflowStep } from '../content-repository/workflow-record.ts';
import { EVENT_LABELS, STATE_LABELS, URGENT_REASON_MIN_LENGTH, type WorkflowState } from '../editorial-workflow.ts';
import type { EntryVersion } from '../entry-versions.ts';
import type { DiffPart, VersionDiff } from '../version-diff.ts';

/** After a restore, the page says what happens next. */
export const RESTORE_SLUG = 'khoi-phuc';
/** Share links of the draft (docs/adr/0093): made and revoked from this page. */
export const SHARE_SLUGS = { create: 'chia-se', revoke: 'thu-hoi' } as const;
const LIFETIMES = ['1-gio', '1-ngay', '3-ngay', '7-ngay'] as const;

/** The steps this page offers as buttons, with the slug of the address each posts to. */
export const ENTRY_ACTION_SLUGS = {
  unpublish: 'go-bai',
  'publish-urgently': 'dang-khan',
  'review-urgent': 'ra-soat-dang-khan',
} as const;
export type EntryAction = keyof typeof ENTRY_ACTION_SLUGS;

/** Longer reasons are cut there by the route; the form says so before the person types it. */
export const URGENT_REASON_MAX_LENGTH = 2000;

export interface EntryHistoryProps {
  site: Site;
  actor: AccountRecord;
  section: SectionId;
  slug: string;
  title: string | null;
  /** null: neither live nor being worked on (deleted or discarded). */
  state: WorkflowState | null;
  steps: readonly WorkflowStep[];
  /** An urgent publication of this entry still waiting for its review. */
  urgent?: { by: { name: string; username: string }; reason: string; at: string } | null;
  actions?: readonly EntryAction[];
  /** A slug of ENTRY_ACTION_SLUGS (from the query string, after that step) or nothing. */
  notice?: string;
  error?: string;
  /** The entry's versions (docs/adr/0092); absent when the person may not read them. */
  versions?: readonly Omit<EntryVersion, 'blob' | 'commit'>[];
  /** Two versions chosen for comparison and their difference. */
  compare?: { from: number; to: number; diff: VersionDiff } | null;
  /** For the publisher: the last verified version and what changed since. */
  sinceVerified?: { n: number; diff: VersionDiff } | null;
  mayRestore?: boolean;
  /** Share links (docs/adr/0093); absent when the person may not read the draft or there is none. */
  share?: {
    secret: boolean;
    links: ReadonlyArray<{
      id: string;
      url: string;
      createdByName: string;
      createdAt: number;
      expiresAt: number;
      revokedAt: number | null;
      uses: number;
      mayRevoke: boolean;
    }>;
  } | null;
  now?: number;
}

export interface DiffView {
  same: boolean;
  fields: Array<{ field: string; before: string; after: string; parts: DiffPart[] }>;
  /** null when the body did not change. */
  body: DiffPart[] | null;
}

/** A moment shown to people and kept for machines in `<time datetime>`. */
export interface Moment {
  datetime: string;
  text: string;
}

export interface EntryHistoryPageView {
  frame: FrameView;
  heading: string;
  notice: NoticeView | null;
  error: ErrorSummaryView | null;
  section: string;
  state: string;
  lastUpdate: { at: Moment; by: string } | null;
  urgent: { by: string; at: Moment; reason: string } | null;
  actions: Array<{ action: string; text: string; button: string; reason: FieldView | null }>;
  steps: Array<{ at: Moment; step: string; by: string; state: string }>;
  versions: {
    rows: Array<{
      n: number;
      at: Moment;
      by: string;
      step: string;
      verifiedBy: string;
      published: string;
      restore: { action: string; button: string } | null;
    }>;
    compareForm: { action: string; from: FieldView; to: FieldView } | null;
  } | null;
  comparison: { heading: string; diff: DiffView } | null;
  sinceVerified: { text: string; diff: DiffView | null } | null;
  share: {
    secret: string | null;
    form: { action: string; lifetime: FieldView } | null;
    rows: Array<{
      url: string;
      createdBy: string;
      expires: Moment;
      status: string;
      uses: number;
      revoke: { action: string; id: string } | null;
    }>;
  } | null;
}

const moment = (iso: string): Moment => ({ datetime: iso, text: formatDateTime(iso, { seconds: true }) });
const person = (step: WorkflowStep) =>
  step.by.username
    ? t('common.person', { name: step.by.name, username: step.by.username })
    : step.by.name || t('common.none');
const NOTICE_SLUGS: readonly string[] = [
  ...Object.values(ENTRY_ACTION_SLUGS),
  RESTORE_SLUG,
  ...Object.values(SHARE_SLUGS),
];

function shareView(props: EntryHistoryProps, base: string): EntryHistoryPageView['share'] {
  const share = props.share;
  if (!share) return null;
  const now = props.now ?? 0;
  return {
    secret: share.secret ? t('share.secret') : null,
    form: share.secret
      ? null
      : {
          action: `${base}/${SHARE_SLUGS.create}`,
          lifetime: {
            id: 'thoi-han',
            label: t('share.lifetime'),
            control: 'select',
            options: LIFETIMES.map((l) => ({ value: l, label: t(`share.lifetime.${l}`), selected: l === '1-ngay' })),
          },
        },
    rows: share.links.map((l) => {
      const status = l.revokedAt !== null ? 'revoked' : now >= l.expiresAt ? 'expired' : 'active';
      return {
        url: l.url,
        createdBy: `${l.createdByName}, ${formatDateTime(l.createdAt)}`,
        expires: moment(new Date(l.expiresAt).toISOString()),
        status: t(`share.status.${status}`),
        uses: l.uses,
        revoke: status === 'active' && l.mayRevoke ? { action: `${base}/${SHARE_SLUGS.revoke}`, id: l.id } : null,
      };
    }),
  };
}
const who = (p: { name: string; username: string } | null) =>
  p ? (p.username ? t('common.person', p) : p.name) : t('common.none');

function diffView(diff: VersionDiff): DiffView {
  return {
    same: diff.same,
    fields: diff.fields.map((f) => ({
      field: f.field,
      before: f.before ?? t('common.none'),
      after: f.after ?? t('common.none'),
      parts: f.parts,
    })),
    body: diff.body.every((p) => p.kind === 'same') ? null : diff.body,
  };
}

function versionsView(props: EntryHistoryProps, base: string): EntryHistoryPageView['versions'] {
  const versions = props.versions;
  if (!versions?.length) return null;
  const options = (chosen: number | undefined) =>
    versions.map((v) => ({
      value: String(v.n),
      label: t('versions.label', { n: v.n, at: formatDateTime(v.at) }),
      selected: chosen === v.n,
    }));
  return {
    rows: versions.map((v) => ({
      n: v.n,
      at: moment(v.at),
      by: who(v.by),
      step: (EVENT_LABELS as Record<string, string>)[v.event] ?? v.event,
      verifiedBy: who(v.verifiedBy),
      published: v.published ? t('common.yes') : t('common.no'),
      restore: props.mayRestore
        ? { action: `${base}/${RESTORE_SLUG}`, button: t('versions.restoreButton', { n: v.n }) }
        : null,
    })),
    compareForm:
      versions.length > 1
        ? {
            action: base,
            from: {
              id: 'tu',
              label: t('versions.from'),
              control: 'select',
              options: options(props.compare?.from ?? versions.at(-2)!.n),
            },
            to: {
              id: 'den',
              label: t('versions.to'),
              control: 'select',
              options: options(props.compare?.to ?? versions.at(-1)!.n),
            },
          }
        : null,
  };
}

function sinceVerifiedView(props: EntryHistoryProps): EntryHistoryPageView['sinceVerified'] {
  const since = props.sinceVerified;
  const verified = since && props.versions?.find((v) => v.n === since.n);
  if (!since || !verified?.verifiedBy) return null;
  const vars = { n: since.n, by: who(verified.verifiedBy), at: formatDateTime(verified.at) };
  return since.diff.same
    ? { text: t('versions.sinceVerifiedNone', vars), diff: null }
    : { text: t('versions.sinceVerifiedHint', vars), diff: diffView(since.diff) };
}

function actionForm(action: EntryAction, base: string): EntryHistoryPageView['actions'][number] {
  const href = `${base}/${ENTRY_ACTION_SLUGS[action]}`;
  if (action === 'unpublish')
    return { action: href, text: t('entry.unpublishText'), button: t('entry.unpublish'), reason: null };
  if (action === 'review-urgent')
    return { action: href, text: t('entry.reviewText'), button: t('entry.review'), reason: null };
  const reason: FieldView = {
    id: 'reason',
    label: t('entry.urgentLabel'),
    control: 'textarea',
    rows: 3,
    required: true,
    minLength: URGENT_REASON_MIN_LENGTH,
    maxLength: URGENT_REASON_MAX_LENGTH,
  };
  return { action: href, text: t('entry.urgentText'), button: t('entry.publishUrgently'), reason };
}

/**
 * Who did each Điều 19 step of one entry, and when: read from the content
 * repository's commit trailers (ADR 0040), oldest first, so the page reads
 * in the order the work was done; the steps Decap has no button for.
 */
export function entryHistoryPageView(props: EntryHistoryProps): EntryHistoryPageView {
  const last = props.steps.at(-1);
  const heading = t('entry.title', { title: props.title ?? props.slug });
  const base = `/quan-tri/bai-viet/${props.section}/${props.slug}`;
  const notice =
    props.notice && NOTICE_SLUGS.includes(props.notice)
      ? t(
          `entry.notice.${props.notice as (typeof ENTRY_ACTION_SLUGS)[EntryAction] | typeof RESTORE_SLUG | (typeof SHARE_SLUGS)[keyof typeof SHARE_SLUGS]}`,
        )
      : null;
  return {
    frame: frameView({ title: heading, site: props.site, account: props.actor }),
    heading,
    notice: notice ? { text: notice } : null,
    error: props.error ? { message: props.error } : null,
    section: sectionInfo(props.section).label,
    state: props.state ? STATE_LABELS[props.state] : t('entry.gone'),
    lastUpdate: last ? { at: moment(last.at), by: person(last) } : null,
    urgent: props.urgent
      ? {
          by: t('common.person', { name: props.urgent.by.name, username: props.urgent.by.username }),
          at: moment(props.urgent.at),
          reason: props.urgent.reason,
        }
      : null,
    actions: (['unpublish', 'publish-urgently', 'review-urgent'] as const)
      .filter((a) => props.actions?.includes(a))
      .map((a) => actionForm(a, base)),
    steps: props.steps.map((step) => ({
      at: moment(step.at),
      step: (EVENT_LABELS as Record<string, string>)[step.event] ?? step.event,
      by: person(step),
      state: step.state ? STATE_LABELS[step.state] : t('common.none'),
    })),
    versions: versionsView(props, base),
    comparison: props.compare
      ? {
          heading: t('versions.comparing', { from: props.compare.from, to: props.compare.to }),
          diff: diffView(props.compare.diff),
        }
      : null,
    sinceVerified: sinceVerifiedView(props),
    share: shareView(props, base),
  };
}
