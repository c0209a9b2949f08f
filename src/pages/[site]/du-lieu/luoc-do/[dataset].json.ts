import type { APIRoute } from 'astro';
import { getDepartment, getSites } from '#src/content.ts';
import { datasetPaths, siteDatasetSchema } from '#src/outputs/open-data-files.ts';
import type { DatasetId } from '#src/outputs/open-data.ts';

/** `/du-lieu/luoc-do/<dataset>.json`: the JSON Schema of one record, from the zod schemas (docs/adr/0025-open-data.md). */
export async function getStaticPaths() {
  return datasetPaths(await getSites());
}

export const GET: APIRoute = async ({ params }) =>
  new Response(siteDatasetSchema((await getDepartment(params.site!)).url, params.dataset as DatasetId), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
