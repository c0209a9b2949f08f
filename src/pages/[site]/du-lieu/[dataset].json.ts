import type { APIRoute } from 'astro';
import { getSiteContent, getSites } from '#src/content.ts';
import { datasetPaths, siteDatasetJson } from '#src/outputs/open-data-files.ts';
import type { DatasetId } from '#src/outputs/open-data.ts';

/** `/du-lieu/<dataset>.json` (docs/adr/0025-open-data.md). */
export async function getStaticPaths() {
  return datasetPaths(await getSites());
}

export const GET: APIRoute = async ({ params }) =>
  new Response(siteDatasetJson(await getSiteContent(params.site!), params.dataset as DatasetId), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
