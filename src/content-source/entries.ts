import { yieldingTurns } from './event-loop-turns.ts';
import { keptFolder, listEntryFiles, listNames, readTextFiles } from './read-files.ts';
import path from 'node:path';
import { ENTRY_SCHEMAS, type EntryData } from '../schema/content/index.ts';
import { SECTION_IDS, type SectionId } from '../schema/sections.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { FrontMatterError } from './frontmatter-errors.ts';
import { problemsFromZod, type ContentProblem } from './problems.ts';
import { renderSafeMdx } from '../mdx/safe-mdx.ts';

export interface Entry<S extends SectionId = SectionId> {
  site: string;
  section: S;
  /** File name without extension: the last URL segment. */
  slug: string;
  /** Path relative to the content root. */
  file: string;
  data: EntryData<S>;
  html: string;
  /** Plain text of the body, for search. */
  text: string;
}

export interface LoadResult<T> {
  value: T;
  problems: ContentProblem[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Fields of plain prose (docs/adr/0042): part of the entry's text, for search, summaries and the page description. */
const PROSE_FIELDS: Partial<Record<SectionId, readonly string[]>> = { 'hoi-dap': ['question', 'answer'] };
export const ENTRY_EXTENSIONS = ['.mdx', '.md'];

/**
 * A build worker validates its sites, then runs Astro, whose loader would
 * parse every entry again inside Vite's own module graph. When the worker
 * opens this memo (shared through globalThis, keyed by file and source), the
 * loader reuses the validation's work. Absent everywhere else.
 */
export const ENTRY_MEMO_KEY = Symbol.for('congso.entryMemo');
export type EntryMemo = Map<string, { source: string; result: LoadResult<Entry | undefined> }>;

/**
 * Entry files a publication build leaves out because they failed the check
 * (ADR 0045): shared with Astro's loader through globalThis, like the memo.
 */
export const EXCLUDED_ENTRIES_KEY = Symbol.for('congso.excludedEntries');

export function isExcludedEntry(file: string): boolean {
  return (globalThis as Record<symbol, ReadonlySet<string> | undefined>)[EXCLUDED_ENTRIES_KEY]?.has(file) ?? false;
}

/** Parses, validates and renders one entry; never throws on bad content. */
export function parseEntry<S extends SectionId>(
  site: string,
  section: S,
  file: string,
  source: string,
): LoadResult<Entry<S> | undefined> {
  const memo = (globalThis as Record<symbol, EntryMemo | undefined>)[ENTRY_MEMO_KEY];
  const hit = memo?.get(file);
  if (hit && hit.source === source) return hit.result as LoadResult<Entry<S> | undefined>;
  const result = parseEntryUncached(site, section, file, source);
  memo?.set(file, { source, result });
  return result;
}

/**
 * A draft shown to the board that may open it (docs/adr/0106): the same
 * parsing and validation as a published entry, without the memo (a draft is
 * not the file of `main`), and a state secret is shown to its own board
 * rather than refused (it is never published nor shared, Điều 4.2đ).
 */
export function parseDraftEntry<S extends SectionId>(
  site: string,
  section: S,
  file: string,
  source: string,
): LoadResult<Entry<S> | undefined> {
  return parseEntryUncached(site, section, file, source, { secretShown: true });
}

function parseEntryUncached<S extends SectionId>(
  site: string,
  section: S,
  file: string,
  source: string,
  options: { secretShown?: boolean } = {},
): LoadResult<Entry<S> | undefined> {
  const problems: ContentProblem[] = [];
  const slug = path.basename(file).replace(/\.mdx?$/, '');
  if (!SLUG.test(slug)) {
    problems.push({
      file,
      message: 'Tên tệp phải là chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: hoi-nghi-tong-ket-2024.mdx).',
    });
  }
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(source);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    problems.push({ file, line: error.data.line, message: error.message, kind: error.code });
    return { value: undefined, problems };
  }
  const result = ENTRY_SCHEMAS[section].safeParse(parsed.data);
  if (!result.success) problems.push(...problemsFromZod(file, result.error));
  const rendered = renderSafeMdx(parsed.body);
  for (const issue of rendered.issues) {
    problems.push({
      file,
      line: issue.line === undefined ? undefined : issue.line + parsed.bodyLine - 1,
      message: issue.message,
    });
  }
  if (result.success && result.data.stateSecret && !options.secretShown) {
    problems.push({
      file,
      field: 'stateSecret',
      message: 'Thông tin mật nhà nước không bao giờ được đăng tải (Điều 4.2đ).',
    });
  }
  if (problems.length) return { value: undefined, problems };
  const data = result.data as Record<string, unknown>;
  const text = [...(PROSE_FIELDS[section] ?? []).map((f) => data[f]), rendered.text]
    .filter((t) => typeof t === 'string' && t)
    .join('\n');
  return {
    value: { site, section, slug, file, data: result.data as EntryData<S>, html: rendered.html, text },
    problems,
  };
}

/** Every entry of one section of one site, with the problems of those that failed. */
export function loadSection<S extends SectionId>(
  root: string,
  site: string,
  section: S,
): Promise<LoadResult<Entry<S>[]>> {
  const dir = `content/${site}/${section}`;
  return keptFolder(dir, 'entries', () => loadFolder(root, site, section, dir));
}

async function loadFolder<S extends SectionId>(
  root: string,
  site: string,
  section: S,
  dir: string,
): Promise<LoadResult<Entry<S>[]>> {
  const files = await listEntryFiles(root, dir);
  const entries: Entry<S>[] = [];
  const problems: ContentProblem[] = [];
  const sources = await readTextFiles(root, files);
  // Parsing a large site the first time takes seconds: the server's other requests get the event loop between files.
  const turn = yieldingTurns();
  for (const [i, file] of files.entries()) {
    const yielding = turn();
    if (yielding) await yielding;
    const source = sources[i];
    if (source === null) {
      problems.push({ file, message: 'Không đọc được tệp.' });
      continue;
    }
    const result = parseEntry(site, section, file, source);
    problems.push(...result.problems);
    if (result.value) entries.push(result.value);
  }
  return { value: entries, problems };
}

/** Folders under `content/<site>/` that are neither a section nor the media folder. */
export async function unknownSectionFolders(root: string, site: string): Promise<string[]> {
  const names = await listNames(path.join(root, 'content', site));
  return names.filter((n) => !(SECTION_IDS as readonly string[]).includes(n) && n !== 'tep' && !n.startsWith('.'));
}
