import type { BuildRecord } from '#src/build/build-history.ts';
import type { ContentProblem } from '#src/content-source/problems.ts';
import { formatDateTime } from '#src/text/format-date.ts';
import { formatNumber } from '#src/text/format-number.ts';
import type { DepartmentRef, Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { type FrameView, frameView, type NavLink } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { SiteBuildStatus } from '../health.ts';

export const OPERATIONS_PATH = '/quan-tri/van-hanh/';

export interface SiteOperations {
  site: { id: string; name: string };
  lastBuild: SiteBuildStatus;
  history: BuildRecord[];
  /** null when links were not checked (province overview, or no content repository). */
  brokenLinks: ContentProblem[] | null;
}

export interface SiteOperationsView {
  id: string;
  name: string;
  /** The last build, or null when the site was never built (or build-info.json is unreadable). */
  lastBuild: string | null;
  builds: Array<[at: string, by: string, duration: string, pages: string, result: string]>;
  /** Entries the newest live build left out (ADR 0045), with why. */
  excluded: { caption: string; rows: Array<[file: string, problem: string]> } | null;
  brokenLinks: { caption: string; rows: Array<[file: string, line: string, problem: string]> } | null;
}

export interface OperationsPageView {
  frame: FrameView;
  /** The province administrator on the portal picks a department. */
  departments: NavLink[] | null;
  sites: SiteOperationsView[];
}

const when = (iso: string) => formatDateTime(iso, { seconds: true });

function who(triggeredBy: string): string {
  const [kind, name = ''] = triggeredBy.split(':', 2);
  if (kind === 'cli') return t('operations.byCli', { name });
  if (kind === 'publish') return t('operations.byPublish', { name });
  return triggeredBy;
}

function result(r: BuildRecord): string {
  if (r.result !== 'success') return t('operations.failure', { code: r.errorCode ?? t('operations.failureUnknown') });
  return r.excluded?.length ? t('operations.successExcluding', { count: r.excluded.length }) : t('operations.success');
}

function siteView(s: SiteOperations): SiteOperationsView {
  const excluded = s.history.find((r) => r.result === 'success')?.excluded ?? [];
  const links = s.brokenLinks;
  return {
    id: s.site.id,
    name: s.site.name,
    lastBuild: s.lastBuild.ok
      ? t('operations.lastBuild', {
          at: s.lastBuild.builtAt ? when(s.lastBuild.builtAt) : t('common.none'),
          pages: formatNumber(s.lastBuild.pages ?? 0),
        })
      : null,
    builds: s.history.map((r) => [
      when(r.at),
      who(r.triggeredBy),
      t('common.seconds', { count: formatNumber(Math.round(r.durationMs / 100) / 10) }),
      r.pages === null ? t('common.none') : formatNumber(r.pages),
      result(r),
    ]),
    excluded: excluded.length
      ? {
          caption: t('operations.excluded', { count: formatNumber(excluded.length) }),
          rows: excluded.map((p) => [p.file, p.message]),
        }
      : null,
    brokenLinks:
      links === null
        ? null
        : {
            caption: t('operations.brokenLinks', { count: formatNumber(links.length) }),
            rows: links.map((p) => [p.file, String(p.line ?? p.field ?? t('common.none')), p.message]),
          },
  };
}

/** The IT officer's view of each site (Điều 17.4): last build, build history, entries left out, broken links. */
export function operationsPageView(props: {
  site: Site;
  actor: AccountRecord;
  sites: readonly SiteOperations[];
  departments: readonly DepartmentRef[];
}): OperationsPageView {
  return {
    frame: frameView({ title: t('operations.title'), site: props.site, account: props.actor }),
    departments:
      props.site.kind === 'portal' && props.actor.role === 'admin'
        ? props.departments.map((d) => ({ href: `${OPERATIONS_PATH}?don-vi=${d.id}`, text: d.name }))
        : null,
    sites: props.sites.map(siteView),
  };
}
