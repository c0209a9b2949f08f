import type { APIRoute } from 'astro';
import { getDepartment, getSites } from '#src/content.ts';
import { sitePages } from '#src/outputs/site-pages.ts';
import { sitemapXml } from '#src/outputs/sitemap.ts';

/** `/sitemap.xml`: every page with its last change (docs/adr/0024-feeds-sitemap-robots.md). */
export async function getStaticPaths() {
  return (await getSites()).map(({ department }) => ({ params: { site: department.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const department = await getDepartment(params.site!);
  return new Response(sitemapXml(department.url, await sitePages(department.id)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
