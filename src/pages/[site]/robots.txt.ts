import type { APIRoute } from 'astro';
import { getDepartment, getSites } from '#src/content.ts';
import { robotsTxt } from '#src/outputs/sitemap.ts';

/** `/robots.txt`, pointing to the sitemap (docs/adr/0024-feeds-sitemap-robots.md). */
export async function getStaticPaths() {
  return (await getSites()).map(({ department }) => ({ params: { site: department.id } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(robotsTxt((await getDepartment(params.site!)).url), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
