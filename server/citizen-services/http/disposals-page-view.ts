import { SERVICE_LABELS } from '#src/schema/service-process.ts';
import { formatDateShort, formatDateTime } from '#src/text/format-date.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { DisposalList } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { DataTableView } from '#server/platform/ui/components/data-table.ts';
import type { NoticeView } from '#server/platform/ui/components/notice.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';
import { DISPOSALS_PATH } from './case-paths.ts';

export interface DisposalsPageProps {
  site: Site;
  account: AccountRecord;
  /** Newest first; at most one is waiting. */
  lists: readonly DisposalList[];
  /** Just approved: say so. */
  notice: boolean;
}

export interface DisposalsPageView {
  frame: FrameView;
  title: string;
  notice: NoticeView | null;
  /** The list waiting for the head's decision, with the button that records it. */
  pending: { table: DataTableView; action: string; warning: string } | null;
  /** The decisions taken: what was destroyed, on whose approval, when. */
  decided: DataTableView[];
}

function table(list: DisposalList, caption: string): DataTableView {
  return {
    caption,
    headers: [t('disposals.code'), t('disposals.service'), t('disposals.closedAt')],
    rowHeaders: true,
    rows: list.entries.map((e) => ({
      cells: [e.trackingCode, SERVICE_LABELS[e.service], formatDateShort(e.closedAt)],
      data: { 'ma-ho-so': e.trackingCode },
    })),
  };
}

/** The head's disposal lists (docs/adr/0059): nothing is destroyed without this page's button. */
export function disposalsPageView(props: DisposalsPageProps): DisposalsPageView {
  const title = t('disposals.title');
  const pending = props.lists.find((l) => l.status === 'proposed');
  return {
    frame: frameView({ title, site: props.site, account: props.account }),
    title,
    notice: props.notice ? { text: t('disposals.done') } : null,
    pending: pending
      ? {
          table: table(
            pending,
            t('disposals.pending', {
              count: pending.entries.length,
              date: formatDateShort(pending.proposedAt),
              before: formatDateShort(pending.closedBefore),
            }),
          ),
          action: `${DISPOSALS_PATH}/${pending.id}`,
          warning: t('disposals.warning'),
        }
      : null,
    decided: props.lists
      .filter((l) => l.status === 'approved')
      .map((l) =>
        table(
          l,
          t('disposals.approved', {
            count: l.entries.length,
            name: l.approvedByName ?? '',
            at: formatDateTime(l.approvedAt ?? l.proposedAt),
          }),
        ),
      ),
  };
}
