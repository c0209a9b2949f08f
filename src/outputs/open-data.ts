import { z } from 'zod';
import type { SiteContent, SiteEntry } from '../content.ts';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../schema/content/legal-document.ts';
import { ONLINE_LEVELS, PROCEDURE_LEVELS, TIME_UNITS, type TimeLimit } from '../schema/content/procedure.ts';
import { PROCUREMENT_KINDS, PROCUREMENT_STATUSES } from '../schema/content/procurement.ts';
import { ENTRY_SCHEMAS } from '../schema/content/index.ts';
import type { Department } from '../schema/department.ts';
import { formatCsv } from '../text/csv.ts';
import { formatNumber, isoDate } from '../text/site-format.ts';
import { OPEN_DATA_PATH } from '../site-paths.ts';

/**
 * The machine-readable registers of a department site (docs/adr/0025-open-data.md):
 * legal documents, procedures, consultations and procurement notices, as
 * JSON and CSV at stable addresses, with a JSON Schema built from the zod
 * schemas. One flat record per entry, the same in JSON and CSV: a list field
 * is one line per item in a CSV cell. Every record names its department and
 * its page, so the province-wide files on the portal are the sites' records
 * put together.
 */
export const DATASETS = {
  'van-ban': { section: 'van-ban', title: 'Danh mục văn bản quy phạm pháp luật (Điều 7.2)' },
  'thu-tuc-hanh-chinh': { section: 'thu-tuc-hanh-chinh', title: 'Thủ tục hành chính (Điều 7.3)' },
  'gop-y': { section: 'gop-y', title: 'Lấy ý kiến góp ý dự thảo (Điều 7.8)' },
  'du-an-dau-thau': { section: 'du-an-dau-thau', title: 'Dự án, đấu thầu, mua sắm công (Điều 7.6)' },
} as const;
export type DatasetId = keyof typeof DATASETS;
export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[];

export const LICENCE = {
  name: 'Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
};

export const datasetPath = (id: DatasetId, format: 'json' | 'csv') => `${OPEN_DATA_PATH}${id}.${format}`;
export const schemaPath = (id: DatasetId) => `${OPEN_DATA_PATH}luoc-do/${id}.json`;

type Kind = 'string' | 'date' | 'datetime' | 'integer' | 'lines';
type Value = string | number | string[] | undefined;

export interface Column {
  name: string;
  title: string;
  kind: Kind;
  required: boolean;
}
interface ColumnDef<S extends keyof typeof ENTRY_SCHEMAS> extends Column {
  of: (entry: SiteEntry<S>, department: Department) => Value;
}

/** The Vietnamese label the content schema gives a field: the data's documentation is the schema's. */
function fieldTitle(section: keyof typeof ENTRY_SCHEMAS, field: string): string {
  const schema = (ENTRY_SCHEMAS[section] as unknown as z.ZodObject).shape[field];
  const title = schema ? (z.globalRegistry.get(schema) as { title?: string } | undefined)?.title : undefined;
  if (!title) throw new Error(`no title for ${section}.${field}`);
  return title;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const timeLimit = (t: TimeLimit) => `${formatNumber(t.value)} ${TIME_UNITS[t.unit]}`;
const date = (d: Date | undefined) => (d ? isoDate(d) : undefined);
const fileUrl = (department: Department, file: string | undefined) => (file ? `${department.url}${file}` : undefined);

/** Columns every dataset starts with: where the record is, and whose. */
const common = <S extends keyof typeof ENTRY_SCHEMAS>(section: S): ColumnDef<S>[] => [
  { name: 'url', title: 'Địa chỉ trang', kind: 'string', required: true, of: (e, d) => `${d.url}${e.url}` },
  { name: 'department', title: 'Cơ quan', kind: 'string', required: true, of: (_, d) => d.name },
  { name: 'title', title: fieldTitle(section, 'title'), kind: 'string', required: true, of: (e) => e.data.title },
];
const dated = <S extends keyof typeof ENTRY_SCHEMAS>(section: S): ColumnDef<S>[] => [
  { name: 'date', title: fieldTitle(section, 'date'), kind: 'date', required: true, of: (e) => date(e.data.date) },
  { name: 'updated', title: 'Ngày cập nhật gần nhất', kind: 'date', required: true, of: (e) => date(e.updated) },
];

const COLUMNS: { [D in DatasetId]: ColumnDef<(typeof DATASETS)[D]['section']>[] } = {
  'van-ban': [
    ...common('van-ban'),
    {
      name: 'number',
      title: fieldTitle('van-ban', 'number'),
      kind: 'string',
      required: true,
      of: (e) => e.data.number,
    },
    {
      name: 'documentType',
      title: `${fieldTitle('van-ban', 'documentType')} (mã)`,
      kind: 'string',
      required: true,
      of: (e) => e.data.documentType,
    },
    {
      name: 'documentTypeName',
      title: fieldTitle('van-ban', 'documentType'),
      kind: 'string',
      required: true,
      of: (e) => DOCUMENT_TYPES[e.data.documentType],
    },
    {
      name: 'issuer',
      title: fieldTitle('van-ban', 'issuer'),
      kind: 'string',
      required: true,
      of: (e) => e.data.issuer,
    },
    {
      name: 'signer',
      title: fieldTitle('van-ban', 'signer'),
      kind: 'string',
      required: true,
      of: (e) => e.data.signer,
    },
    {
      name: 'issued',
      title: fieldTitle('van-ban', 'issued'),
      kind: 'date',
      required: true,
      of: (e) => date(e.data.issued),
    },
    {
      name: 'effective',
      title: fieldTitle('van-ban', 'effective'),
      kind: 'date',
      required: false,
      of: (e) => date(e.data.effective),
    },
    {
      name: 'status',
      title: `${fieldTitle('van-ban', 'status')} (mã)`,
      kind: 'string',
      required: true,
      of: (e) => e.data.status,
    },
    {
      name: 'statusName',
      title: fieldTitle('van-ban', 'status'),
      kind: 'string',
      required: true,
      of: (e) => DOCUMENT_STATUSES[e.data.status],
    },
    { name: 'field', title: fieldTitle('van-ban', 'field'), kind: 'string', required: true, of: (e) => e.data.field },
    {
      name: 'summary',
      title: fieldTitle('van-ban', 'summary'),
      kind: 'string',
      required: true,
      of: (e) => e.data.summary,
    },
    {
      name: 'file',
      title: fieldTitle('van-ban', 'attachment'),
      kind: 'string',
      required: false,
      of: (e, d) => fileUrl(d, e.data.attachment?.file),
    },
    ...dated('van-ban'),
  ],
  'thu-tuc-hanh-chinh': [
    ...common('thu-tuc-hanh-chinh'),
    {
      name: 'code',
      title: fieldTitle('thu-tuc-hanh-chinh', 'code'),
      kind: 'string',
      required: true,
      of: (e) => e.data.code,
    },
    {
      name: 'field',
      title: fieldTitle('thu-tuc-hanh-chinh', 'field'),
      kind: 'string',
      required: true,
      of: (e) => e.data.field,
    },
    {
      name: 'level',
      title: fieldTitle('thu-tuc-hanh-chinh', 'level'),
      kind: 'string',
      required: true,
      of: (e) => PROCEDURE_LEVELS[e.data.level],
    },
    {
      name: 'onlineLevel',
      title: `${fieldTitle('thu-tuc-hanh-chinh', 'onlineLevel')} (mã)`,
      kind: 'string',
      required: true,
      of: (e) => e.data.onlineLevel,
    },
    {
      name: 'onlineLevelName',
      title: fieldTitle('thu-tuc-hanh-chinh', 'onlineLevel'),
      kind: 'string',
      required: true,
      of: (e) => ONLINE_LEVELS[e.data.onlineLevel],
    },
    {
      name: 'agency',
      title: fieldTitle('thu-tuc-hanh-chinh', 'agency'),
      kind: 'string',
      required: true,
      of: (e) => e.data.agency,
    },
    {
      name: 'applicants',
      title: fieldTitle('thu-tuc-hanh-chinh', 'applicants'),
      kind: 'string',
      required: true,
      of: (e) => e.data.applicants,
    },
    {
      name: 'totalTime',
      title: fieldTitle('thu-tuc-hanh-chinh', 'totalTime'),
      kind: 'string',
      required: true,
      of: (e) => timeLimit(e.data.totalTime),
    },
    {
      name: 'steps',
      title: `${fieldTitle('thu-tuc-hanh-chinh', 'steps')} (mỗi dòng: bước — người chịu trách nhiệm — thời hạn)`,
      kind: 'lines',
      required: true,
      of: (e) =>
        e.data.steps.map((s) =>
          oneLine(`${s.title} — ${s.responsible.name}, ${s.responsible.position} — ${timeLimit(s.timeLimit)}`),
        ),
    },
    {
      name: 'documents',
      title: fieldTitle('thu-tuc-hanh-chinh', 'documents'),
      kind: 'lines',
      required: true,
      of: (e) =>
        e.data.documents.map((d) => oneLine(`${d.name} (${d.copies} ${d.original ? 'bản chính' : 'bản sao'})`)),
    },
    {
      name: 'fees',
      title: fieldTitle('thu-tuc-hanh-chinh', 'fees'),
      kind: 'lines',
      required: true,
      of: (e) =>
        e.data.fees.map((f) =>
          oneLine(
            `${f.label}: ${f.amount === undefined ? f.note : f.amount === 0 ? 'miễn phí' : `${formatNumber(f.amount)} đồng`}`,
          ),
        ),
    },
    {
      name: 'result',
      title: fieldTitle('thu-tuc-hanh-chinh', 'result'),
      kind: 'string',
      required: true,
      of: (e) => e.data.result,
    },
    {
      name: 'legalBasis',
      title: fieldTitle('thu-tuc-hanh-chinh', 'legalBasis'),
      kind: 'lines',
      required: true,
      of: (e) => e.data.legalBasis.map(oneLine),
    },
    ...dated('thu-tuc-hanh-chinh'),
  ],
  'gop-y': [
    ...common('gop-y'),
    {
      name: 'summary',
      title: fieldTitle('gop-y', 'summary'),
      kind: 'string',
      required: true,
      of: (e) => e.data.summary,
    },
    {
      name: 'drafter',
      title: fieldTitle('gop-y', 'drafter'),
      kind: 'string',
      required: true,
      of: (e) => e.data.drafter,
    },
    { name: 'opens', title: fieldTitle('gop-y', 'opens'), kind: 'date', required: true, of: (e) => date(e.data.opens) },
    {
      name: 'closes',
      title: fieldTitle('gop-y', 'closes'),
      kind: 'date',
      required: true,
      of: (e) => date(e.data.closes),
    },
    {
      name: 'draftFile',
      title: fieldTitle('gop-y', 'draft'),
      kind: 'string',
      required: true,
      of: (e, d) => fileUrl(d, e.data.draft.file),
    },
    {
      name: 'commentCount',
      title: fieldTitle('gop-y', 'commentCount'),
      kind: 'integer',
      required: false,
      of: (e) => e.data.commentCount,
    },
    {
      name: 'commentSummary',
      title: fieldTitle('gop-y', 'commentSummary'),
      kind: 'string',
      required: false,
      of: (e) => e.data.commentSummary,
    },
    ...dated('gop-y'),
  ],
  'du-an-dau-thau': [
    ...common('du-an-dau-thau'),
    {
      name: 'kind',
      title: `${fieldTitle('du-an-dau-thau', 'kind')} (mã)`,
      kind: 'string',
      required: true,
      of: (e) => e.data.kind,
    },
    {
      name: 'kindName',
      title: fieldTitle('du-an-dau-thau', 'kind'),
      kind: 'string',
      required: true,
      of: (e) => PROCUREMENT_KINDS[e.data.kind],
    },
    {
      name: 'status',
      title: `${fieldTitle('du-an-dau-thau', 'status')} (mã)`,
      kind: 'string',
      required: true,
      of: (e) => e.data.status,
    },
    {
      name: 'statusName',
      title: fieldTitle('du-an-dau-thau', 'status'),
      kind: 'string',
      required: true,
      of: (e) => PROCUREMENT_STATUSES[e.data.status],
    },
    {
      name: 'summary',
      title: fieldTitle('du-an-dau-thau', 'summary'),
      kind: 'string',
      required: true,
      of: (e) => e.data.summary,
    },
    {
      name: 'investor',
      title: fieldTitle('du-an-dau-thau', 'investor'),
      kind: 'string',
      required: true,
      of: (e) => e.data.investor,
    },
    {
      name: 'location',
      title: fieldTitle('du-an-dau-thau', 'location'),
      kind: 'string',
      required: false,
      of: (e) => e.data.location,
    },
    {
      name: 'budget',
      title: fieldTitle('du-an-dau-thau', 'budget'),
      kind: 'integer',
      required: false,
      of: (e) => e.data.budget,
    },
    {
      name: 'fundingSource',
      title: fieldTitle('du-an-dau-thau', 'fundingSource'),
      kind: 'string',
      required: false,
      of: (e) => e.data.fundingSource,
    },
    {
      name: 'closes',
      title: fieldTitle('du-an-dau-thau', 'closes'),
      kind: 'datetime',
      required: false,
      of: (e) => e.data.closes?.toISOString(),
    },
    {
      name: 'file',
      title: fieldTitle('du-an-dau-thau', 'attachment'),
      kind: 'string',
      required: false,
      of: (e, d) => fileUrl(d, e.data.attachment?.file),
    },
    ...dated('du-an-dau-thau'),
  ],
};

export function columnsOf(id: DatasetId): Column[] {
  return COLUMNS[id].map(({ name, title, kind, required }) => ({ name, title, kind, required }));
}

const KIND_SCHEMA: Record<Kind, () => z.ZodType> = {
  string: () => z.string().min(1),
  date: () => z.iso.date(),
  datetime: () => z.iso.datetime(),
  integer: () => z.number().int().min(0),
  lines: () => z.array(z.string()),
};

/** The zod schema of one record, from the columns: what the JSON Schema publishes and the tests parse with. */
export function recordSchema(id: DatasetId) {
  return z.strictObject(
    Object.fromEntries(
      COLUMNS[id].map((c) => {
        const base = KIND_SCHEMA[c.kind]().meta({ title: c.title });
        return [c.name, c.required ? base : base.optional()];
      }),
    ),
  );
}

export type OpenRecord = Record<string, string | number | string[]>;

export function datasetRecords(content: SiteContent, id: DatasetId): OpenRecord[] {
  const { section } = DATASETS[id];
  const columns = COLUMNS[id] as ColumnDef<typeof section>[];
  return (content.sections[section] as SiteEntry<typeof section>[]).map((entry) => {
    const record: OpenRecord = {};
    for (const c of columns) {
      const value = c.of(entry, content.department);
      if (value !== undefined) record[c.name] = value;
    }
    return record;
  });
}

export interface DatasetFile {
  dataset: DatasetId;
  title: string;
  publisher: { name: string; url: string };
  licence: typeof LICENCE & { attribution: string };
  /** Absolute URL of the JSON Schema of one record. */
  schema: string;
  modified?: string;
  records: OpenRecord[];
}

/** The JSON file: the records with who publishes them, under what licence, described by which schema. */
export function datasetJson(
  id: DatasetId,
  publisher: { name: string; url: string },
  records: OpenRecord[],
  modified: Date | undefined,
  schemaUrl: string,
): DatasetFile {
  return {
    dataset: id,
    title: DATASETS[id].title,
    publisher,
    licence: { ...LICENCE, attribution: `Nguồn: ${publisher.name}, ${publisher.url}` },
    schema: schemaUrl,
    ...(modified ? { modified: modified.toISOString() } : {}),
    records,
  };
}

/** The CSV file: a header of column names, one row per record, list fields one item per line. */
export function datasetCsv(id: DatasetId, records: OpenRecord[]): string {
  const columns = COLUMNS[id];
  const cell = (v: OpenRecord[string] | undefined) => (v === undefined ? null : Array.isArray(v) ? v.join('\n') : v);
  return formatCsv([columns.map((c) => c.name), ...records.map((r) => columns.map((c) => cell(r[c.name])))]);
}

export function datasetSchema(id: DatasetId, schemaUrl: string): object {
  return { ...z.toJSONSchema(recordSchema(id)), $id: schemaUrl, title: `Một bản ghi: ${DATASETS[id].title}` };
}

export function datasetUpdated(content: SiteContent, id: DatasetId): Date | undefined {
  return content.sectionUpdated[DATASETS[id].section];
}

/** The latest change of any dataset: the data page's. */
export function openDataUpdated(content: SiteContent): Date | undefined {
  return DATASET_IDS.map((id) => datasetUpdated(content, id)).reduce<Date | undefined>(
    (a, b) => (b && (!a || b > a) ? b : a),
    undefined,
  );
}
