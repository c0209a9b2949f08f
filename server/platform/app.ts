import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.ts';
import { handleError } from './http/error-response.ts';
import { NotFoundError } from './errors.ts';
import { connectionInfo } from './http/connection-info.ts';
import { contentSecurityPolicy } from './http/content-security-policy.ts';
import { resolveDepartment } from './http/resolve-department.ts';
import { safeRedirects } from './http/safe-redirects.ts';
import { backOfficeRoutes } from './back-office/routes.ts';
import { adminRoutes, type AdminRouteOptions, complianceRecord, editorialWork } from '#server/editorial/index.ts';
import { createPortalRoutes, type PortalOptions } from '#server/sites/index.ts';
import { createStaticSitesRoutes } from '#server/sites/index.ts';
import { createServices, type ServiceOptions, type Services } from '#server/accounts/index.ts';
import {
  caseOptionsFromEnv,
  createCaseServices,
  type CaseServiceOptions,
  type CaseServices,
} from '#server/citizen-services/index.ts';
import { createQuestionPublisher } from '#server/citizen-services/index.ts';
import { editorialRuntime } from '#server/editorial/index.ts';
import { citizenServiceRoutes } from '#server/citizen-services/index.ts';
import { shellFromDist } from '#server/sites/index.ts';
import type { CaseSource } from '#server/reports/index.ts';
import { storageCaseSource } from '#server/reports/index.ts';
import { healthzRoutes } from '#server/reports/index.ts';
import { metricsRoutes } from '#server/reports/index.ts';
import type { Logger } from './observability/log.ts';
import { departmentRoutes, type DepartmentService } from '#server/operations/index.ts';
import { requestLog } from './observability/request-log.ts';
import type { ServerMetrics } from './observability/server-metrics.ts';
import { complianceRoutes } from '#server/reports/index.ts';
import { publicStatisticsRoutes } from '#server/reports/index.ts';
import { reportRoutes } from '#server/reports/index.ts';
import { operationsRoutes } from '#server/reports/index.ts';
import { operationsWork } from '#server/reports/index.ts';
import type { WorkSource } from './work-items.ts';

export interface AppOptions extends ServiceOptions, AdminRouteOptions {
  /** Behind a reverse proxy: take the client address and scheme from X-Forwarded-*. */
  trustProxy?: boolean;
  /** Pre-built services (tests share them with the app); built from the options otherwise. */
  services?: Services;
  /** Built department sites, one folder per id (`dist/` by default). */
  distDir?: string;
  /** Names shown on the province portal (`sites/_province.yaml`). */
  province?: PortalOptions['province'];
  /** Cases for the usage reports (Điều 16); none until the citizen-services case storage is wired in. */
  reportCases?: CaseSource;
  /** Online public services (Điều 13–15); from the environment when absent. */
  cases?: CaseServiceOptions;
  /** Pre-built case services (tests share them with the app). */
  caseServices?: CaseServices;
  /** One JSON line per request (docs/adr/0105); none when absent (tests). */
  requestLog?: Logger;
  /** Counted per request and served at `/metrics` (docs/adr/0105). */
  metrics?: ServerMetrics;
  /** The province administrator's page of departments (docs/adr/0104); absent without a content repository. */
  departmentService?: DepartmentService;
}

/**
 * The whole server as a Hono app, with no socket: tests call `app.request()`.
 * Route groups are mounted one per line below; the department sites and the
 * province portal mount beside the back office the same way.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const services = options.services ?? createServices(options);
  const editorial = options.editorialRuntime ?? editorialRuntime(options.editorial);
  const cases =
    options.caseServices ??
    createCaseServices(options.storage, options.departments, services.deps.clock, {
      ...caseOptionsFromEnv(process.env),
      ...(options.editorial?.repoDir ? { contentRoot: options.editorial.repoDir } : {}),
      ...(options.editorial?.repo ? { publisher: createQuestionPublisher(async () => (await editorial()).gate) } : {}),
      ...options.cases,
    });
  const app = new Hono<AppEnv>();

  if (options.requestLog)
    app.use(
      '*',
      requestLog({ log: options.requestLog, metrics: options.metrics, trustProxy: options.trustProxy ?? false }),
    );
  app.use(
    '*',
    secureHeaders({
      // Content-Security-Policy differs by path (Decap, Pagefind): see contentSecurityPolicy below.
      // Not hono's default "no-referrer": under it browsers send `Origin: null`
      // on form posts, and checkOrigin could no longer tell our forms from forgeries.
      referrerPolicy: 'same-origin',
      // Defaults for every answer, never over a route's own choice: the share preview sends `no-referrer` so its
      // token stays out of every Referer (docs/adr/0093).
      overwrite: false,
    }),
  );
  app.use('*', contentSecurityPolicy());
  app.use('*', safeRedirects());
  app.use('*', connectionInfo({ trustProxy: options.trustProxy ?? false }));
  app.use('*', resolveDepartment(services.deps.sites));

  const distDir = options.distDir ?? 'dist';
  const siteIds = options.departments.map((d) => d.id);
  app.route(
    '/',
    healthzRoutes(
      {
        storage: options.storage,
        distDir,
        sites: siteIds,
        contentRepository: options.editorial?.repo,
        now: services.deps.clock,
      },
      services.auth,
    ),
  );
  if (options.metrics) app.route('/', metricsRoutes(options.metrics.render, services.auth));
  // What waits for each person (docs/adr/0091): the editorial steps only where a content repository is given, so a
  // server that never edits content never creates one.
  const hasContent = !!(options.editorial?.repo || options.editorialRuntime);
  const work: WorkSource[] = [
    ...(hasContent
      ? [editorialWork(editorial, (id) => services.accounts.linkedUsernames(id), services.deps.clock)]
      : []),
    operationsWork({
      distDir,
      contentRoot: options.editorial?.repoDir,
      ...(options.editorial?.repo ? { workflow: async () => complianceRecord(await options.editorial!.repo!) } : {}),
      clock: services.deps.clock,
    }),
  ];
  // The sites' own look, read once for every page the server renders inside a site.
  const shells = shellFromDist(distDir);
  app.route('/', backOfficeRoutes(services, cases, work));
  if (options.departmentService)
    app.route('/', departmentRoutes({ service: options.departmentService, departments: options.departments }));
  const reportCases = options.reportCases ?? storageCaseSource(options.storage, siteIds);
  app.route('/', citizenServiceRoutes(cases, shells));
  app.route('/', publicStatisticsRoutes({ cases: reportCases, shells, clock: services.deps.clock }));
  app.route('/', reportRoutes({ cases: reportCases, clock: services.deps.clock, departments: options.departments }));
  app.route(
    '/',
    complianceRoutes({
      contentRoot: options.editorial?.repoDir,
      repo: options.editorial?.repo,
      departments: options.departments,
      clock: services.deps.clock,
      distDir,
      delegations: (d) => services.accounts.delegationGrants(d),
      ...(options.editorial?.repo ? { editorial } : {}),
    }),
  );
  app.route(
    '/',
    operationsRoutes({ distDir, departments: options.departments, contentRoot: options.editorial?.repoDir }),
  );
  app.route('/', adminRoutes(services, shells, { ...options, editorialRuntime: editorial }));
  app.route('/', createPortalRoutes({ departments: options.departments, province: options.province, distDir }));
  app.route('/', createStaticSitesRoutes({ distDir }));

  app.notFound((c) => handleError(new NotFoundError({ path: c.req.path.slice(0, 200) }), c));
  app.onError(handleError);
  return app;
}
