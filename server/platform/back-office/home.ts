import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { BACK_OFFICE_PATHS, BACK_OFFICE_PREFIX } from '../http/back-office-paths.ts';
import { principalOf } from '#server/accounts/index.ts';
import type { Services } from '#server/accounts/index.ts';
import { homePage } from './home-page.ts';
import { homePageView } from './home-page-view.ts';
import { noticeFor } from '../ui/notices.ts';

export function homeRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get(BACK_OFFICE_PREFIX, (c) => c.redirect(BACK_OFFICE_PATHS.home, 301))
    .get(BACK_OFFICE_PATHS.home, async (c) => {
      const account = c.var.session!.account;
      const actor = principalOf(account);
      // The holder sees every password given to them and the first sign-in after it; the head, the same for the board (docs/adr/0017).
      const [ownHistory, boardHistory] = await Promise.all([
        services.accounts.credentialHistory(actor, account),
        services.accounts.boardCredentialHistory(actor),
      ]);
      return c.html(homePage(homePageView({ site: c.var.site, account, notice: noticeFor(c.req.query('thong-bao'), undefined), ownHistory: ownHistory ?? [], boardHistory })));
    });
}
