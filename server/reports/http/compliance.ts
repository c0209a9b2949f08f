import { Hono } from 'hono';
import { complianceRecord } from '#server/editorial/index.ts';
import { checkCompliance } from '#src/checks/compliance.ts';
import type { AppEnv } from '#server/platform/app-env.ts';
import type { ContentRepository } from '#server/editorial/index.ts';
import type { Clock } from '#server/platform/clock.ts';
import { authorizeReportRead } from '#server/platform/http/report-access.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';
import type { AuditEntry } from '#server/platform/storage/records.ts';
import { compliancePage } from './compliance-page.ts';
import { COMPLIANCE_PATH, compliancePageView, type PublicationWatch } from './compliance-page-view.ts';
import { readBuildHistory } from '#src/build/build-history.ts';
import type { Editorial } from '#server/editorial/index.ts';

/** The newest rebuild that went live says which entries are left out now. */
async function publicationWatch(options: ComplianceRouteOptions, site: string): Promise<PublicationWatch> {
  const history = options.distDir ? await readBuildHistory(options.distDir, site, 20) : [];
  const lastLive = history.find((r) => r.result === 'success');
  const urgent = options.editorial ? await (await options.editorial()).service.pendingUrgent(site) : [];
  return {
    excluded: (lastLive?.excluded ?? []).map((p) => ({ file: p.file, message: p.message })),
    urgent: urgent.map((u) => ({
      entry: `${u.key.section}/${u.key.slug}`,
      by: `${u.by.name} (${u.by.username})`,
      at: u.at,
      reason: u.reason,
    })),
  };
}

export interface ComplianceRouteOptions {
  /** Built sites, whose build history names the entries a rebuild left out. */
  distDir?: string;
  /** Urgent publications waiting for review come from the editorial service. */
  editorial?: () => Promise<Editorial>;
  /** The content repository's folder (its working tree is what is published). */
  contentRoot?: string;
  repo?: ContentRepository | Promise<ContentRepository>;
  departments: readonly DepartmentRef[];
  clock: Clock;
  /** Grants of verify/publish and who made them (docs/adr/0017); undefined: every department. */
  delegations?: (departmentId: string | undefined) => Promise<AuditEntry[]>;
}

/**
 * `/quan-tri/tuan-thu/` (Điều 18e): the compliance dashboard of `npm run check
 * -- --compliance`, for a department on its host, province-wide for the
 * administrator on the portal. Read by those who read the reports.
 */
export function complianceRoutes(options: ComplianceRouteOptions) {
  return new Hono<AppEnv>().get(COMPLIANCE_PATH, async (c) => {
    const actor = c.var.session!.account;
    const chosen =
      c.var.site.kind === 'department' ? c.var.site.department.id : actor.role === 'admin' ? null : actor.departmentId;
    authorizeReportRead(actor, chosen);
    const report = await checkCompliance({
      root: options.contentRoot ?? process.cwd(),
      sites: chosen ? [chosen] : options.departments.map((d) => d.id),
      asOf: new Date(options.clock()),
      workflow: options.repo ? complianceRecord(await options.repo) : undefined,
    });
    const watch: Record<string, PublicationWatch> = {};
    for (const site of report.sites.map((s) => s.site)) watch[site] = await publicationWatch(options, site);
    const delegations = await options.delegations?.(chosen ?? undefined);
    return c.html(compliancePage(compliancePageView({ site: c.var.site, actor, report, watch, delegations })));
  });
}
