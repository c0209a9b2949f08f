import { xmlDate, xmlText } from './xml.ts';

/**
 * An Atom 1.0 feed document (RFC 4287): the feed and every entry carry the
 * required `id`, `title` and `updated`; the department is the feed's author,
 * so entries inherit it; each entry links its page. Ids are the official
 * https addresses of Điều 3, which never change for a page
 * (docs/adr/0024-feeds-sitemap-robots.md).
 */
export interface AtomEntry {
  /** Absolute URL of the page: the entry's id and its alternate link. */
  url: string;
  title: string;
  updated: Date;
  published?: Date;
  summary?: string;
  /** Labels of the entry's kind: section, document type, category. */
  categories?: string[];
}

export interface AtomFeed {
  /** Absolute URL of the feed document itself: its id and `rel="self"`. */
  selfUrl: string;
  /** Absolute URL of the page the feed follows. */
  pageUrl: string;
  title: string;
  subtitle?: string;
  lang: string;
  author: { name: string; email?: string; uri?: string };
  /** When the feed last changed; the latest entry's date when there are entries. */
  updated: Date;
  entries: AtomEntry[];
}

const line = (indent: string, tag: string, text: string, attrs = '') =>
  `${indent}<${tag}${attrs}>${xmlText(text)}</${tag}>`;

function entryXml(e: AtomEntry): string {
  return [
    '  <entry>',
    line('    ', 'id', e.url),
    line('    ', 'title', e.title, ' type="text"'),
    line('    ', 'updated', xmlDate(e.updated)),
    ...(e.published ? [line('    ', 'published', xmlDate(e.published))] : []),
    `    <link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>`,
    ...(e.categories ?? []).map((c) => `    <category term="${xmlText(c)}"/>`),
    ...(e.summary ? [line('    ', 'summary', e.summary, ' type="text"')] : []),
    '  </entry>',
  ].join('\n');
}

export function atomXml(feed: AtomFeed): string {
  // biome-ignore lint/complexity/useMathMinMax: the feed's dates, compared as values, are not numbers
  const latest = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), feed.updated);
  const { author } = feed;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.lang)}">`,
    line('  ', 'id', feed.selfUrl),
    line('  ', 'title', feed.title, ' type="text"'),
    ...(feed.subtitle ? [line('  ', 'subtitle', feed.subtitle, ' type="text"')] : []),
    line('  ', 'updated', xmlDate(latest)),
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.pageUrl)}"/>`,
    '  <author>',
    line('    ', 'name', author.name),
    ...(author.uri ? [line('    ', 'uri', author.uri)] : []),
    ...(author.email ? [line('    ', 'email', author.email)] : []),
    '  </author>',
    '  <generator>congso</generator>',
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
