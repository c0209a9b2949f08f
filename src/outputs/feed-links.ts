import type { Lang } from '../i18n/lang.ts';
import { sectionInfo, type SectionId } from '../schema/sections.ts';
import { SITE_FEED_PATH } from '../site-paths.ts';

/**
 * The sections whose content changes over time, each with its Atom feed
 * (docs/adr/0024-feeds-sitemap-robots.md): news, the legal-document register,
 * consultations, procurement and answered questions. The others describe
 * the department and change rarely; their changes reach the site-wide feed.
 */
export const FEED_SECTIONS = [
  'tin-tuc',
  'van-ban',
  'gop-y',
  'du-an-dau-thau',
  'hoi-dap',
] as const satisfies readonly SectionId[];
export type FeedSection = (typeof FEED_SECTIONS)[number];

export function isFeedSection(section: SectionId | undefined): section is FeedSection {
  return (FEED_SECTIONS as readonly string[]).includes(section ?? '');
}

export function feedPath(section: FeedSection): string {
  return `/${section}/feed.atom`;
}

export interface FeedLink {
  href: string;
  title: string;
}

/** Autodiscovery links of a page: the site's feed, and its section's when that section has one. Feeds are Vietnamese. */
export function feedsOf(section: SectionId | undefined, lang: Lang): FeedLink[] {
  if (lang !== 'vi') return [];
  const links: FeedLink[] = [{ href: SITE_FEED_PATH, title: 'Tất cả thông tin mới' }];
  if (isFeedSection(section))
    links.push({ href: feedPath(section), title: `${sectionInfo(section).label}: thông tin mới` });
  return links;
}
