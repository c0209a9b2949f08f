import { Hono, type Context } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { NotFoundError } from '#server/platform/errors.ts';
import type { Clock } from '#server/platform/clock.ts';
import type { CaseSource } from '../case-record.ts';
import { computePublicStatistics, recentMonths } from '../public-statistics.ts';
import type { ShellSource } from '#server/sites/index.ts';
import { publicStatisticsPage } from './public-statistics-page.ts';
import { publicStatisticsView } from './public-statistics-page-view.ts';
import { servicePage } from '#server/citizen-services/index.ts';

/**
 * `/thong-ke/` on each department site (Điều 16, docs/adr/0063): computed at most once a
 * day per site and kept, so the page costs the database nothing per visit
 * and changes like a page rebuilt daily.
 */
const DAY_MS = 24 * 3600 * 1000;

export interface PublicStatisticsOptions {
  cases: CaseSource;
  shells: ShellSource;
  clock: Clock;
  months?: number;
}

export function publicStatisticsRoutes(options: PublicStatisticsOptions) {
  const months = options.months ?? 12;
  const made = new Map<string, { at: number; html: string }>();

  async function page(c: Context<AppEnv>): Promise<string> {
    const site = c.var.site;
    if (site?.kind !== 'department') throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    const now = options.clock();
    const kept = made.get(site.department.id);
    if (kept && now - kept.at < DAY_MS) return kept.html;
    const periods = recentMonths(new Date(now), months);
    const cases = await options.cases.listCasesForReport({
      sites: [site.department.id],
      from: periods[0]!.from,
      to: new Date(now),
    });
    const stats = computePublicStatistics(cases, new Date(now), months);
    const view = publicStatisticsView(stats, now);
    const html = await servicePage(
      await options.shells.read(site.department.id),
      site.department.name,
      view.title,
      publicStatisticsPage(view),
    );
    made.set(site.department.id, { at: now, html });
    return html;
  }

  return new Hono<AppEnv>()
    .get('/thong-ke', (c) => c.redirect('/thong-ke/', 301))
    .get('/thong-ke/', async (c) => {
      const body = await page(c);
      return c.html(body, 200, { 'cache-control': 'public, max-age=3600' });
    });
}
