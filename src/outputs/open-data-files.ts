import type { SiteContent } from '../content.ts';
import {
  DATASET_IDS,
  datasetCsv,
  datasetJson,
  datasetRecords,
  datasetSchema,
  datasetUpdated,
  schemaPath,
  type DatasetId,
} from './open-data.ts';

/** The three files of one dataset of one site, as the endpoints under `/du-lieu/` answer them (docs/adr/0025). */
export function siteDatasetJson(content: SiteContent, id: DatasetId): string {
  const { department } = content;
  const publisher = { name: department.name, url: `${department.url}/` };
  const file = datasetJson(
    id,
    publisher,
    datasetRecords(content, id),
    datasetUpdated(content, id),
    `${department.url}${schemaPath(id)}`,
  );
  return `${JSON.stringify(file, null, 1)}\n`;
}

export function siteDatasetCsv(content: SiteContent, id: DatasetId): string {
  return datasetCsv(id, datasetRecords(content, id));
}

export function siteDatasetSchema(siteUrl: string, id: DatasetId): string {
  return `${JSON.stringify(datasetSchema(id, `${siteUrl}${schemaPath(id)}`), null, 1)}\n`;
}

/** Every site × dataset: the static paths of the three endpoints. */
export function datasetPaths(sites: SiteContent[]) {
  return sites.flatMap(({ department }) =>
    DATASET_IDS.map((dataset) => ({ params: { site: department.id, dataset } })),
  );
}
