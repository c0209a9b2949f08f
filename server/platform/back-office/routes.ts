import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { BACK_OFFICE_PATHS, BACK_OFFICE_PREFIX } from '../http/back-office-paths.ts';
import { checkOrigin } from '../http/check-origin.ts';
import { limitBody } from '../http/limit-body.ts';
import { loadSession } from '#server/accounts/index.ts';
import { noStore } from '../http/no-store.ts';
import { requireJson } from '../http/require-json.ts';
import { requirePasswordChanged, requireSignedIn } from '#server/accounts/index.ts';
import type { CaseServices } from '#server/citizen-services/index.ts';
import type { Services } from '#server/accounts/index.ts';
import { accountsRoutes } from '#server/accounts/index.ts';
import { apiRoutes } from '#server/accounts/index.ts';
import { auditRoutes } from '#server/accounts/index.ts';
import { caseOfficeRoutes } from '#server/citizen-services/index.ts';
import { changePasswordRoutes } from '#server/accounts/index.ts';
import { homeRoutes } from './home.ts';
import { signInRoutes } from '#server/accounts/index.ts';
import { signOutRoutes } from '#server/accounts/index.ts';
import { stylesheetRoutes } from '../ui/stylesheet.ts';
import type { WorkSource } from '../work-items.ts';
import { caseWork } from './case-work.ts';

const MAX_FORM_BYTES = 64 * 1024;

/**
 * `/quan-tri/*` on every host. Order is the access policy, read top to bottom:
 * public stylesheet → origin/body checks and session → sign-in (public) →
 * signed in: change password, sign out → password changed: everything else.
 */
export function backOfficeRoutes(services: Services, cases?: CaseServices, work: readonly WorkSource[] = []) {
  const all = `${BACK_OFFICE_PREFIX}/*`;
  return new Hono<AppEnv>()
    .route('/', stylesheetRoutes())
    .use(all, noStore(), checkOrigin(), limitBody(MAX_FORM_BYTES), loadSession(services.auth))
    .use(`${BACK_OFFICE_PATHS.api}/*`, requireJson())
    .route('/', signInRoutes(services))
    .use(all, requireSignedIn())
    .route('/', changePasswordRoutes(services))
    .route('/', signOutRoutes(services))
    .use(all, requirePasswordChanged())
    .route('/', homeRoutes(services, cases, cases ? [...work, caseWork(cases)] : work))
    .route('/', accountsRoutes(services))
    .route('/', auditRoutes(services))
    .route('/', apiRoutes(services))
    .route('/', cases ? caseOfficeRoutes(cases) : new Hono<AppEnv>());
}
