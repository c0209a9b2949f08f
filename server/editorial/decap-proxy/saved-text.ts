import { stringifyFrontmatter } from '#src/content-source/frontmatter.ts';
import { convertToUnicode } from '#src/text/convert.ts';
import type { TextEncoding } from '#src/text/encoding.ts';

/**
 * The text an entry is saved as: Unicode NFC, text pasted in TCVN3, VNI or
 * VIQR converted (Điều 8). The proxy saves this; the draft preview draws this
 * (docs/adr/0106), so what is previewed is what would be saved.
 */
export function savedText(raw: string): { text: string; legacy: Exclude<TextEncoding, 'unicode'> | null } {
  const converted = convertToUnicode(raw);
  const legacy = converted.changed && converted.encoding !== 'unicode' ? converted.encoding : null;
  return { text: converted.text, legacy };
}

/**
 * An entry's file from the fields Decap holds while it is edited, as Decap's
 * `frontmatter` format writes it: the fields as YAML front matter, `body` as
 * the MDX after it. Empty values Decap leaves out (null) are left out.
 */
export function entryTextOfFields(fields: Readonly<Record<string, unknown>>): string {
  const { body, ...data } = fields;
  const kept = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined));
  return savedText(stringifyFrontmatter(kept, typeof body === 'string' ? body : '')).text;
}
