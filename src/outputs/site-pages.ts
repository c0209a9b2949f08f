import {
  ENGLISH_HOME,
  ENGLISH_SEARCH,
  SEARCH_PAGE,
  getSiteContent,
  listUrl,
  pageCount,
  procedureViewsOf,
  registerViewsOf,
  type SiteEntry,
} from '../content.ts';
import { VIETNAMESE_SECTIONS, type SectionId } from '../schema/sections.ts';
import { ACCESSIBILITY_PATH, OPEN_DATA_PATH, PRIVACY_NOTICE_PATH } from '../site-paths.ts';
import { ACCESSIBILITY_STATEMENT_REVIEWED } from '../statements/accessibility-statement.ts';
import { PRIVACY_NOTICE_REVIEWED } from '../statements/privacy-notice.ts';
import { openDataUpdated } from './open-data.ts';

/**
 * Every HTML page a department site publishes for readers and search engines,
 * with its last change: what `sitemap.xml` lists (docs/adr/0024). The list
 * views come from the same functions as their routes (`registerViewsOf`,
 * `procedureViewsOf`), so the sitemap cannot drift from what is built. Pages
 * marked `noindex` (404, the service frame) are not listed.
 */
export interface SitePage {
  path: string;
  lastmod?: Date;
}

/** Sections with their own list route; the others use the generic paged list. */
const OWN_LIST_ROUTES: readonly SectionId[] = ['van-ban', 'thu-tuc-hanh-chinh'];

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
  for (const { id: section } of VIETNAMESE_SECTIONS) {
    const lastmod = sectionUpdated[section];
    if (!OWN_LIST_ROUTES.includes(section)) {
      for (let page = 1; page <= pageCount(sections[section].length); page++)
        pages.push({ path: listUrl(section, { page }), lastmod });
    }
    for (const entry of sections[section] as SiteEntry[]) pages.push({ path: entry.url, lastmod: entry.updated });
  }
  for (const view of await registerViewsOf(site))
    pages.push({ path: listUrl('van-ban', view), lastmod: sectionUpdated['van-ban'] });
  for (const view of await procedureViewsOf(site)) {
    pages.push({ path: listUrl('thu-tuc-hanh-chinh', view), lastmod: sectionUpdated['thu-tuc-hanh-chinh'] });
  }
  if (sections.en.length) {
    pages.push({ path: ENGLISH_HOME, lastmod: sectionUpdated.en }, { path: ENGLISH_SEARCH });
    for (const entry of sections.en) pages.push({ path: entry.url, lastmod: entry.updated });
  }
  return pages;
}
