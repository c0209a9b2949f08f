import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { BACK_OFFICE_PATHS, BACK_OFFICE_PREFIX } from '../../lib/back-office-paths.ts';
import { homePage } from '../../views/home-page.ts';
import { noticeFor } from './notices.ts';

export function homeRoutes() {
  return new Hono<AppEnv>()
    .get(BACK_OFFICE_PREFIX, (c) => c.redirect(BACK_OFFICE_PATHS.home, 301))
    .get(BACK_OFFICE_PATHS.home, (c) =>
      c.html(homePage({ site: c.var.site, account: c.var.session!.account, notice: noticeFor(c.req.query('thong-bao'), undefined) })),
    );
}
