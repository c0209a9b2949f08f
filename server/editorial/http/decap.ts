import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { html, raw } from 'hono/html';
import { stringify } from 'yaml';
import { decapConfig } from '#src/cms/decap-config.ts';
import { editorComponentDescriptors, REGISTER_EDITOR_COMPONENTS } from '#src/cms/editor-components.ts';
import { SAFE_UPLOAD_NAMES } from '#src/cms/upload-names.ts';
import { workBadgeScript } from '#src/cms/work-badge.ts';
import { DECAP_VI_PHRASES, DECAP_VIETNAMESE } from '#src/cms/decap-vietnamese.ts';
import { previewDescriptor, REGISTER_PREVIEWS } from '#src/cms/preview-templates.ts';
import { BACK_OFFICE_PREFIX } from '#server/platform/http/back-office-paths.ts';
import { t } from '#server/platform/ui/vi.ts';
import { SECTION_IDS } from '#src/schema/sections.ts';
import type { AppEnv } from '#server/platform/app-env.ts';
import { asAppError } from '#server/platform/app-error.ts';
import { InternalError, NotFoundError } from '#server/platform/errors.ts';
import { readJson } from '#server/platform/http/request-input.ts';
import { checkOrigin } from '#server/platform/http/check-origin.ts';
import { limitBody } from '#server/platform/http/limit-body.ts';
import { loadSession } from '#server/accounts/index.ts';
import { noStore } from '#server/platform/http/no-store.ts';
import { requireJson } from '#server/platform/http/require-json.ts';
import { requirePasswordChanged, requireSignedIn } from '#server/accounts/index.ts';
import { DEFAULT_LIMITS } from '../decap-proxy/handlers.ts';
import { canPublish, maySectionBeEntered, type Actor } from '../editorial-workflow.ts';
import { editorialRuntime, type Editorial, type EditorialOptions } from '../editorial-runtime.ts';
import { entryHistoryRoutes } from './entry-history.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { Services } from '#server/accounts/index.ts';
import { log } from '#server/platform/observability/log.ts';
import { createHmac } from 'node:crypto';
import type { ShellSource } from '#server/sites/index.ts';
import { createShareLinks, SHARE_PATH, type ShareLinks } from '../share-links.ts';
import {
  draftFileUrl,
  mediaRefs,
  shareBanner,
  sharedDraftPage,
  shareMessagePage,
  shareRefusalPage,
} from './share-preview.ts';
import { drawDraft, parseDraftPreviewRequest, previewDraft } from '../draft-preview.ts';
import { DraftRenderUnavailableError, ShareFilePathError } from '../errors.ts';
import { mediaResponseHeaders } from '#src/files/media-policy.ts';
import type { DraftRender } from '#src/build/worker-protocol.ts';

/**
 * `/admin/` on each department host: Decap CMS (bundle served from our own
 * origin), its per-person config, and the proxy endpoint it talks to. Thin:
 * sessions come from the accounts middleware, every decision from
 * lib/editorial-workflow through lib/decap-proxy.
 */

export interface AdminRouteOptions {
  editorial?: EditorialOptions;
  /** The server's editorial runtime, shared with the Q&A publisher; made from `editorial` otherwise. */
  editorialRuntime?: () => Promise<Editorial>;
  /** The built sites (`dist/`): Decap's preview carries a site's stylesheets and images from there (docs/adr/0106). */
  distDir?: string;
}

const DECAP_DIST = path.dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));
/** The bundle and the chunks it loads by relative URL; nothing else from node_modules is reachable. */
const BUNDLE_FILE = /^(?:[0-9]+\.)?decap-cms\.js$|^[0-9a-f]{20}\.wasm$/;
/** Entries are at most 512 KB and attachments 20 MB, sent as base64 inside JSON. */
const MAX_PROXY_BODY = Math.ceil(DEFAULT_LIMITS.mediaBytes * 1.4) + 1024 * 1024;

/** Where Decap's preview asks for a draft's page (docs/adr/0106). */
const PREVIEW_ENDPOINT = '/admin/api/xem-truoc';
/** An entry is at most 512 KB (docs/adr/0041); its fields as JSON, with room for escaping. */
const MAX_PREVIEW_BODY = 2 * DEFAULT_LIMITS.entryBytes;

/** The session user, seen as the workflow sees people; `linked` as ADR 0017 defines it. */
export function actorOf(account: AccountRecord, linked: readonly string[] = []): Actor {
  return {
    username: account.username,
    name: account.fullName,
    site: account.departmentId,
    role: account.role,
    sections: account.sections,
    delegations: account.delegations,
    linked,
  };
}

/**
 * `shells`: the built department sites' own look, the one the server reads for every page it renders inside a site
 * (server/platform/app.ts): a share link shows its draft in it (docs/adr/0093), and Decap's preview its stylesheets
 * (docs/adr/0094).
 */
export function adminRoutes(services: Services, shells: ShellSource, options: AdminRouteOptions = {}) {
  const editorial = options.editorialRuntime ?? editorialRuntime(options.editorial);

  const department = (c: Context<AppEnv>) => {
    const site = c.var.site;
    if (site?.kind !== 'department') throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    return site.department;
  };
  const actor = async (c: Context<AppEnv>) => {
    const account = c.var.session!.account;
    return actorOf(account, await services.accounts.linkedUsernames(account.id));
  };

  const app = new Hono<AppEnv>();
  // Decap reads `error` as a string: answer its endpoint in its own format, whatever refused the request.
  app.onError((thrown, c) => {
    if (!c.req.path.startsWith('/admin/api/')) throw thrown;
    const error = asAppError(thrown);
    if (error)
      return c.json(
        { error: error.message, code: error.code, data: error.status >= 500 ? {} : error.data },
        error.status,
      );
    log.error('bug', { requestId: c.var.requestId, error: thrown });
    const internal = new InternalError();
    return c.json({ error: internal.message, code: internal.code }, internal.status);
  });

  // Share links are signed with a key of their own, derived from the server's secret (docs/adr/0093).
  const shareKey = createHmac('sha256', services.deps.deviceSecret).update('congso share links v1').digest();
  let sharing: Promise<ShareLinks> | null = null;
  const shares = () =>
    (sharing ??= editorial().then(({ repo, service }) =>
      createShareLinks({
        repo,
        service,
        links: services.deps.storage.shareLinks,
        key: shareKey,
        clock: services.deps.clock,
      }),
    ));
  app.get('/admin', (c) => c.redirect('/admin/', 301));
  // A back-office page (behind the back office's session checks) that needs this content repository.
  app.route('/', entryHistoryRoutes(editorial, actor, services.deps.clock, shares));

  // A draft shown to someone without an account: public, read-only, never cached nor indexed. The token is in the
  // query string, which the request log never writes (docs/adr/0105); `no-referrer` keeps it out of every Referer,
  // the site's own pages included, whose access logs (nginx's among them) would keep it (docs/adr/0093).
  // The page is the site's own, drawn by its warm renderer with the draft in it (docs/adr/0106).
  // Whoever holds a link is outside the board: a refusal comes in the department's own page (share-preview.ts).
  const refusalsInSitePage = (c: Context<AppEnv>, d: { id: string; name: string }) =>
    c.set('formErrorView', async (error) => raw(await shareRefusalPage(await shells.read(d.id), d.name, error)));

  app.get(SHARE_PATH, async (c) => {
    const d = department(c);
    refusalsInSitePage(c, d);
    c.header('cache-control', 'no-store');
    c.header('x-robots-tag', 'noindex, nofollow');
    c.header('referrer-policy', 'no-referrer');
    const token = (c.req.query('ma') ?? '').slice(0, 200);
    const links = await shares();
    const { link, file, text } = await links.open(d.id, token);
    const banner = shareBanner(link);
    const { renderDraft } = await editorial();
    let drawn: DraftRender | null;
    try {
      drawn = await drawDraft(renderDraft, d.id, file, text);
    } catch (error) {
      if (!(error instanceof DraftRenderUnavailableError)) throw error;
      drawn = null;
    }
    if (!drawn?.ok) {
      const page = await shareMessagePage(banner, await shells.read(d.id), d.name, link.slug, drawn?.problems ?? null);
      return c.html(page, drawn ? 200 : 503);
    }
    const own = await links.draftOnlyFiles(link, mediaRefs(drawn.html));
    return c.html(await sharedDraftPage(drawn.html, banner, own, (rel) => draftFileUrl(SHARE_PATH, rel, token)));
  });

  // A file only the shared draft has, by the link's path: data, never a page (docs/adr/0021), like the site's /tep/.
  app.get(`${SHARE_PATH}/tep/*`, async (c) => {
    const d = department(c);
    refusalsInSitePage(c, d);
    c.header('cache-control', 'no-store');
    c.header('x-robots-tag', 'noindex, nofollow');
    c.header('referrer-policy', 'no-referrer');
    let rel: string;
    try {
      // Decoded once, as the static route does: `%2e%2e` is `..` and refused below, never decoded twice.
      rel = decodeURIComponent(c.req.path.slice(`${SHARE_PATH}/tep/`.length));
    } catch {
      throw new ShareFilePathError();
    }
    const found = await (await shares()).file(d.id, (c.req.query('ma') ?? '').slice(0, 200), rel);
    const headers = found ? mediaResponseHeaders(found.name) : null;
    if (!found || !headers) return c.text('Không tìm thấy tệp này.', 404, { 'x-content-type-options': 'nosniff' });
    return c.body(new Uint8Array(found.bytes), 200, { ...headers, 'x-content-type-options': 'nosniff' });
  });

  // Public, immutable, long-cached: the same code for everyone, nothing about the site in it.
  app.get('/admin/:file{[0-9a-z.-]+\\.(?:js|wasm)}', async (c, next) => {
    const file = c.req.param('file');
    // Decap must not start before our editor components are registered; no inline script under the CSP.
    if (file === 'boot.js')
      return c.body('window.CMS_MANUAL_INIT = true;\n', 200, { 'content-type': 'text/javascript; charset=utf-8' });
    if (file === 'editor-components.js') {
      const source = `${SAFE_UPLOAD_NAMES}${REGISTER_EDITOR_COMPONENTS}(window.CMS, ${JSON.stringify(editorComponentDescriptors())});\n${DECAP_VIETNAMESE}(window.CMS, ${JSON.stringify(DECAP_VI_PHRASES)});\nwindow.CMS.init();\n`;
      return c.body(source, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    }
    if (file === 'preview.js') {
      // Decap's preview is the page, drawn by the site's own code on the server (docs/adr/0094, 0106).
      const descriptor = previewDescriptor(PREVIEW_ENDPOINT, {
        building: t('preview.building'),
        problems: t('preview.problems'),
        unavailable: t('preview.unavailable'),
        frame: t('preview.frame'),
      });
      const source = `${REGISTER_PREVIEWS}(window.CMS, ${JSON.stringify(descriptor)});\n`;
      return c.body(source, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    }
    if (file === 'work-badge.js') {
      // The count's address is the back office's (server/platform/back-office/home.ts, docs/adr/0091).
      const source = workBadgeScript(`${BACK_OFFICE_PREFIX}/viec-cho.json`, t('work.badge'), t('work.badgeLate'));
      return c.body(source, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    }
    if (!BUNDLE_FILE.test(file)) return next();
    // A chunk name the installed Decap does not have (an old page, a guess) is simply not found.
    const body = await readFile(path.join(DECAP_DIST, file)).catch(() => null);
    if (!body) return next();
    return c.body(body, 200, {
      'content-type': file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  app.use('/admin/*', noStore(), checkOrigin(), limitBody(MAX_PROXY_BODY), loadSession(services.auth));
  app.use('/admin/*', requireSignedIn(), requirePasswordChanged());

  app.get('/admin/', (c) => {
    const d = department(c);
    return c.html(html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Biên tập nội dung — ${d.name}</title>
    <script src="/admin/boot.js"></script>
  </head>
  <body>
    <script src="/admin/decap-cms.js"></script>
    <script src="/admin/preview.js"></script>
    <script src="/admin/editor-components.js"></script>
    <script src="/admin/work-badge.js"></script>
  </body>
</html>`);
  });

  app.get('/admin/config.yml', async (c) => {
    const d = department(c);
    const who = await actor(c);
    const config = decapConfig({
      site: { id: d.id, name: d.name, url: d.domains[0] ? `https://${d.domains[0]}` : undefined },
      sections: SECTION_IDS.filter((s) => maySectionBeEntered(who, d.id, s)),
      mayDeletePublished: canPublish(who),
    });
    return c.body(stringify(config), 200, { 'content-type': 'text/yaml; charset=utf-8' });
  });

  // Decap's preview is the page (docs/adr/0106): the fields being edited, drawn by the site's own code.
  app.post(PREVIEW_ENDPOINT, limitBody(MAX_PREVIEW_BODY), requireJson(), async (c) => {
    const d = department(c);
    const request = parseDraftPreviewRequest(await readJson(c));
    const { renderDraft } = await editorial();
    const siteDir = path.join(path.resolve(options.distDir ?? 'dist'), d.id);
    return c.json(await previewDraft(renderDraft, await actor(c), d.id, request, siteDir));
  });

  app.post('/admin/api/v1', requireJson(), async (c) => {
    const d = department(c);
    const { proxy } = await editorial();
    const response = await proxy.handle({ actor: await actor(c), site: d.id, body: await readJson(c) });
    return c.json(response.body as object, response.status);
  });

  return app;
}
