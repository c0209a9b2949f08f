import {
  ENGLISH_HOME,
  ENGLISH_SEARCH,
  SEARCH_PAGE,
  getSiteContent,
  listPagesOf,
  sectionUrl,
  type SiteContent,
  type SiteEntry,
  untracked,
} from '../content.ts';
import { ENGLISH_SECTION, VIETNAMESE_SECTIONS, type SectionId } from '../schema/sections.ts';
import { ACCESSIBILITY_PATH, OPEN_DATA_PATH, PRIVACY_NOTICE_PATH } from '../site-paths.ts';
import { ACCESSIBILITY_STATEMENT_REVIEWED } from '../statements/accessibility-statement.ts';
import { PRIVACY_NOTICE_REVIEWED } from '../statements/privacy-notice.ts';
import { openDataUpdated } from './open-data.ts';

/**
 * Every HTML page a department site publishes for readers and search engines,
 * with its last change: what the sitemap lists (docs/adr/0024, 0120). The list
 * pages come from the same function as their routes (`listPagesOf`), so the
 * sitemap cannot drift from what is built; an archive page's last change is
 * that of its own entries (docs/adr/0112). Pages
 * marked `noindex` (404, the service frame) are not listed.
 */
export interface SitePage {
  path: string;
  lastmod?: Date;
}

/**
 * The pages of a section's entries, kept with the section's list, which is
 * kept while the section is unchanged (docs/adr/0114, 0115). Reading the
 * section itself records what the sitemap depends on.
 */
const keptEntryPages = new WeakMap<SiteEntry[], SitePage[]>();
function entryPages(entries: SiteEntry[]): SitePage[] {
  let pages = keptEntryPages.get(entries);
  if (!pages)
    keptEntryPages.set(entries, (pages = entries.map((e) => ({ path: e.url, lastmod: untracked(e).updated }))));
  return pages;
}

/**
 * The parts of a site's sitemap (docs/adr/0120): its own pages, each Vietnamese section with its lists, and the
 * English pages when there are any. A publication changes one section: its part is written again, the others are
 * kept, instead of one file listing every page of a 10,000-entry site.
 */
export const GENERAL_SITEMAP_PART = 'trang';
export type SitemapPart = typeof GENERAL_SITEMAP_PART | SectionId;

export function sitemapParts(sections: Pick<SiteContent['sections'], 'en'>): SitemapPart[] {
  return [
    GENERAL_SITEMAP_PART,
    ...VIETNAMESE_SECTIONS.map((s): SitemapPart => s.id),
    ...(sections.en.length ? [ENGLISH_SECTION as SitemapPart] : []),
  ];
}

const latestOf = (pages: SitePage[]) =>
  pages.reduce<Date | undefined>((a, p) => (p.lastmod && (!a || p.lastmod > a) ? p.lastmod : a), undefined);

/** A part's last change, for the sitemap index: what its pages say, read without reading every section's list. */
export async function sitemapPartUpdated(site: string, part: SitemapPart): Promise<Date | undefined> {
  if (part === GENERAL_SITEMAP_PART) return latestOf(await sitemapPartPages(site, part));
  return (await getSiteContent(site)).sectionUpdated[part];
}

/** The pages of one part of the sitemap, each with its last change. */
export async function sitemapPartPages(site: string, part: SitemapPart): Promise<SitePage[]> {
  const content = await getSiteContent(site);
  const { sections, sectionUpdated } = content;
  if (part === GENERAL_SITEMAP_PART)
    return [
      { path: '/', lastmod: content.updated },
      { path: SEARCH_PAGE },
      { path: ACCESSIBILITY_PATH, lastmod: ACCESSIBILITY_STATEMENT_REVIEWED },
      { path: PRIVACY_NOTICE_PATH, lastmod: PRIVACY_NOTICE_REVIEWED },
      { path: OPEN_DATA_PATH, lastmod: openDataUpdated(content) },
    ];
  if (part === ENGLISH_SECTION) {
    const english = sections.en;
    if (!english.length) return [];
    return [{ path: ENGLISH_HOME, lastmod: sectionUpdated.en }, { path: ENGLISH_SEARCH }, ...entryPages(english)];
  }
  const pages: SitePage[] = [];
  // Access to information is one page, its list generated from the whole site (docs/adr/0048).
  if (part === 'tiep-can-thong-tin') pages.push({ path: sectionUrl(part), lastmod: sectionUpdated[part] });
  const lists = (await listPagesOf(site)).filter((l) => l.section === part);
  const lastmodOf = (list: (typeof lists)[number]) => (list.front ? sectionUpdated[part] : list.lastmod);
  for (const list of lists.filter((l) => l.filter === undefined && l.sort === undefined))
    pages.push({ path: list.path, lastmod: lastmodOf(list) });
  for (const page of entryPages(sections[part] as SiteEntry[])) pages.push(page);
  for (const list of lists.filter((l) => l.filter !== undefined || l.sort !== undefined))
    pages.push({ path: list.path, lastmod: lastmodOf(list) });
  return pages;
}
