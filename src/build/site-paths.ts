import type { RouteData } from 'astro';
import { StaticPaths, type StaticPathsApp } from 'astro/runtime/prerender/static-paths.js';

type Params = Record<string, string | number | undefined>;
interface StaticPath {
  params: Params;
  props?: unknown;
}
/** What Astro keeps of a route's `getStaticPaths`: the answer, and each path by its pathname. */
type KeyedPaths = StaticPath[] & { keyed: Map<string, StaticPath> };
interface PageModule {
  getStaticPaths?: (options: { paginate: () => never; routePattern: string }) => unknown;
}
/** The parts of Astro's build app a warm renderer lists paths with. */
export interface PrerenderApp {
  manifest: StaticPathsApp['manifest'];
  routeCache: { clearAll(): void; set(route: RouteData, entry: { mod: PageModule; staticPaths: KeyedPaths }): void };
  getComponentByRoute(route: RouteData): Promise<PageModule>;
}

/** The parameters as one string: their names and values in order, an absent value apart from an empty one. */
function identity(params: Params): string {
  let id = '';
  for (const name in params) {
    const value = params[name];
    if (typeof value === 'string' && value.includes('\u0000')) return `\u0003${JSON.stringify(params)}`;
    id += value === undefined ? `${name}\u0001\u0000` : `${name}\u0002${value}\u0000`;
  }
  return id;
}
/** Paths by decoded address, the first route to claim an address keeping it, as Astro's build does. */
function byAddress(paths: Iterable<{ pathname: string; route: RouteData }>): Map<string, RouteData> {
  const listed = new Map<string, RouteData>();
  for (const { pathname, route } of paths) {
    // Most addresses hold no escape: decoding them is copying them.
    const path = pathname.includes('%') ? decodeURI(pathname) : pathname;
    if (!listed.has(path)) listed.set(path, route);
  }
  return listed;
}
const noPagination = (): never => {
  throw new Error('paginate() is not available to a warm renderer (docs/adr/0121)');
};

/**
 * The paths a warm renderer's site has now, and Astro's route cache filled
 * with them (docs/adr/0121). Each publication asks every page module for its
 * paths again, as a build does; the pathname Astro made of a path's parameters
 * is kept, so only parameters not seen before go through Astro's own
 * `StaticPaths` (its checks, its URL generation). Astro's route cache is then
 * replaced by the answers, with the entries of this generation as props.
 */
export class SitePaths {
  readonly #app: PrerenderApp;
  /** For each route, the pathname Astro made of each set of parameters it has seen. */
  readonly #pathnames = new Map<RouteData, Map<string, string>>();

  constructor(app: PrerenderApp) {
    this.#app = app;
  }

  /** Every path of the site, decoded, and its route. */
  async list(): Promise<Map<string, RouteData>> {
    const routes = this.#app.manifest.routes.map((r) => r.routeData).filter((r) => r.prerender);
    // Redirects and i18n fallbacks are resolved by Astro alone: this project has neither, a future one is listed by Astro.
    if (routes.some((r) => r.type === 'redirect' || r.type === 'fallback' || r.fallbackRoutes.length > 0))
      return this.#byAstro();
    const answers: Array<{ route: RouteData; mod?: PageModule; paths: StaticPath[]; pathnames: string[] }> = [];
    for (const route of routes) {
      if (route.pathname) {
        answers.push({ route, paths: [], pathnames: [route.pathname] });
        continue;
      }
      if (route.origin === 'internal') continue;
      const mod = await this.#app.getComponentByRoute(route);
      if (!mod.getStaticPaths) return this.#byAstro();
      const paths = await mod.getStaticPaths({ paginate: noPagination, routePattern: route.route });
      if (!Array.isArray(paths)) return this.#byAstro();
      answers.push({ route, mod, paths, pathnames: await this.#pathnamesOf(route, paths) });
    }
    this.#app.routeCache.clearAll();
    for (const { route, mod, paths, pathnames } of answers) {
      if (!mod) continue;
      const keyed = Object.assign(paths, { keyed: new Map(paths.map((p, i) => [pathnames[i]!, p])) });
      this.#app.routeCache.set(route, { mod, staticPaths: keyed });
    }
    return byAddress(answers.flatMap(({ route, pathnames }) => pathnames.map((pathname) => ({ pathname, route }))));
  }

  /** The pathname of each path: kept from an earlier answer, or made by Astro for parameters new to the route. */
  async #pathnamesOf(route: RouteData, paths: StaticPath[]): Promise<string[]> {
    let known = this.#pathnames.get(route);
    if (!known) this.#pathnames.set(route, (known = new Map()));
    const ids = paths.map((p) => (p && typeof p === 'object' && p.params ? identity(p.params) : ''));
    const unseen = paths.filter((_, i) => !ids[i] || !known.has(ids[i]));
    if (unseen.length > 0) {
      const made = await new StaticPaths({
        manifest: { ...this.#app.manifest, routes: [{ routeData: route }] } as StaticPathsApp['manifest'],
        routeCache: { get: () => undefined, set: () => undefined } as unknown as StaticPathsApp['routeCache'],
        getComponentByRoute: async () => ({ getStaticPaths: () => unseen }) as never,
      }).getAll();
      for (const [i, p] of unseen.entries()) known.set(identity(p.params), made[i]!.pathname);
    }
    const pathnames = ids.map((id) => known.get(id)!);
    // Removed paths' addresses are forgotten once they are as many as the route's paths.
    if (known.size > 2 * paths.length + 100)
      this.#pathnames.set(route, new Map(ids.map((id, i) => [id, pathnames[i]!])));
    return pathnames;
  }

  /** Astro's own listing, its cache emptied first. */
  async #byAstro(): Promise<Map<string, RouteData>> {
    this.#app.routeCache.clearAll();
    this.#pathnames.clear();
    return byAddress(await new StaticPaths(this.#app as unknown as StaticPathsApp).getAll());
  }
}
