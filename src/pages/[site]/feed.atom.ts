import type { APIRoute } from 'astro';
import { getSiteContent, getSites } from '#src/content.ts';
import { siteFeed } from '#src/outputs/feed-entries.ts';

/** `/feed.atom`: the latest changes anywhere on the site (docs/adr/0024-feeds-sitemap-robots.md). */
export async function getStaticPaths() {
  return (await getSites()).map(({ department }) => ({ params: { site: department.id } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(siteFeed(await getSiteContent(params.site!)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
