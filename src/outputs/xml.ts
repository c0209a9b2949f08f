/**
 * Text for an XML document (feeds, sitemap): the five special characters
 * escaped, and the characters XML 1.0 forbids (C0 controls but tab and line
 * breaks, lone surrogates, U+FFFE/FFFF) dropped, so nothing an editor typed
 * can make a document ill-formed (docs/adr/0024-feeds-sitemap-robots.md).
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** RFC 3339 in UTC, as Atom and sitemaps want it. */
export function xmlDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
