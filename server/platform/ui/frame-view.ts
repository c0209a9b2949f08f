import { ROLE_LABELS } from '#src/schema/roles.ts';
import { BACK_OFFICE_PATHS } from '../http/back-office-paths.ts';
import { mayReadReports } from '../http/report-access.ts';
import type { Site } from '../http/site-for-host.ts';
import type { AccountRecord } from '../storage/records.ts';
import { siteName } from './site-name.ts';
import { t } from './vi.ts';

export interface PageFrame {
  title: string;
  site: Site;
  /** The signed-in account, when there is one with a usable password. */
  account?: AccountRecord | null;
  /** Whether the navigation should offer management pages (a first-login account gets none). */
  navigation?: boolean;
}

export interface NavLink {
  href: string;
  text: string;
}

/** What the back office's frame shows around a page: its title, who is signed in, where they may go. */
export interface FrameView {
  documentTitle: string;
  siteName: string;
  signedIn: string | null;
  nav: NavLink[] | null;
}

function navFor(account: AccountRecord): NavLink[] {
  const manages = account.role === 'admin' || account.role === 'head' || account.role === 'it-officer';
  const readsAudit = account.role === 'admin' || account.role === 'head';
  const inDepartment = account.role !== 'admin';
  // The rule the report and operations routes enforce: a link shown here is never a refusal there.
  const readsReports = mayReadReports(account.role);
  const links: Array<[boolean, string, string]> = [
    [true, BACK_OFFICE_PATHS.home, t('nav.home')],
    [inDepartment, '/admin/', t('nav.editor')],
    [inDepartment, '/quan-tri/bai-viet/', t('nav.entries')],
    [inDepartment, '/quan-tri/ho-so/', t('nav.cases')],
    [readsReports, '/quan-tri/bao-cao/', t('nav.reports')],
    [readsReports, '/quan-tri/tuan-thu/', t('nav.compliance')],
    [readsReports, '/quan-tri/van-hanh/', t('nav.operations')],
    [manages, BACK_OFFICE_PATHS.accounts, t('nav.accounts')],
    [account.role === 'admin', '/quan-tri/don-vi/', t('nav.departments')],
    [readsAudit, BACK_OFFICE_PATHS.audit, t('nav.audit')],
    [true, BACK_OFFICE_PATHS.changePassword, t('nav.changePassword')],
  ];
  return links.filter(([shown]) => shown).map(([, href, text]) => ({ href, text }));
}

export function frameView(frame: PageFrame): FrameView {
  const name = siteName(frame.site);
  const account = frame.account ?? null;
  return {
    documentTitle: t('frame.title', { title: frame.title, site: name }),
    siteName: name,
    signedIn: account
      ? t('frame.signedIn', { name: account.fullName, username: account.username, role: ROLE_LABELS[account.role] })
      : null,
    nav: account && frame.navigation !== false ? navFor(account) : null,
  };
}
