import type { z } from 'zod';
import { FileRef } from '../schema/common.ts';
import { ENTRY_SCHEMAS } from '../schema/content/index.ts';
import type { SectionId } from '../schema/sections.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { parseMdx, type MdxNode } from '../mdx/safe-mdx.ts';

/**
 * The files of the site's `/tep/` folder an entry uses: front-matter fields
 * holding a file path (a legal document's `attachment.file`, a news image's
 * `src`, a procedure's forms…) and, in the body, links, images, link
 * definitions and the `Attachment`/`Figure` components. An attachment the
 * entry does not use is refused (docs/adr/0021-files-are-data.md): a file
 * rides into the repository only with the entry that shows it.
 */

const MEDIA_URL = '/tep/';
type SchemaDef = {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
};

/**
 * Values of the frontmatter that the schema declares as files of the site's
 * media folder (`FileRef`), by field. Only those: a title or a citizen's
 * question that happens to begin with `/tep/` is text, not a link (docs/adr/0042).
 */
export function fileRefs(schema: z.ZodType, value: unknown, at: string, out: Map<string, string>): void {
  if (schema === FileRef) {
    if (typeof value === 'string') out.set(at, value);
    return;
  }
  const d = schema._zod.def as unknown as SchemaDef;
  const child = (key: string | number) => (at ? `${at}.${key}` : String(key));
  if (d.innerType) fileRefs(d.innerType, value, at, out);
  else if (d.type === 'union') for (const option of d.options!) fileRefs(option, value, at, out);
  else if (d.type === 'array' && Array.isArray(value))
    for (const [i, v] of value.entries()) fileRefs(d.element!, v, child(i), out);
  else if (d.type === 'object' && value && typeof value === 'object') {
    for (const [k, field] of Object.entries(d.shape!))
      fileRefs(field, (value as Record<string, unknown>)[k], child(k), out);
  }
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

/** Every `/tep/…` address an entry of `section` links to, each once; an entry that does not parse uses none. */
export function referencedFiles(entryRaw: string, section: SectionId): string[] {
  let data: Record<string, unknown>;
  let body: string;
  try {
    ({ data, body } = parseFrontmatter(entryRaw));
  } catch {
    return [];
  }
  const fields = new Map<string, string>();
  fileRefs(ENTRY_SCHEMAS[section], data, '', fields);
  const hrefs = [...fields.values()];
  try {
    bodyRefs(parseMdx(body), hrefs);
  } catch {
    // A body that does not parse is refused by parseEntry; its front-matter references still count.
  }
  return [...new Set(hrefs.map(mediaUrl).filter((u): u is string => u !== null))];
}
