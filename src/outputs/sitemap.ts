import { ROBOTS_PATH, SITEMAP_PATH } from '../site-paths.ts';
import type { SitePage } from './site-pages.ts';
import { xmlDate, xmlText } from './xml.ts';

/**
 * `sitemap.xml` (sitemaps.org protocol 0.9) and `robots.txt` of a department
 * site, both under its official domain (docs/adr/0024-feeds-sitemap-robots.md).
 */
export function sitemapXml(siteUrl: string, pages: SitePage[]): string {
  const urls = pages.map(
    (p) =>
      `  <url><loc>${xmlText(`${siteUrl}${p.path}`)}</loc>${p.lastmod ? `<lastmod>${xmlDate(p.lastmod)}</lastmod>` : ''}</url>`,
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
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
