import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.ts';
import { handleError } from './error-handler.ts';
import { NotFoundError } from './errors/not-found-error.ts';
import { connectionInfo } from './middleware/connection-info.ts';
import { resolveDepartment } from './middleware/resolve-department.ts';
import { backOfficeRoutes } from './routes/back-office/index.ts';
import { adminRoutes, type AdminRouteOptions } from './routes/admin.ts';
import { createPortalRoutes, type PortalOptions } from './routes/portal.ts';
import { createStaticSitesRoutes } from './routes/static-sites.ts';
import { createServices, type ServiceOptions, type Services } from './services/create-services.ts';

export interface AppOptions extends ServiceOptions {
  /** Behind a reverse proxy: take the client address and scheme from X-Forwarded-*. */
  trustProxy?: boolean;
  /** Pre-built services (tests share them with the app); built from the options otherwise. */
  services?: Services;
  /** Built department sites, one folder per id (`dist/` by default). */
  distDir?: string;
  /** Names shown on the province portal (`sites/_province.yaml`). */
  province?: PortalOptions['province'];
}

/**
 * The whole server as a Hono app, with no socket: tests call `app.request()`.
 * Route groups are mounted one per line below; the department sites and the
 * province portal mount beside the back office the same way.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const services = options.services ?? createServices(options);
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'self'"], frameAncestors: ["'none'"], formAction: ["'self'"] },
      // Not hono's default "no-referrer": under it browsers send `Origin: null`
      // on form posts, and checkOrigin could no longer tell our forms from forgeries.
      referrerPolicy: 'same-origin',
    }),
  );
  app.use('*', connectionInfo({ trustProxy: options.trustProxy ?? false }));
  app.use('*', resolveDepartment(services.deps.sites));

  app.route('/', backOfficeRoutes(services));
  app.route('/', adminRoutes(services, options as AdminRouteOptions));
  app.route('/', createPortalRoutes({ departments: options.departments, province: options.province }));
  app.route('/', createStaticSitesRoutes({ distDir: options.distDir ?? 'dist' }));

  app.notFound((c) => handleError(new NotFoundError({ path: c.req.path.slice(0, 200) }), c));
  app.onError(handleError);
  return app;
}
