import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '#server/platform/app-env.ts';
import { buildHostIndex } from '#server/platform/http/site-for-host.ts';
import { resolveDepartment } from '#server/platform/http/resolve-department.ts';
import { createPortalRoutes } from '#server/sites/http/portal.ts';
import { createStaticSitesRoutes } from '#server/sites/http/static-sites.ts';

const distDir = fileURLToPath(new URL('../fixtures/static-dist/', import.meta.url));
const departments = [
  { id: 'sotuphap', name: 'Sở Tư pháp', domains: ['sotuphap.thuathienhue.gov.vn', 'stuphap.hue.gov.vn'] },
  { id: 'soyte', name: 'Sở Y tế', domains: ['soyte.thuathienhue.gov.vn', 'syte.hue.gov.vn'] },
];

/** The same composition as `server/platform/app.ts`, without storage: host → site, portal, then the built sites. */
function app() {
  return new Hono<AppEnv>()
    .use('*', resolveDepartment(buildHostIndex(departments)))
    .route('/', createPortalRoutes({ departments }))
    .route('/', createStaticSitesRoutes({ distDir }))
    .notFound((c) => c.text('not found', 404))
    .onError((error, c) => c.text(String((error as { code?: string }).code ?? error), 404));
}

const get = (path: string, host: string, headers: Record<string, string> = {}) =>
  app().request(`http://${host}${path}`, { headers: { host, ...headers } });

describe('department sites are served by Host', () => {
  it('serves a site at <id>.localhost with its port', async () => {
    const res = await get('/', 'sotuphap.localhost:4321');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<h1>Sở Tư pháp</h1>');
  });

  it('serves the same site at each official domain of Điều 3', async () => {
    for (const host of ['sotuphap.thuathienhue.gov.vn', 'stuphap.hue.gov.vn']) {
      const res = await get('/van-ban/', host);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<h1>Văn bản</h1>');
    }
  });

  it('answers 404 with the site’s own page for a missing path', async () => {
    const res = await get('/khong-co-trang-nay/', 'sotuphap.localhost');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Không tìm thấy trang');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a department that has not been built yet', async () => {
    const res = await get('/', 'soyte.localhost');
    expect(res.status).toBe(404);
  });

  it('leaves an unknown host to the error handler, never to some default site', async () => {
    const res = await get('/', 'evil.example');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Sở Tư pháp');
  });

  it('redirects a page address typed without its trailing slash, keeping the query', async () => {
    const res = await get('/van-ban/qd-2567-2007?tu=khoa', 'sotuphap.localhost');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/van-ban/qd-2567-2007/?tu=khoa');
  });
});

describe('paths cannot leave the site folder', () => {
  it.each([
    '/..%2F..%2Fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/van-ban/%2E%2E%2F%2E%2E%2Fsoyte',
    '/index.html%00.css',
    '/..%5C..%5Cpackage.json',
  ])('refuses %s', async (path) => {
    const res = await get(path, 'sotuphap.localhost');
    expect([400, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('"name": "congso"');
  });

  it('decodes once: %252e%252e stays a literal name, not a parent folder', async () => {
    const res = await get('/%252e%252e/%252e%252e/package.json', 'sotuphap.localhost');
    expect(res.status).toBe(404);
  });
});

describe('caching', () => {
  it('revalidates HTML and answers 304 to a matching ETag', async () => {
    const first = await get('/van-ban/', 'sotuphap.localhost');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('last-modified')).toBeTruthy();
    const again = await get('/van-ban/', 'sotuphap.localhost', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('answers 304 to If-Modified-Since at or after the file time', async () => {
    const first = await get('/', 'sotuphap.localhost');
    const again = await get('/', 'sotuphap.localhost', { 'if-modified-since': first.headers.get('last-modified')! });
    expect(again.status).toBe(304);
  });

  it('keeps hashed Astro assets and Pagefind fragments for a year, in every part of a split index and in the recent index', async () => {
    for (const path of [
      '/_astro/site.B3x9kQ.css',
      '/pagefind/fragment/vi_3f2a1b.pf_fragment',
      '/pagefind/part-1/fragment/vi_9c1d2e.pf_fragment',
      '/pagefind/recent/fragment/vi_5e7a0c.pf_fragment',
    ]) {
      const res = await get(path, 'sotuphap.localhost');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates Pagefind’s unhashed entry script', async () => {
    const res = await get('/pagefind/pagefind.js', 'sotuphap.localhost');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });
});

describe('compression uses the files the build pre-compressed', () => {
  it('sends brotli when accepted, and the body decodes to the page', async () => {
    const plain = await (await get('/', 'sotuphap.localhost')).text();
    const res = await get('/', 'sotuphap.localhost', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const body = Buffer.from(await res.arrayBuffer());
    expect(brotliDecompressSync(body).toString('utf8')).toBe(plain);
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
  });

  it('falls back to gzip, and to identity when nothing is accepted', async () => {
    const gz = await get('/_astro/site.B3x9kQ.css', 'sotuphap.localhost', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toContain('font-family');
    const none = await get('/_astro/site.B3x9kQ.css', 'sotuphap.localhost', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(none.headers.get('content-encoding')).toBeNull();
  });

  it('never compresses a PDF', async () => {
    const res = await get('/tep/mau-don.pdf', 'sotuphap.localhost', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('gives each encoding its own ETag so caches never mix them', async () => {
    const br = await get('/', 'sotuphap.localhost', { 'accept-encoding': 'br' });
    const plain = await get('/', 'sotuphap.localhost');
    expect(br.headers.get('etag')).not.toBe(plain.headers.get('etag'));
  });
});

describe('province portal', () => {
  it('lists every department with its official addresses and a local link', async () => {
    const res = await get('/', 'localhost:4321');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('sotuphap.thuathienhue.gov.vn');
    expect(page).toContain('stuphap.hue.gov.vn');
    expect(page).toContain('href="http://sotuphap.localhost:4321/"');
    expect(page).toContain('href="http://soyte.localhost:4321/"');
    expect(page.indexOf('Sở Tư pháp')).toBeLessThan(page.indexOf('Sở Y tế'));
  });

  it('is not served on a department host', async () => {
    const res = await get('/_portal/portal.css', 'sotuphap.localhost');
    expect(res.status).toBe(404);
  });
});
