import { parseFrontmatter } from './frontmatter.ts';
import { parseMdx, type MdxNode } from './safe-mdx.ts';

/**
 * The files of the site's `/tep/` folder an entry uses: front-matter fields
 * holding a file path (a legal document's `attachment.file`, a news image's
 * `src`, a procedure's forms…) and, in the body, links, images, link
 * definitions and the `Attachment`/`Figure` components. An attachment the
 * entry does not use is refused (docs/adr/0021-files-are-data.md): a file
 * rides into the repository only with the entry that shows it.
 */

const MEDIA_URL = '/tep/';

/** Strings of the front-matter that name a file of the media folder, with the field they sit in. */
export function frontmatterFileRefs(value: unknown, at = '', out: Array<{ field: string; ref: string }> = []): Array<{ field: string; ref: string }> {
  if (typeof value === 'string') {
    if (value.startsWith(MEDIA_URL)) out.push({ field: at, ref: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => frontmatterFileRefs(v, at ? `${at}.${i}` : String(i), out));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) frontmatterFileRefs(v, at ? `${at}.${k}` : k, out);
  }
  return out;
}

/** `/tep/a.pdf?x#page=2` → `/tep/a.pdf`, percent-decoded once; null for anything outside `/tep/`. */
function mediaUrl(href: string): string | null {
  const bare = href.trim().replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    return null;
  }
  return decoded.startsWith(MEDIA_URL) ? decoded : null;
}

function bodyRefs(node: MdxNode, out: string[]): void {
  if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url) out.push(node.url);
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    for (const attr of node.attributes ?? []) if (typeof attr.value === 'string') out.push(attr.value);
  }
  for (const child of node.children ?? []) bodyRefs(child, out);
}

/** Every `/tep/…` address the entry links to, each once; an entry that does not parse uses none. */
export function referencedFiles(entryRaw: string): string[] {
  let data: Record<string, unknown>;
  let body: string;
  try {
    ({ data, body } = parseFrontmatter(entryRaw));
  } catch {
    return [];
  }
  const hrefs = frontmatterFileRefs(data).map((r) => r.ref);
  try {
    bodyRefs(parseMdx(body), hrefs);
  } catch {
    // A body that does not parse is refused by parseEntry; its front-matter references still count.
  }
  return [...new Set(hrefs.map(mediaUrl).filter((u): u is string => u !== null))];
}
