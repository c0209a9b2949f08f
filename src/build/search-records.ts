import type { Entry } from '../content-source/entries.ts';
import { sectionInfo } from '../schema/sections.ts';
import { DOCUMENT_TYPES } from '../schema/content/legal-document.ts';
import { ENGLISH_TOPIC_NAMES } from '../schema/content/english-page.ts';
import { ONLINE_ACTIVITY_KINDS } from '../schema/content/online-activity.ts';
import { PROCUREMENT_KINDS } from '../schema/content/procurement.ts';
import { toIndexText } from '../text/search-text.ts';

/**
 * One Pagefind record per entry, built from the validated data rather than by
 * crawling HTML: the index then holds what a citizen searches for (title,
 * trích yếu, document number, body) and none of the menus and footers.
 * Text goes through `toIndexText` so "dang ky" finds "đăng ký"; see
 * docs/adr/0030-search-index-folding.md. The English pages are indexed as
 * English, in their own index, which `/en/search/` loads (docs/adr/0023).
 */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'vi' | 'en';
  meta: { title: string };
  filters: Record<string, string[]>;
}

const TIME_ZONE_OFFSET_MS = 7 * 3600 * 1000;

/** Year in Vietnam: an entry dated 31/12 23:30 +07:00 belongs to that year. */
function vietnamYear(date: Date): string {
  return String(new Date(date.getTime() + TIME_ZONE_OFFSET_MS).getUTCFullYear());
}

type AnyData = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Frontmatter worth finding by: numbers, codes, issuers, names of people and units. */
function keyMetadata(entry: Entry): string[] {
  const d = entry.data as AnyData;
  const people = (list: unknown) => (Array.isArray(list) ? list.map((p) => str((p as AnyData).name)) : []);
  switch (entry.section) {
    case 'van-ban':
      return [
        str(d.number),
        DOCUMENT_TYPES[d.documentType as keyof typeof DOCUMENT_TYPES],
        str(d.issuer),
        str(d.signer),
        str(d.field),
      ].filter((s): s is string => !!s);
    case 'thu-tuc-hanh-chinh':
      return [str(d.code), str(d.field), str(d.agency), str(d.result)].filter((s): s is string => !!s);
    case 'danh-ba':
      return [str(d.email), ...people(d.contacts)].filter((s): s is string => !!s);
    case 'gioi-thieu':
      return [...people(d.leaders), ...people(d.units)].filter((s): s is string => !!s);
    case 'du-an-dau-thau':
      return [PROCUREMENT_KINDS[d.kind as keyof typeof PROCUREMENT_KINDS], str(d.investor), str(d.location)].filter(
        (s): s is string => !!s,
      );
    case 'hoat-dong-truc-tuyen':
      return [ONLINE_ACTIVITY_KINDS[d.kind as keyof typeof ONLINE_ACTIVITY_KINDS] as string | undefined].filter(
        (s): s is string => !!s,
      );
    case 'gop-y':
      return [str(d.drafter)].filter((s): s is string => !!s);
    case 'en':
      return people(d.leaders).filter((s): s is string => !!s);
    default:
      return [];
  }
}

export function searchRecord(entry: Entry): SearchRecord {
  const d = entry.data as AnyData;
  const title = String(d.title);
  const content = [title, str(d.summary), ...keyMetadata(entry), entry.text].filter(Boolean).join('\n');
  const english = entry.section === 'en';
  // An English result names its topic in English: "Leadership and contacts", not "Tiếng Anh".
  const sectionLabel = english
    ? ENGLISH_TOPIC_NAMES[d.topic as keyof typeof ENGLISH_TOPIC_NAMES]
    : sectionInfo(entry.section).label;
  const filters: Record<string, string[]> = { section: [sectionLabel] };
  if (entry.section === 'van-ban') filters.loai = [DOCUMENT_TYPES[d.documentType as keyof typeof DOCUMENT_TYPES]];
  if (str(d.field)) filters['linh-vuc'] = [String(d.field)];
  const when = (d.issued ?? d.date) as Date | undefined;
  if (when instanceof Date && !Number.isNaN(when.getTime())) filters.nam = [vietnamYear(when)];
  return {
    url: `/${entry.section}/${entry.slug}/`,
    content: toIndexText(content),
    language: english ? 'en' : 'vi',
    meta: { title: toIndexText(title) },
    filters,
  };
}
