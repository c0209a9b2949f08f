import {
  ENGLISH_HOME,
  ENGLISH_SEARCH,
  SEARCH_PAGE,
  getSiteContent,
  listPagesOf,
  sectionUrl,
  type SiteEntry,
} from '../content.ts';
import { VIETNAMESE_SECTIONS } from '../schema/sections.ts';
import { ACCESSIBILITY_PATH, OPEN_DATA_PATH, PRIVACY_NOTICE_PATH } from '../site-paths.ts';
import { ACCESSIBILITY_STATEMENT_REVIEWED } from '../statements/accessibility-statement.ts';
import { PRIVACY_NOTICE_REVIEWED } from '../statements/privacy-notice.ts';
import { openDataUpdated } from './open-data.ts';

/**
 * Every HTML page a department site publishes for readers and search engines,
 * with its last change: what `sitemap.xml` lists (docs/adr/0024). The list
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
  if (!pages) keptEntryPages.set(entries, (pages = entries.map((e) => ({ path: e.url, lastmod: e.updated }))));
  return pages;
}

export async function sitePages(site: string): Promise<SitePage[]> {
  const content = await getSiteContent(site);
  const { sections, sectionUpdated } = content;
  const pages: SitePage[] = [
    { path: '/', lastmod: content.updated },
    { path: SEARCH_PAGE },
    { path: ACCESSIBILITY_PATH, lastmod: ACCESSIBILITY_STATEMENT_REVIEWED },
    { path: PRIVACY_NOTICE_PATH, lastmod: PRIVACY_NOTICE_REVIEWED },
    { path: OPEN_DATA_PATH, lastmod: openDataUpdated(content) },
  ];
  const lists = await listPagesOf(site);
  for (const { id: section } of VIETNAMESE_SECTIONS) {
    // Access to information is one page, its list generated from the whole site (docs/adr/0048).
    if (section === 'tiep-can-thong-tin') pages.push({ path: sectionUrl(section), lastmod: sectionUpdated[section] });
    for (const list of lists.filter((l) => l.section === section && l.filter === undefined && l.sort === undefined))
      pages.push({ path: list.path, lastmod: list.front ? sectionUpdated[section] : list.lastmod });
    for (const page of entryPages(sections[section] as SiteEntry[])) pages.push(page);
  }
  for (const list of lists.filter((l) => l.filter !== undefined || l.sort !== undefined))
    pages.push({ path: list.path, lastmod: list.front ? sectionUpdated[list.section] : list.lastmod });
  if (sections.en.length) {
    pages.push({ path: ENGLISH_HOME, lastmod: sectionUpdated.en }, { path: ENGLISH_SEARCH });
    for (const page of entryPages(sections.en)) pages.push(page);
  }
  return pages;
}
