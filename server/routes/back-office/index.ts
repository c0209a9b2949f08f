import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { BACK_OFFICE_PATHS, BACK_OFFICE_PREFIX } from '../../lib/back-office-paths.ts';
import { checkOrigin } from '../../middleware/check-origin.ts';
import { limitBody } from '../../middleware/limit-body.ts';
import { loadSession } from '../../middleware/load-session.ts';
import { noStore } from '../../middleware/no-store.ts';
import { requireJson } from '../../middleware/require-json.ts';
import { requirePasswordChanged, requireSignedIn } from '../../middleware/require-signed-in.ts';
import type { CaseServices } from '../../services/create-case-services.ts';
import type { Services } from '../../services/create-services.ts';
import { accountsRoutes } from './accounts.ts';
import { apiRoutes } from './api.ts';
import { auditRoutes } from './audit.ts';
import { caseOfficeRoutes } from './cases.ts';
import { changePasswordRoutes } from './change-password.ts';
import { homeRoutes } from './home.ts';
import { signInRoutes } from './sign-in.ts';
import { signOutRoutes } from './sign-out.ts';
import { stylesheetRoutes } from './stylesheet.ts';

const MAX_FORM_BYTES = 64 * 1024;

/**
 * `/quan-tri/*` on every host. Order is the access policy, read top to bottom:
 * public stylesheet → origin/body checks and session → sign-in (public) →
 * signed in: change password, sign out → password changed: everything else.
 */
export function backOfficeRoutes(services: Services, cases?: CaseServices) {
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
    .route('/', homeRoutes(services))
    .route('/', accountsRoutes(services))
    .route('/', auditRoutes(services))
    .route('/', apiRoutes(services))
    .route('/', cases ? caseOfficeRoutes(cases) : new Hono<AppEnv>());
}
