import type { APIRoute } from 'astro';
import { getDepartment, getSites } from '#src/content.ts';
import { sitemapPartPages, sitemapParts, type SitemapPart } from '#src/outputs/site-pages.ts';
import { sitemapXml } from '#src/outputs/sitemap.ts';

/** `/sitemap-<part>.xml`: the site's own pages, one section with its lists, or the English pages (docs/adr/0120). */
export async function getStaticPaths() {
  return (await getSites()).flatMap(({ department, sections }) =>
    sitemapParts(sections).map((part) => ({ params: { site: department.id, part } })),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const department = await getDepartment(params.site!);
  const pages = await sitemapPartPages(department.id, params.part as SitemapPart);
  return new Response(sitemapXml(department.url, pages), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
