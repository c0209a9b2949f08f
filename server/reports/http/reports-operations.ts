import { Hono } from 'hono';
import { z } from 'zod';
import { checkContent } from '#src/checks/content-checks.ts';
import type { AppEnv } from '#server/platform/app-env.ts';
import { NotFoundError } from '#server/platform/errors.ts';
import { parseInput } from '#server/platform/http/parse-input.ts';
import { readBuildHistory } from '#src/build/build-history.ts';
import { readBuildInfo } from '../health.ts';
import { authorizeReportRead } from '#server/platform/http/report-access.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';
import { operationsPage } from './report-operations-page.ts';
import { OPERATIONS_PATH, operationsPageView, type SiteOperations } from './report-operations-page-view.ts';

export interface OperationsRouteOptions {
  distDir: string;
  departments: readonly DepartmentRef[];
  /** The content repository's folder, whose `main` checkout the sites are built from; no link check without it. */
  contentRoot?: string;
}

const LINK_KINDS = new Set(['broken-link', 'missing-file']);
const OperationsQuerySchema = z.object({
  'don-vi': z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});

/**
 * `/quan-tri/van-hanh/`: the IT officer's view of a site (Điều 17.4): its
 * last build, the build history and the internal links that lead nowhere.
 */
export function operationsRoutes(options: OperationsRouteOptions) {
  const byId = new Map(options.departments.map((d) => [d.id, d]));
  return new Hono<AppEnv>().get(OPERATIONS_PATH, async (c) => {
    const actor = c.var.session!.account;
    const query = parseInput(OperationsQuerySchema, c.req.query());
    const chosen =
      c.var.site.kind === 'department'
        ? c.var.site.department.id
        : (query['don-vi'] ?? (actor.role === 'admin' ? null : actor.departmentId));
    authorizeReportRead(actor, chosen);
    if (chosen !== null && !byId.has(chosen)) throw new NotFoundError({ path: c.req.path });
    const ids = chosen ? [chosen] : [...byId.keys()];
    // Link checking reads every entry: only for one department at a time.
    const links = chosen && options.contentRoot ? await checkContent(options.contentRoot, [chosen]) : null;
    const sites: SiteOperations[] = await Promise.all(
      ids.map(async (id) => ({
        site: { id, name: byId.get(id)!.name },
        lastBuild: await readBuildInfo(options.distDir, id),
        history: await readBuildHistory(options.distDir, id, 20),
        brokenLinks: links ? links.problems.filter((p) => p.kind !== undefined && LINK_KINDS.has(p.kind)) : null,
      })),
    );
    return c.html(
      operationsPage(operationsPageView({ site: c.var.site, actor, sites, departments: [...byId.values()] })),
    );
  });
}
