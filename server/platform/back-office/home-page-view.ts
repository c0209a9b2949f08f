import { ROLE_LABELS } from '#src/schema/roles.ts';
import { type CredentialHistoryView, type CredentialIssue, credentialHistoryView } from '#server/accounts/index.ts';
import type { Site } from '../http/site-for-host.ts';
import type { AccountRecord } from '../storage/records.ts';
import type { Fact } from '../ui/components/facts-table.ts';
import type { NoticeView } from '../ui/components/notice.ts';
import { type FrameView, frameView } from '../ui/frame-view.ts';
import { sectionLabels } from '../ui/section-labels.ts';
import { t } from '../ui/vi.ts';

export interface HomePageProps {
  site: Site;
  account: AccountRecord;
  notice?: string;
  /** One-time passwords given to this account and the first sign-in after each (docs/adr/0017). */
  ownHistory?: readonly CredentialIssue[];
  /** The same for the head's whole board; null for anyone else. */
  boardHistory?: readonly CredentialIssue[] | null;
}

export interface HomePageView {
  frame: FrameView;
  greeting: string;
  notice: NoticeView | null;
  /** Who the signed-in person is in the system: the facts they can check are right. */
  facts: Fact[];
  ownHistory: CredentialHistoryView;
  boardHistory: CredentialHistoryView | null;
}

export function homePageView(props: HomePageProps): HomePageView {
  const { account } = props;
  const facts: Fact[] = [
    { term: t('field.username'), detail: account.username },
    { term: t('field.role'), detail: ROLE_LABELS[account.role] },
  ];
  if (account.sections.length > 0) facts.push({ term: t('home.sections'), detail: sectionLabels(account.sections) });
  if (account.delegations.length > 0) facts.push({ term: t('home.delegations'), detail: account.delegations.map((r) => t(`delegation.short.${r}`)).join(', ') });
  facts.push({ term: t('field.officialEmail'), detail: account.email ?? t('common.notYet') });
  return {
    frame: frameView({ title: t('home.title'), site: props.site, account }),
    greeting: t('home.greeting', { name: account.fullName }),
    notice: props.notice ? { text: props.notice } : null,
    facts,
    ownHistory: credentialHistoryView(props.ownHistory ?? [], t('home.ownHistory')),
    boardHistory: props.boardHistory ? credentialHistoryView(props.boardHistory, t('home.boardHistory'), true) : null,
  };
}
