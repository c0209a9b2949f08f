import { type SiteContent, type SiteEntry, untracked } from '../content.ts';
import { DOCUMENT_TYPES } from '../schema/content/legal-document.ts';
import { NEWS_CATEGORIES } from '../schema/content/news.ts';
import { VIETNAMESE_SECTIONS, sectionInfo, type SectionId } from '../schema/sections.ts';
import { atomXml, type AtomEntry } from './atom.ts';
import { feedPath, type FeedSection } from './feed-links.ts';
import { SITE_FEED_PATH } from '../site-paths.ts';

/**
 * The feeds of one department site (docs/adr/0024-feeds-sitemap-robots.md):
 * the latest changes of a section, or of the whole Vietnamese site. A feed
 * carries the most recently changed entries only; the pages hold the rest.
 */
export const FEED_SIZE = 50;

function atomEntry(entry: SiteEntry, siteUrl: string): AtomEntry {
  const d = entry.data as {
    title: string;
    summary?: string;
    date: Date;
    number?: string;
    documentType?: keyof typeof DOCUMENT_TYPES;
    category?: keyof typeof NEWS_CATEGORIES;
  };
  const categories: string[] = [sectionInfo(entry.section).label];
  if (d.documentType) categories.push(DOCUMENT_TYPES[d.documentType]);
  if (entry.section === 'tin-tuc' && d.category) categories.push(NEWS_CATEGORIES[d.category]);
  const summary = d.summary ?? (entry.text.length > 300 ? `${entry.text.slice(0, 299)}…` : entry.text);
  return {
    url: `${siteUrl}${entry.url}`,
    title: d.number ? `${d.number}: ${d.title}` : d.title,
    updated: entry.updated,
    published: d.date,
    summary: summary || undefined,
    categories,
  };
}

const latestFirst = (a: SiteEntry, b: SiteEntry) =>
  b.updated.getTime() - a.updated.getTime() || a.url.localeCompare(b.url);

/**
 * The `n` first entries in `latestFirst` order, as sorting all of them would
 * give, in one pass: a site's feed is rendered again at every publication,
 * and sorting its 10,000 entries for 20 of them was most of that page's time.
 */
function newest(entries: readonly SiteEntry[], n: number): SiteEntry[] {
  const best: SiteEntry[] = [];
  // Compared untracked: the feeds read the sections, whose keys cover every entry (src/content.ts `untracked`).
  const before = (a: SiteEntry, b: SiteEntry) => latestFirst(untracked(a), untracked(b)) < 0;
  for (const entry of entries) {
    if (best.length === n && !before(entry, best[n - 1]!)) continue;
    let i = best.length;
    while (i > 0 && before(entry, best[i - 1]!)) i--;
    best.splice(i, 0, entry);
    if (best.length > n) best.pop();
  }
  return best;
}

function feedOf(content: SiteContent, entries: SiteEntry[], path: string, pagePath: string, title: string): string {
  const { department } = content;
  const site = department.url;
  return atomXml({
    selfUrl: `${site}${path}`,
    pageUrl: `${site}${pagePath}`,
    title: `${title} — ${department.name}`,
    lang: 'vi',
    author: { name: department.name, email: department.contact.email, uri: `${site}/` },
    // An empty feed is as new as the site; `atomXml` moves it to its latest entry otherwise.
    updated: entries.length ? new Date(0) : (content.updated ?? new Date(0)),
    entries: newest(entries, FEED_SIZE).map((e) => atomEntry(e, site)),
  });
}

export function sectionFeed(content: SiteContent, section: FeedSection): string {
  const info = sectionInfo(section);
  return feedOf(
    content,
    newestOfSection(content.sections[section] as SiteEntry[]),
    feedPath(section),
    `/${section}/`,
    info.label,
  );
}

/** Every Vietnamese section: the reference site (the English pages are translations of entries already here). */
export function siteFeed(content: SiteContent): string {
  // The newest of the site are among the newest of each section, kept with its list (docs/adr/0115).
  const entries = VIETNAMESE_SECTIONS.flatMap((s) =>
    newestOfSection(content.sections[s.id as SectionId] as SiteEntry[]),
  );
  return feedOf(content, entries, SITE_FEED_PATH, '/', 'Thông tin mới');
}

/**
 * A section's newest entries, kept with its list, which is kept while the
 * section is unchanged (docs/adr/0114): the site's feed is rendered again at
 * every publication. Reading the section records what the feed depends on.
 */
const keptNewest = new WeakMap<readonly SiteEntry[], SiteEntry[]>();
function newestOfSection(entries: readonly SiteEntry[]): SiteEntry[] {
  let best = keptNewest.get(entries);
  if (!best) keptNewest.set(entries, (best = newest(entries, FEED_SIZE)));
  return best;
}
