import type { AstroPrerenderer, RouteData } from 'astro';
import { timedWindowProblem } from '../checks/content-checks.ts';
import { findFileTextProblems } from '../checks/text-problems.ts';
import { type Entry, parseDraftEntry } from '../content-source/entries.ts';
import type { ContentProblem } from '../content-source/problems.ts';
import { domainError } from '../errors.ts';
import { ENGLISH_SECTION, SECTION_IDS, type SectionId } from '../schema/sections.ts';
import type { RenderHooks } from './render-hooks.ts';
import type { DraftRender } from './worker-protocol.ts';

/**
 * One draft's page, drawn by the site's own Astro code in a warm renderer
 * (docs/adr/0106): the draft is parsed and validated as the check does, put
 * among the live entries in place of its namesake, the entry's own route is
 * rendered, and everything is put back. Nothing is written: the page is the
 * answer. A generation bump on each side makes src/content.ts drop its memos,
 * so the next publication never sees the draft.
 */
export interface DraftRenderContext {
  site: string;
  hooks: RenderHooks;
  prerenderer: AstroPrerenderer & {
    app?: {
      routeCache?: { clearAll(): void };
      manifest?: { routes: Array<{ routeData: RouteData }> };
    };
  };
  origin: string;
  /** The live entries, read and replaced for the time of one render. */
  entries: { get(): Entry[]; set(list: Entry[]): void };
}

/** No warm renderer could draw the draft; the server answers it as `E_DRAFT_RENDER_UNAVAILABLE`, in words, never a crash page. */
export const DraftUnavailableError = domainError<{ site: string; detail: string }>(
  'DRAFT_RENDERER_UNAVAILABLE',
  () => 'Chưa dựng được bản xem trước lúc này; vui lòng thử lại sau ít phút.',
);

const FILE = /^content\/([a-z0-9-]+)\/([a-z0-9-]+)\/([^/]+\.mdx?)$/;

/** The page of an entry, as the site's folder lays it out (`[section]/[slug].astro`, `en/[slug].astro`). */
const PAGE_OF: Record<'vi' | 'en', RegExp> = {
  vi: /src\/pages\/\[site\]\/\[section\]\/\[slug\]\.astro$/,
  en: /src\/pages\/\[site\]\/en\/\[slug\]\.astro$/,
};

/** The draft as an entry, or the problems the check would list for it. */
export function draftEntry(site: string, file: string, text: string): { entry?: Entry; problems: ContentProblem[] } {
  const match = FILE.exec(file);
  if (!match || match[1] !== site || !(SECTION_IDS as readonly string[]).includes(match[2]!))
    return { problems: [{ file, kind: 'draft-file', message: 'Bản nháp không thuộc một chuyên mục của trang này.' }] };
  const problems: ContentProblem[] = findFileTextProblems(text).map((p) => ({ file, ...p }));
  const parsed = parseDraftEntry(site, match[2] as SectionId, file, text);
  problems.push(...parsed.problems);
  const window = parsed.value && timedWindowProblem(parsed.value);
  if (window) problems.push(window);
  return problems.length ? { problems } : { entry: parsed.value!, problems };
}

function routeOf(r: DraftRenderContext, section: SectionId): RouteData | undefined {
  const pattern = PAGE_OF[section === ENGLISH_SECTION ? 'en' : 'vi'];
  return r.prerenderer.app?.manifest?.routes.map((x) => x.routeData).find((d) => pattern.test(d.component));
}

/**
 * The moment the draft is shown as of: now, or the moment it will be on the
 * site when its `publishAt` is later (docs/adr/0049), or the last moment
 * before its `expireAt` when that has passed. A draft is seen as it will be.
 */
function shownAt(entry: Entry, builtAt: number): Date {
  const { publishAt, expireAt } = entry.data as { publishAt?: Date; expireAt?: Date };
  let at = builtAt;
  if (publishAt && publishAt.getTime() > at) at = publishAt.getTime();
  if (expireAt && expireAt.getTime() <= at) at = expireAt.getTime() - 1;
  return new Date(at);
}

export async function renderDraftPage(
  r: DraftRenderContext,
  request: { file: string; text: string; builtAt: number },
): Promise<DraftRender> {
  const { entry, problems } = draftEntry(r.site, request.file, request.text);
  if (!entry) return { ok: false, problems };
  const route = routeOf(r, entry.section);
  const routeCache = r.prerenderer.app?.routeCache;
  if (!route || !routeCache) throw new Error("Astro's prerenderer has no entry route or route cache");
  const live = r.entries.get();
  const now = r.hooks.now;
  const others = live.filter((e) => !(e.section === entry.section && e.slug === entry.slug));
  r.entries.set([...others, entry]);
  r.hooks.generation += 1;
  r.hooks.now = shownAt(entry, request.builtAt);
  // Astro keeps getStaticPaths' answers (the entries as props): forgotten so the draft is the page's entry, and again after.
  routeCache.clearAll();
  try {
    const pathname =
      entry.section === ENGLISH_SECTION ? `/${r.site}/en/${entry.slug}/` : `/${r.site}/${entry.section}/${entry.slug}/`;
    const result = await r.prerenderer.render(new Request(new URL(pathname, r.origin)), { routeData: route });
    const response = result instanceof Response ? result : result.response;
    if (response.status !== 200) throw new Error(`${pathname}: ${response.status}`);
    return { ok: true, html: await response.text() };
  } finally {
    r.entries.set(live);
    r.hooks.generation += 1;
    r.hooks.now = now;
    routeCache.clearAll();
  }
}
