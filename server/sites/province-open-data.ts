import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { recordSchema, type DatasetId, type OpenRecord } from '#src/outputs/open-data.ts';

/**
 * The province-wide registers on the portal (docs/adr/0025-open-data.md):
 * each department's published `du-lieu/<dataset>.json` put together. Read
 * from the built sites at request time, so a publication is on the portal as
 * soon as it is on its site, with no province-wide build. A site not built
 * yet, or a file that does not hold valid records, is left out.
 */
export interface ProvinceDataset {
  records: OpenRecord[];
  /** The latest `modified` of the sites' files. */
  modified?: Date;
}

export async function provinceDataset(
  distDir: string,
  siteIds: readonly string[],
  id: DatasetId,
): Promise<ProvinceDataset> {
  const records = recordSchema(id).array();
  const parts = await Promise.all(
    siteIds.map(async (site) => {
      try {
        const file = JSON.parse(await readFile(path.join(distDir, site, 'du-lieu', `${id}.json`), 'utf8')) as {
          records?: unknown;
          modified?: string;
        };
        const parsed = records.safeParse(file.records);
        return parsed.success
          ? { records: parsed.data as OpenRecord[], modified: file.modified ? new Date(file.modified) : undefined }
          : undefined;
      } catch {
        return undefined;
      }
    }),
  );
  const found = parts.filter((p) => p !== undefined);
  const modified = found
    .map((p) => p.modified)
    .reduce<Date | undefined>((a, b) => (b && (!a || b > a) ? b : a), undefined);
  return { records: found.flatMap((p) => p.records), modified };
}
