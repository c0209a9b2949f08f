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

/**
 * Pathnames by parameters, as a tree whose steps are each parameter's name, then its value: the values are the
 * entries' own slug strings from one generation to the next, whose hashes the engine keeps, so finding 12,000
 * known paths builds no string (docs/adr/0121).
 */
interface Known {
  pathname?: string;
  next?: Map<unknown, Known>;
}
/** An absent value, apart from an empty one. */
const ABSENT = Symbol('absent');

function step(node: Known, key: unknown, grow: boolean): Known | undefined {
  let next = node.next?.get(key);
  if (!next && grow) (node.next ??= new Map()).set(key, (next = {}));
  return next;
}
/** The node of a set of parameters; `grow` makes the missing steps. Anything but an object of parameters has none. */
function nodeOf(root: Known, path: StaticPath, grow: boolean): Known | undefined {
  if (!path || typeof path !== 'object' || !path.params || typeof path.params !== 'object') return undefined;
  let node: Known | undefined = root;
  for (const name in path.params) {
    const value = path.params[name];
    node = step(node, name, grow);
    if (node) node = step(node, value === undefined ? ABSENT : value, grow);
    if (!node) return undefined;
  }
  return node;
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
  /** For each route, the pathname Astro made of each set of parameters it has seen, and how many those are. */
  readonly #pathnames = new Map<RouteData, { root: Known; size: number }>();

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
    if (!known) this.#pathnames.set(route, (known = { root: {}, size: 0 }));
    const pathnames = paths.map((p) => nodeOf(known.root, p, false)?.pathname);
    const at = paths.flatMap((_, i) => (pathnames[i] === undefined ? [i] : []));
    const unseen = at.map((i) => paths[i]!);
    if (unseen.length > 0) {
      const made = await new StaticPaths({
        manifest: { ...this.#app.manifest, routes: [{ routeData: route }] } as StaticPathsApp['manifest'],
        routeCache: { get: () => undefined, set: () => undefined } as unknown as StaticPathsApp['routeCache'],
        getComponentByRoute: async () => ({ getStaticPaths: () => unseen }) as never,
      }).getAll();
      for (const [n, i] of at.entries()) {
        pathnames[i] = made[n]!.pathname;
        const node = nodeOf(known.root, paths[i]!, true);
        if (node && node.pathname === undefined) known.size += 1;
        if (node) node.pathname = pathnames[i];
      }
    }
    // Removed paths' addresses are forgotten once they are as many as the route's paths.
    if (known.size > 2 * paths.length + 100) {
      const kept = { root: {}, size: paths.length };
      for (const [i, p] of paths.entries()) {
        const node = nodeOf(kept.root, p, true);
        if (node) node.pathname = pathnames[i];
      }
      this.#pathnames.set(route, kept);
    }
    return pathnames as string[];
  }

  /** Astro's own listing, its cache emptied first. */
  async #byAstro(): Promise<Map<string, RouteData>> {
    this.#app.routeCache.clearAll();
    this.#pathnames.clear();
    return byAddress(await new StaticPaths(this.#app as unknown as StaticPathsApp).getAll());
  }
}
