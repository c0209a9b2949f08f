import { ROLE_LABELS } from '#src/schema/roles.ts';
import { type CredentialHistoryView, type CredentialIssue, credentialHistoryView } from '#server/accounts/index.ts';
import { casePath, DISPOSALS_PATH, type DigestLine } from '#server/citizen-services/index.ts';
import { SERVICE_LABELS } from '#src/schema/service-process.ts';
import { formatDateShort } from '#src/text/format-date.ts';
import type { DisposalList } from '../storage/case-records.ts';
import type { DataTableView } from '../ui/components/data-table.ts';
import type { Site } from '../http/site-for-host.ts';
import type { AccountRecord } from '../storage/records.ts';
import type { Fact } from '../ui/components/facts-table.ts';
import type { NoticeView } from '../ui/components/notice.ts';
import { type FrameView, frameView } from '../ui/frame-view.ts';
import { sectionLabels } from '../ui/section-labels.ts';
import { t } from '../ui/vi.ts';
import type { WorkItem } from '../work-items.ts';
import { type WorkView, workView } from './work-view.ts';

export interface HomePageProps {
  site: Site;
  account: AccountRecord;
  notice?: string;
  /** One-time passwords given to this account and the first sign-in after each (docs/adr/0017). */
  ownHistory?: readonly CredentialIssue[];
  /** The same for the head's whole board; null for anyone else. */
  boardHistory?: readonly CredentialIssue[] | null;
  /** For the head: cases overdue by the configured margin or more (docs/adr/0056). */
  escalated?: readonly DigestLine[];
  /** For the head: a disposal list waiting for the decision (docs/adr/0059). */
  disposal?: DisposalList | null;
  /** What waits for this person in every capability (docs/adr/0091); absent: the section is not shown. */
  work?: readonly WorkItem[];
  /** The moment the page is made, for the age of what waits. */
  now?: number;
}

export interface HomePageView {
  frame: FrameView;
  greeting: string;
  notice: NoticeView | null;
  /** Who the signed-in person is in the system: the facts they can check are right. */
  facts: Fact[];
  ownHistory: CredentialHistoryView;
  boardHistory: CredentialHistoryView | null;
  /** The head's list of cases late by the margin or more, worst first; null for anyone else or when there are none. */
  escalated: DataTableView | null;
  disposal: { text: string; href: string } | null;
  work: WorkView | null;
}

export function homePageView(props: HomePageProps): HomePageView {
  const { account } = props;
  const facts: Fact[] = [
    { term: t('field.username'), detail: account.username },
    { term: t('field.role'), detail: ROLE_LABELS[account.role] },
  ];
  if (account.sections.length > 0) facts.push({ term: t('home.sections'), detail: sectionLabels(account.sections) });
  if (account.delegations.length > 0)
    facts.push({
      term: t('home.delegations'),
      detail: account.delegations.map((r) => t(`delegation.short.${r}`)).join(', '),
    });
  facts.push({ term: t('field.officialEmail'), detail: account.email ?? t('common.notYet') });
  return {
    frame: frameView({ title: t('home.title'), site: props.site, account }),
    greeting: t('home.greeting', { name: account.fullName }),
    notice: props.notice ? { text: props.notice } : null,
    facts,
    ownHistory: credentialHistoryView(props.ownHistory ?? [], t('home.ownHistory')),
    boardHistory: props.boardHistory ? credentialHistoryView(props.boardHistory, t('home.boardHistory'), true) : null,
    escalated: props.escalated?.length
      ? {
          caption: t('home.escalatedCaption', { count: props.escalated.length }),
          headers: [t('queue.code'), t('queue.filterService'), t('case.subject'), t('queue.due'), t('home.lateBy')],
          rowHeaders: true,
          rows: [...props.escalated]
            .sort((a, b) => b.workingDays - a.workingDays)
            .map((line) => ({
              cells: [
                line.record.trackingCode,
                SERVICE_LABELS[line.record.service],
                line.record.subject,
                formatDateShort(line.record.dueAt!),
                t('home.workingDays', { days: line.workingDays }),
              ],
              data: { href: casePath(line.record.id) },
            })),
        }
      : null,
    disposal: props.disposal
      ? { text: t('home.disposalWaiting', { count: props.disposal.entries.length }), href: DISPOSALS_PATH }
      : null,
    work: props.work ? workView(props.work, props.now ?? 0) : null,
  };
}
