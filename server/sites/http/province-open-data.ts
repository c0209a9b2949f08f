import { Hono, type Context, type Next } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import {
  DATASET_IDS,
  datasetCsv,
  datasetJson,
  datasetSchema,
  schemaPath,
  type DatasetId,
} from '#src/outputs/open-data.ts';
import { OPEN_DATA_PATH } from '#src/site-paths.ts';
import { provinceDataset } from '../province-open-data.ts';

/**
 * `/du-lieu/<dataset>.json|.csv` and `/du-lieu/luoc-do/<dataset>.json` on the
 * portal: every department's records in one file, in the same shape as each
 * site's (docs/adr/0025-open-data.md). Unknown names fall through to the 404.
 */
export interface ProvinceOpenDataOptions {
  distDir: string;
  siteIds: readonly string[];
  publisher: string;
}

const FILE = /^([a-z-]+)\.(json|csv)$/;
const asDataset = (name: string | undefined): DatasetId | undefined =>
  (DATASET_IDS as readonly string[]).includes(name ?? '') ? (name as DatasetId) : undefined;

export function provinceOpenDataRoutes(options: ProvinceOpenDataOptions) {
  const origin = (c: Context<AppEnv>) => new URL(c.req.url).origin;
  return new Hono<AppEnv>()
    .get(`${OPEN_DATA_PATH}luoc-do/:file`, async function provinceSchema(c: Context<AppEnv>, next: Next) {
      if (c.var.site?.kind !== 'portal') return next();
      const id = asDataset(/^([a-z-]+)\.json$/.exec(c.req.param('file') ?? '')?.[1]);
      if (!id) return c.notFound();
      return c.json(datasetSchema(id, `${origin(c)}${schemaPath(id)}`), 200, { 'Cache-Control': 'no-cache' });
    })
    .get(`${OPEN_DATA_PATH}:file`, async function provinceDatasetFile(c: Context<AppEnv>, next: Next) {
      if (c.var.site?.kind !== 'portal') return next();
      const [, name, format] = FILE.exec(c.req.param('file') ?? '') ?? [];
      const id = asDataset(name);
      if (!id) return c.notFound();
      const { records, modified } = await provinceDataset(options.distDir, options.siteIds, id);
      c.header('Cache-Control', 'no-cache');
      if (format === 'csv')
        return c.body(datasetCsv(id, records), 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present' });
      const publisher = { name: options.publisher, url: `${origin(c)}/` };
      return c.json(datasetJson(id, publisher, records, modified, `${origin(c)}${schemaPath(id)}`));
    });
}
