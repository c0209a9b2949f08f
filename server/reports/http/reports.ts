import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '#server/platform/app-env.ts';
import { NotFoundError } from '#server/platform/errors.ts';
import type { Clock } from '#server/platform/clock.ts';
import { parseInput } from '#server/platform/http/parse-input.ts';
import type { CaseSource } from '../case-record.ts';
import { listCasesForReport } from '../case-source.ts';
import { InvalidPeriodError } from '../errors.ts';
import { adjacentPeriod, parsePeriod, periodContaining, type Period } from '../period.ts';
import { authorizeReportRead } from '#server/platform/http/report-access.ts';
import { usageReportCsv } from '../usage-csv.ts';
import { computeUsageReport } from '../usage-report.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';
import { reportPage } from './report-page.ts';
import { REPORT_PATH, reportPageView } from './report-page-view.ts';

export interface ReportRouteOptions {
  cases: CaseSource;
  clock: Clock;
  departments: readonly DepartmentRef[];
}

const ReportQuerySchema = z.object({
  ky: z.string().max(20).optional(),
  'don-vi': z
    .union([
      z.literal(''),
      z
        .string()
        .max(64)
        .regex(/^[a-z0-9-]+$/),
    ])
    .optional(),
  'dinh-dang': z.enum(['html', 'csv', 'json']).optional(),
});

/**
 * `/quan-tri/bao-cao/` (Điều 16): the usage report as a page, CSV or JSON.
 * Mounted after the back office, whose middleware has already required a
 * signed-in account with a changed password.
 */
export function reportRoutes(options: ReportRouteOptions) {
  const names = new Map(options.departments.map((d) => [d.id, d.name]));
  return new Hono<AppEnv>().get(REPORT_PATH, async (c) => {
    const actor = c.var.session!.account;
    const query = parseInput(ReportQuerySchema, c.req.query());
    // A department host always reports on its department; the portal reports province-wide unless the administrator picks one.
    const departmentId =
      c.var.site.kind === 'department'
        ? c.var.site.department.id
        : query['don-vi'] || (actor.role === 'admin' ? null : actor.departmentId);
    authorizeReportRead(actor, departmentId);
    if (departmentId !== null && !names.has(departmentId)) throw new NotFoundError({ path: c.req.path });

    const now = new Date(options.clock());
    const periodInput = query.ky ?? periodContaining('month', now).id;
    const siteFilter = c.var.site.kind === 'portal' && departmentId ? departmentId : '';
    const departments = options.departments.map((d) => ({ id: d.id, name: d.name }));
    let period: Period;
    try {
      period = parsePeriod(periodInput);
    } catch (error) {
      if (!(error instanceof InvalidPeriodError)) throw error;
      if (query['dinh-dang'] === 'json' || query['dinh-dang'] === 'csv') throw error;
      return c.html(
        reportPage(
          reportPageView({ site: c.var.site, actor, periodInput, siteFilter, departments, invalidPeriod: true }),
        ),
        400,
      );
    }

    const sites = departmentId ? [{ id: departmentId, name: names.get(departmentId)! }] : departments;
    const cases = await listCasesForReport(options.cases, {
      sites: sites.map((s) => s.id),
      from: period.from,
      to: period.to,
    });
    const report = computeUsageReport({ period, sites, scope: departmentId ? 'department' : 'province', cases, now });
    const fileName = `bao-cao-dich-vu-cong-${period.id}-${departmentId ?? 'toan-tinh'}`;
    if (query['dinh-dang'] === 'csv') {
      return c.body(usageReportCsv(report), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}.csv"`,
      });
    }
    if (query['dinh-dang'] === 'json') {
      c.header('Content-Disposition', `inline; filename="${fileName}.json"`);
      return c.json(report);
    }
    const previous = adjacentPeriod(period, -1).id;
    const next = period.to.getTime() <= now.getTime() ? adjacentPeriod(period, 1).id : undefined;
    return c.html(
      reportPage(
        reportPageView({
          site: c.var.site,
          actor,
          periodInput: period.id,
          siteFilter,
          departments,
          report,
          previous,
          next,
        }),
      ),
    );
  });
}
