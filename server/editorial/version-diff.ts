import { diffArrays } from 'diff';
import { parseFrontmatter } from '#src/content-source/frontmatter.ts';

/**
 * A readable difference between two versions of an entry (docs/adr/0092):
 * the front matter field by field, the body word by word. Vietnamese words
 * are cut where Unicode says (Intl.Segmenter, UAX #29) on NFC text (Điều 8),
 * so "Hội nghị" → "Hội thảo" is one word changed, not letters shuffled, and
 * a composed "ệ" is never split from its marks.
 */

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
  /** Word-level parts of a changed text field. */
  parts: DiffPart[];
}

export interface VersionDiff {
  fields: FieldChange[];
  body: DiffPart[];
  /** Nothing differs. */
  same: boolean;
}

const segmenter = new Intl.Segmenter('vi', { granularity: 'word' });

/** Words, spaces and punctuation, each a token; together they are the text again. */
export function tokens(text: string): string[] {
  return [...segmenter.segment(text.normalize('NFC'))].map((s) => s.segment);
}

/**
 * The word diff's cost grows with the size of the change times the length of
 * the text: an entry rewritten from end to end (512 KB at most) would hold the
 * server's one thread for minutes whenever the publisher opens its history.
 * Past these bounds the change is shown whole: all removed, all added.
 */
const DIFF_BOUNDS = { maxEditLength: 2_000, timeout: 250 };

export function diffWords(before: string, after: string): DiffPart[] {
  const changes = diffArrays(tokens(before), tokens(after), DIFF_BOUNDS) ?? [
    { removed: true, added: false, value: [before], count: 1 },
    { removed: false, added: true, value: [after], count: 1 },
  ];
  const raw = changes
    .filter((c) => c.value.join('') !== '')
    .map((c): DiffPart => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value.join('') }));
  // A change of several words reads as one: the spaces between changed words belong to both sides, and
  // everything removed in a run is shown before everything added.
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) parts.push({ kind: 'removed', text: removed });
    if (added) parts.push({ kind: 'added', text: added });
    removed = added = '';
  };
  raw.forEach((part, i) => {
    const between =
      part.kind === 'same' &&
      /^\s+$/u.test(part.text) &&
      (removed || added) &&
      raw[i + 1] &&
      raw[i + 1]!.kind !== 'same';
    if (part.kind === 'removed' || between) removed += part.text;
    if (part.kind === 'added' || between) added += part.text;
    if (part.kind !== 'same' || between) return;
    flush();
    const last = parts.at(-1);
    if (last?.kind === 'same') last.text += part.text;
    else if (part.text) parts.push(part);
  });
  flush();
  return parts;
}

function split(raw: string | null): { data: Record<string, unknown>; body: string } {
  if (raw === null) return { data: {}, body: '' };
  try {
    return parseFrontmatter(raw);
  } catch {
    // A version whose front matter cannot be read is compared as text.
    return { data: {}, body: raw };
  }
}

/** A field's value as a person reads it: text as it is, anything else as compact JSON. */
function shown(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? value.normalize('NFC') : JSON.stringify(value);
}

export function diffVersions(beforeRaw: string | null, afterRaw: string | null): VersionDiff {
  const before = split(beforeRaw);
  const after = split(afterRaw);
  const fields: FieldChange[] = [];
  const names = [...new Set([...Object.keys(before.data), ...Object.keys(after.data)])];
  for (const field of names) {
    const a = shown(before.data[field]);
    const b = shown(after.data[field]);
    if (a === b) continue;
    fields.push({ field, before: a, after: b, parts: diffWords(a ?? '', b ?? '') });
  }
  const body = diffWords(before.body, after.body);
  return { fields, body, same: fields.length === 0 && body.every((p) => p.kind === 'same') };
}
