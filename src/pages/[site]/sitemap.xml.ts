import type { APIRoute } from 'astro';
import { getDepartment, getSiteContent, getSites } from '#src/content.ts';
import { sitemapParts, sitemapPartUpdated } from '#src/outputs/site-pages.ts';
import { sitemapIndexXml } from '#src/outputs/sitemap.ts';
import { sitemapPartPath } from '#src/site-paths.ts';

/** `/sitemap.xml`: the index of the site's sitemap parts, each with its last change (docs/adr/0024, 0120). */
export async function getStaticPaths() {
  return (await getSites()).map(({ department }) => ({ params: { site: department.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const site = params.site!;
  const department = await getDepartment(site);
  const { sections } = await getSiteContent(site);
  const parts = await Promise.all(
    sitemapParts(sections).map(async (part) => ({
      path: sitemapPartPath(part),
      lastmod: await sitemapPartUpdated(site, part),
    })),
  );
  return new Response(sitemapIndexXml(department.url, parts), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
