import { ROBOTS_PATH, SITEMAP_PATH } from '../site-paths.ts';
import type { SitePage } from './site-pages.ts';
import { xmlDate, xmlText } from './xml.ts';

/**
 * A part of the sitemap (sitemaps.org protocol 0.9) and `robots.txt` of a
 * department site, both under its official domain (docs/adr/0024-feeds-sitemap-robots.md).
 */
export function sitemapXml(siteUrl: string, pages: SitePage[]): string {
  const urls = pages.map((p) => urlLine(siteUrl, p));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * `sitemap.xml` as an index of the site's parts (docs/adr/0120): each part at
 * `/sitemap-<part>.xml`, on the same host and at its root as the protocol
 * requires, with its last change.
 */
export function sitemapIndexXml(siteUrl: string, parts: Array<{ path: string; lastmod?: Date }>): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map(
      (p) =>
        `  <sitemap><loc>${xmlText(`${siteUrl}${p.path}`)}</loc>${p.lastmod ? `<lastmod>${xmlDate(p.lastmod)}</lastmod>` : ''}</sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/**
 * One `<url>` line, kept by address while its last change is the same: a warm
 * renderer writes the sitemap of a 10,000-entry site at each publication, and
 * escaping every address again was most of that (docs/adr/0115).
 */
const lines = new Map<string, { lastmod: number | undefined; line: string }>();
function urlLine(siteUrl: string, page: SitePage): string {
  const loc = `${siteUrl}${page.path}`;
  const lastmod = page.lastmod?.getTime();
  const known = lines.get(loc);
  if (known && known.lastmod === lastmod) return known.line;
  const line = `  <url><loc>${xmlText(loc)}</loc>${page.lastmod ? `<lastmod>${xmlDate(page.lastmod)}</lastmod>` : ''}</url>`;
  // Addresses taken down stay until the map is this large: then it starts again.
  if (lines.size >= 200_000) lines.clear();
  lines.set(loc, { lastmod, line });
  return line;
}

/**
 * What crawlers may read: everything published, but not the back office, the
 * CMS, a citizen's look-up, the frame the server fills, or the search
 * index's fragments (the pages themselves are listed in the sitemap).
 */
export const ROBOTS_DISALLOW = ['/quan-tri/', '/admin/', '/tra-cuu/', '/khung-dich-vu/', '/pagefind/'];

export function robotsTxt(siteUrl: string): string {
  return [
    `# ${siteUrl}${ROBOTS_PATH}`,
    'User-agent: *',
    ...ROBOTS_DISALLOW.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${siteUrl}${SITEMAP_PATH}`,
    '',
  ].join('\n');
}
