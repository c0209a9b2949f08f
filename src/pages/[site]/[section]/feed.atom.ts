import type { APIRoute } from 'astro';
import { getSiteContent, getSites } from '#src/content.ts';
import { sectionFeed } from '#src/outputs/feed-entries.ts';
import { FEED_SECTIONS, type FeedSection } from '#src/outputs/feed-links.ts';

/** `/<section>/feed.atom` for each section that changes over time (docs/adr/0024-feeds-sitemap-robots.md). */
export async function getStaticPaths() {
  return (await getSites()).flatMap(({ department }) =>
    FEED_SECTIONS.map((section) => ({ params: { site: department.id, section } })),
  );
}

export const GET: APIRoute = async ({ params }) =>
  new Response(sectionFeed(await getSiteContent(params.site!), params.section as FeedSection), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
