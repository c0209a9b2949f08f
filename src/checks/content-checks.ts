import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import {
  keptFolder,
  listEntryFiles,
  listNames,
  readTextFiles,
  withOneReading,
  type ReadingOptions,
} from '../content-source/read-files.ts';
import { yieldingTurns } from '../content-source/event-loop-turns.ts';
import path from 'node:path';
import { validateContent, type SiteContent, type ValidationReport } from '../content-source/validate.ts';
import type { ContentProblem } from '../content-source/problems.ts';
import type { Entry } from '../content-source/entries.ts';
import { buildInstant, isVisibleAt } from '../content-source/timed-visibility.ts';
import { SECTION_IDS } from '../schema/sections.ts';
import { ENTRY_SCHEMAS } from '../schema/content/index.ts';
import { fileRefs } from '../content-source/referenced-files.ts';
import { findFileTextProblems } from './text-problems.ts';
import { translationTargetProblems } from './english-pages.ts';

/**
 * Everything `npm run check` and the build verify, as a pipeline of small
 * checks over the validated content: schemas, MDX safety and the eight
 * sections (in `validateContent`), then text encoding, duplicate slugs and
 * links. Each problem names its file (and line or field) and has a `kind`.
 */
export interface CheckContext {
  root: string;
  report: ValidationReport;
  /** Site-relative paths of pages that are not entries (`/`, `/van-ban/`, `/tim-kiem/`). */
  knownPages: Set<string>;
}

type Check = (ctx: CheckContext) => Promise<ContentProblem[]>;

/**
 * `reading`: texts known unchanged since an earlier check, and a map to fill with what this one read (docs/adr/0115).
 * `checked`: the problems this same check found in exactly this content (the publication gate's, for the commit it
 * made): the entries are still loaded and validated, the checks across entries are not run again (docs/adr/0122).
 */
export function checkContent(
  root: string,
  only?: string[],
  reading?: ReadingOptions,
  checked?: readonly ContentProblem[],
): Promise<ValidationReport> {
  return withOneReading(() => checkSites(root, only, checked), reading);
}

async function checkSites(
  root: string,
  only?: string[],
  checked?: readonly ContentProblem[],
): Promise<ValidationReport> {
  const report = await validateContent(root, only);
  const problems = [...report.problems];
  if (checked) problems.push(...checked);
  else {
    const ctx: CheckContext = { root, report, knownPages: await knownPages() };
    for (const check of CHECKS) problems.push(...(await check(ctx)));
  }
  // Every entry is checked; the build indexes only those on the site now (docs/adr/0049), so search never finds a page before its time.
  const now = buildInstant();
  const sites = report.sites.map((site) => ({
    ...site,
    entries: site.entries.filter((e) => isVisibleAt(e.data as { publishAt?: Date; expireAt?: Date }, now)),
  }));
  return { sites, problems: dedupe(problems) };
}

function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}|${p.line}|${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const PAGES_DIR = new URL('../pages/[site]/', import.meta.url);

/**
 * Pages of a department site besides the entries, read from `src/pages/[site]/`
 * so a link to a page the page engineer adds is known without a list to keep.
 */
export async function knownPages(): Promise<Set<string>> {
  const pages = new Set<string>(['/', ...SECTION_IDS.map((s) => `/${s}/`)]);
  let files: string[] = [];
  try {
    files = (await readdir(PAGES_DIR, { recursive: true })).map(String);
  } catch {
    return pages;
  }
  for (const file of files) {
    if (!/\.(astro|ts|js|md|mdx)$/.test(file) || file.includes('[')) continue;
    const route = file.replace(/\.(astro|ts|js|md|mdx)$/, '').replace(/(^|\/)index$/, '');
    pages.add(route ? `/${route}/` : '/');
  }
  return pages;
}

const CHECKS: Check[] = [
  textEncoding,
  duplicateSlugs,
  links,
  timedWindow,
  async (ctx) => translationTargetProblems(ctx.report.sites),
];

/** An entry that leaves the site before it arrives would never be shown (docs/adr/0049): the board meant something else. */
export function timedWindowProblem(entry: Pick<Entry, 'file' | 'data'>): ContentProblem | null {
  const { publishAt, expireAt } = entry.data as { publishAt?: Date; expireAt?: Date };
  if (!publishAt || !expireAt || expireAt > publishAt) return null;
  return {
    file: entry.file,
    field: 'expireAt',
    kind: 'timed-window',
    message: 'Thời điểm gỡ khỏi trang phải sau thời điểm hiển thị.',
  };
}

async function timedWindow(ctx: CheckContext): Promise<ContentProblem[]> {
  return ctx.report.sites.flatMap((site) =>
    site.entries.map(timedWindowProblem).filter((p): p is ContentProblem => p !== null),
  );
}

/**
 * Every site YAML and entry file must be valid UTF-8 NFC Unicode, not a legacy encoding. A section folder's
 * problems are its files' own: a folder nothing was written under keeps them (docs/adr/0123).
 */
async function textEncoding(ctx: CheckContext): Promise<ContentProblem[]> {
  const yaml = ['sites/_province.yaml', ...ctx.report.sites.map((s) => `sites/${s.department.id}.yaml`)];
  const problems = await encodingProblems(ctx.root, yaml);
  for (const site of ctx.report.sites) {
    for (const section of SECTION_IDS) {
      const dir = `content/${site.department.id}/${section}`;
      const files = () => listEntryFiles(ctx.root, dir).catch(() => [] as string[]);
      problems.push(...(await keptFolder(dir, 'encoding', async () => encodingProblems(ctx.root, await files()))));
    }
  }
  return problems;
}

async function encodingProblems(root: string, files: string[]): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const texts = await readTextFiles(root, files);
  const turn = yieldingTurns();
  for (const [i, file] of files.entries()) {
    const yielding = turn();
    if (yielding) await yielding;
    const text = texts[i];
    if (text === null || text === undefined) continue;
    for (const p of textProblemsOf(file, text)) problems.push({ file, line: p.line, message: p.message, kind: p.kind });
  }
  return problems;
}

/** The encoding problems of a file's text, kept while its text is the same (docs/adr/0115): most texts have none. */
const textVerdicts = new Map<string, { text: string; problems: ReturnType<typeof findFileTextProblems> }>();
function textProblemsOf(file: string, text: string) {
  const known = textVerdicts.get(file);
  if (known?.text === text) return known.problems;
  const problems = findFileTextProblems(text);
  textVerdicts.set(file, { text, problems });
  return problems;
}

/** `x.md` beside `x.mdx` would be two entries at one address. */
async function duplicateSlugs(ctx: CheckContext): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const site of ctx.report.sites) {
    for (const section of SECTION_IDS) {
      const dir = `content/${site.department.id}/${section}`;
      problems.push(...(await keptFolder(dir, 'names', () => slugClashes(ctx.root, dir, section))));
    }
  }
  return problems;
}

async function slugClashes(root: string, dir: string, section: string): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const names = (await listNames(path.join(root, dir)).catch(() => [] as string[]))
    .filter((n) => /\.mdx?$/.test(n))
    .sort();
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = name.replace(/\.mdx?$/, '').toLowerCase();
    const other = bySlug.get(slug);
    if (other) {
      problems.push({
        file: `${dir}/${name}`,
        kind: 'duplicate-slug',
        message: `Trùng địa chỉ /${section}/${slug}/ với tệp ${other}; đổi tên một trong hai tệp.`,
      });
    } else bySlug.set(slug, name);
  }
  return problems;
}

const HREF = /\s(?:href|src)="([^"]*)"/g;

function decodeAttr(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Where a link of an entry points, worked out once per entry (`linksOf`). */
type LinkTarget =
  | { kind: 'outside' }
  | { kind: 'invalid' }
  | { kind: 'file'; rel: string; pathname: string }
  | { kind: 'page'; path: string };

interface EntryLink {
  /** The front-matter field holding it; absent for a link of the body. */
  field?: string;
  href: string;
  target: LinkTarget;
}

function resolveLink(href: string, entry: Entry): LinkTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#') || href === '')
    return { kind: 'outside' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(href, `http://site.invalid/${entry.section}/${entry.slug}/`).pathname);
  } catch {
    return { kind: 'invalid' };
  }
  if (pathname.startsWith('/tep/')) return { kind: 'file', rel: pathname.slice('/tep/'.length), pathname };
  return { kind: 'page', path: pathname.endsWith('/') ? pathname : `${pathname}/` };
}

/**
 * The links of an entry, resolved: kept with the entry object, which the
 * parse memo hands back while its file is unchanged, so a check of a
 * 10,000-entry site parses the addresses of the entries that changed only
 * (docs/adr/0113). Whether each target exists is asked at every check.
 */
const linkMemo = new WeakMap<Entry, EntryLink[]>();
function linksOf(entry: Entry): EntryLink[] {
  let known = linkMemo.get(entry);
  if (known) return known;
  known = [];
  const refs = new Map<string, string>();
  fileRefs(ENTRY_SCHEMAS[entry.section], entry.data, '', refs);
  for (const [field, href] of refs) known.push({ field, href, target: resolveLink(href, entry) });
  for (const match of entry.html.matchAll(HREF)) {
    const href = decodeAttr(match[1]!);
    known.push({ href, target: resolveLink(href, entry) });
  }
  linkMemo.set(entry, known);
  return known;
}

/** An entry's own address, kept with it: built and hashed once, not at every check of a 10,000-entry site (docs/adr/0115). */
const pages = new WeakMap<Entry, string>();
function pageOf(entry: Entry): string {
  let page = pages.get(entry);
  if (page === undefined) pages.set(entry, (page = `/${entry.section}/${entry.slug}/`));
  return page;
}

/**
 * Site-internal links of bodies and frontmatter must resolve: `/tep/...` to a
 * file in `content/<site>/tep/`, other root-relative links to an entry or a
 * known page. External addresses are not fetched.
 */
async function links(ctx: CheckContext): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const site of ctx.report.sites) {
    const targets = new Set(ctx.knownPages);
    for (const e of site.entries) targets.add(pageOf(e));
    const media = path.join(ctx.root, 'content', site.department.id, 'tep');
    // Many entries link to one form or one decision: each file is looked for once per check.
    const files = new Map<string, boolean>();
    const fileExists = (rel: string) => {
      let found = files.get(rel);
      if (found === undefined)
        files.set(rel, (found = !rel.split('/').includes('..') && existsSync(path.join(media, rel))));
      return found;
    };
    const turn = yieldingTurns();
    for (const entry of site.entries) {
      const yielding = turn();
      if (yielding) await yielding;
      let source: string[] | undefined;
      for (const { field, href, target } of linksOf(entry)) {
        const problem = linkProblem(href, target, entry, targets, fileExists);
        if (!problem) continue;
        if (field !== undefined) {
          problems.push({ file: entry.file, field, kind: problem.kind, message: problem.message });
          continue;
        }
        source ??= await sourceLines(ctx.root, entry);
        problems.push({ file: entry.file, line: lineOf(source, href), kind: problem.kind, message: problem.message });
      }
    }
  }
  return problems;
}

async function sourceLines(root: string, entry: Entry): Promise<string[]> {
  return (await readFile(path.join(root, entry.file), 'utf8').catch(() => '')).split('\n');
}

function lineOf(lines: string[], needle: string): number | undefined {
  const i = lines.findIndex((l) => l.includes(needle));
  return i < 0 ? undefined : i + 1;
}

function linkProblem(
  href: string,
  target: LinkTarget,
  entry: Entry,
  targets: Set<string>,
  fileExists: (rel: string) => boolean,
): { kind: string; message: string } | undefined {
  switch (target.kind) {
    case 'outside':
      return undefined;
    case 'invalid':
      return { kind: 'broken-link', message: `Liên kết không hợp lệ: "${href}".` };
    case 'file':
      if (fileExists(target.rel)) return undefined;
      return {
        kind: 'missing-file',
        message: `Tệp "${target.pathname}" không có trong thư mục content/${entry.site}/tep/.`,
      };
    case 'page':
      if (targets.has(target.path)) return undefined;
      return { kind: 'broken-link', message: `Liên kết "${href}" không trỏ tới bài hay trang nào của trang này.` };
  }
}

export type { SiteContent };
