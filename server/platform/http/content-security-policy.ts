import type { Context, Next } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Site } from './site-for-host.ts';

/**
 * Content-Security-Policy chosen per response, after the route ran, so every
 * answer (pages, files, error pages) carries exactly one policy.
 *
 * Why three policies rather than one:
 * - Everything we write ourselves (back office, portal, department pages) runs
 *   no inline script and no eval, loads nothing from elsewhere: the strict
 *   policy. A hostile MDX entry that slipped an `<img onerror>` or a
 *   `<script>` into a page would still not execute.
 * - Decap CMS at `/admin/` is a third-party bundle we cannot change: it compiles
 *   its config schema validators with `new Function` (ajv) → `'unsafe-eval'`;
 *   it styles itself with emotion, which injects `<style>` elements and style
 *   attributes → `style-src 'unsafe-inline'`; it previews chosen images from
 *   `blob:` URLs and shows a few icons as `data:` URIs → `img-src blob: data:`;
 *   it reads back a file just attached (its own `blob:` URL) to keep a local
 *   backup of the draft → `connect-src blob:`.
 *   Nothing else is opened: scripts still only from our origin (no inline
 *   script, the boot flag is a file), connections only to our own proxy.
 *   Only `/admin/` on a department host gets this; the back office and the
 *   department pages of the same host keep the strict one.
 * - Pagefind, on the search pages only (`/tim-kiem/`, and `/en/search/` for the
 *   English pages, docs/adr/0023), compiles its WebAssembly
 *   search engine: `'wasm-unsafe-eval'` allows WebAssembly compilation and
 *   nothing else (no `eval`, no `new Function`). It does so inside a Web Worker
 *   (`/pagefind/pagefind-worker.js`), and a worker obeys the policy sent with
 *   its own script, not the page's: Pagefind's scripts get the same policy
 *   (found by the Decap UI browser test). Content pages run no script at all,
 *   so they stay strict. The search page's own script must be a file
 *   (Astro would inline a small one; astro.config.ts sets assetsInlineLimit 0).
 * - The site's files under `/tep/` are data, never pages
 *   (docs/adr/0021-files-are-data.md): `default-src 'none'; sandbox` gives
 *   even a file that slipped past the allow-list an opaque origin with no
 *   script, no plugin, no request of its own, so it cannot act as the site.
 *   A shared draft's own files (`/xem-truoc/tep/`, docs/adr/0106) get the same.
 * - Decap's preview shows the draft's page in a `sandbox=""` frame from
 *   `srcdoc` (docs/adr/0106): it inherits this policy, and the page's
 *   stylesheets and images are the site's own (`'self'`): nothing is added.
 * `frame-ancestors 'none'` on everything else: no page of ours is meant to be framed
 * (clickjacking on the publish button); `form-action 'self'` keeps forms home;
 * `base-uri 'self'` and `object-src 'none'` close the classic bypasses.
 */

type Directives = Record<string, readonly string[]>;

const STRICT: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

const DECAP: Directives = {
  ...STRICT,
  'script-src': ["'self'", "'unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'connect-src': ["'self'", 'blob:'],
};

const SEARCH: Directives = {
  ...STRICT,
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
};

function serialise(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export const CSP = {
  strict: serialise(STRICT),
  decap: serialise(DECAP),
  search: serialise(SEARCH),
  file: "default-src 'none'; sandbox",
} as const;

/** The Decap page and everything under it (its config, its API answers). */
const DECAP_PATH = /^\/admin(?:\/|$)/;
/** The department site's search page, the only page that runs Pagefind, and Pagefind's scripts (its worker). */
const SEARCH_PATH = /^\/(?:tim-kiem|en\/search)\/(?:index\.html)?$|^\/pagefind\/[a-z0-9._-]+\.js$/;
/** The site's media folder, and a shared draft's own files served by the link's path (docs/adr/0106): only allowed kinds. */
const FILE_PATH = /^\/(?:xem-truoc\/)?tep\//;

/** Which policy a response gets, from the site the host resolved to and the path. */
export function policyFor(site: Site | undefined, path: string): string {
  if (site?.kind !== 'department') return CSP.strict;
  if (DECAP_PATH.test(path)) return CSP.decap;
  if (SEARCH_PATH.test(path)) return CSP.search;
  if (FILE_PATH.test(path)) return CSP.file;
  return CSP.strict;
}

export function contentSecurityPolicy() {
  return async function contentSecurityPolicy(c: Context<AppEnv>, next: Next) {
    await next();
    // Set after the route, on whatever response it (or the error handler) produced.
    c.res.headers.set('Content-Security-Policy', policyFor(c.var.site, c.req.path));
  };
}
