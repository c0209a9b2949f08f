import type { APIRoute } from 'astro';
import { getSiteContent, getSites } from '#src/content.ts';
import { datasetPaths, siteDatasetCsv } from '#src/outputs/open-data-files.ts';
import type { DatasetId } from '#src/outputs/open-data.ts';

/** `/du-lieu/<dataset>.csv` (docs/adr/0025-open-data.md). */
export async function getStaticPaths() {
  return datasetPaths(await getSites());
}

export const GET: APIRoute = async ({ params }) =>
  new Response(siteDatasetCsv(await getSiteContent(params.site!), params.dataset as DatasetId), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
