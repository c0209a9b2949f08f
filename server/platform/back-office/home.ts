import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { BACK_OFFICE_PATHS, BACK_OFFICE_PREFIX } from '../http/back-office-paths.ts';
import { principalOf } from '#server/accounts/index.ts';
import type { Services } from '#server/accounts/index.ts';
import type { CaseServices } from '#server/citizen-services/index.ts';
import { homePage } from './home-page.ts';
import { homePageView } from './home-page-view.ts';
import { noticeFor } from '../ui/notices.ts';
import { workFor, type WorkSource } from '../work-items.ts';

/** How many things wait for the signed-in person: the CMS header's badge reads it (docs/adr/0091). */
export const WORK_COUNT_PATH = `${BACK_OFFICE_PREFIX}/viec-cho.json`;

export function homeRoutes(services: Services, cases?: CaseServices, work: readonly WorkSource[] = []) {
  return new Hono<AppEnv>()
    .get(WORK_COUNT_PATH, async (c) => {
      const items = await workFor(c.var.session!.account, work);
      return c.json({ count: items.length, late: items.filter((i) => i.late).length, href: BACK_OFFICE_PATHS.home });
    })
    .get(BACK_OFFICE_PREFIX, (c) => c.redirect(BACK_OFFICE_PATHS.home, 301))
    .get(BACK_OFFICE_PATHS.home, async (c) => {
      const account = c.var.session!.account;
      const actor = principalOf(account);
      // The holder sees every password given to them and the first sign-in after it; the head, the same for the board (docs/adr/0017).
      // The head sees what is late beyond the margin, and a disposal list waiting (docs/adr/0056, 0059).
      const head =
        account.role === 'head' && account.departmentId && cases ? { departmentId: account.departmentId, cases } : null;
      const [ownHistory, boardHistory, escalated, disposal, waiting] = await Promise.all([
        services.accounts.credentialHistory(actor, account),
        services.accounts.boardCredentialHistory(actor),
        head ? head.cases.reminders.escalated(head.departmentId, services.deps.clock()) : [],
        head ? head.cases.disposals.waiting(account) : null,
        workFor(account, work),
      ]);
      const notice = noticeFor(c.req.query('thong-bao'), undefined);
      return c.html(
        homePage(
          homePageView({
            site: c.var.site,
            account,
            notice,
            ownHistory: ownHistory ?? [],
            boardHistory,
            escalated,
            disposal,
            work: account.role === 'admin' ? undefined : waiting,
            now: services.deps.clock(),
          }),
        ),
      );
    });
}
