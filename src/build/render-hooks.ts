/**
 * What the warm renderer (src/build/warm-renderer.ts) and the pages' one
 * query module (src/content.ts) share. They live in two module graphs, the
 * renderer's and Astro's prerender bundle, so they meet on globalThis, like
 * the entry memo (src/content-source/entries.ts). Absent in a cold build:
 * then content.ts reads Astro's collections and records nothing.
 * See docs/adr/0046-incremental-rendering-and-page-dependencies.md.
 */
export const RENDER_HOOKS_KEY = Symbol.for('congso.renderHooks');

/** One entry as the collections give it: the loader's `data` (with `site`, `slug`, `text`) and its rendered body. */
export interface LiveEntry {
  section: string;
  data: Record<string, unknown>;
  html: string;
}

export interface RenderHooks {
  /** Bumped by the renderer when content changed: content.ts drops its memos and reads again. */
  generation: number;
  /** "Now" of this generation: the consultation states and the date printed beside them. */
  now: Date;
  /** Every entry in scope, in the order the collections would give them. */
  entries(): LiveEntry[];
  /** Tells the page being rendered that it used `key` (see `dependencyKey`); ignored outside a page. */
  read(key: string): void;
  /** Set by content.ts when it took its entries from `entries()`: the renderer may then render incrementally. */
  used?: boolean;
}

export function renderHooks(): RenderHooks | undefined {
  return (globalThis as Record<symbol, RenderHooks | undefined>)[RENDER_HOOKS_KEY];
}

export function installRenderHooks(hooks: RenderHooks | undefined): void {
  (globalThis as Record<symbol, RenderHooks | undefined>)[RENDER_HOOKS_KEY] = hooks;
}

/**
 * The names of what a page can depend on. The renderer computes each one's
 * digest from the entries; a page is rendered again when the digest of
 * anything it read changed.
 */
export const dependencyKey = {
  /** One entry's data, body and text. */
  entry: (site: string, section: string, slug: string) => `entry:${site}/${section}/${slug}`,
  /** Which entries a section holds and everything about them (lists, facets, feeds). */
  section: (site: string, section: string) => `section:${site}/${section}`,
  /** Which entries one page of a list shows, in which order, and its links to other pages (docs/adr/0112). */
  list: (site: string, path: string) => `list:${site}${path}`,
  /** The filter options of a section as an archive page shows them: labels, not counts (docs/adr/0112). */
  facets: (site: string, section: string) => `facets:${site}/${section}`,
  /** The latest change of one section, or of the site with `section` omitted. */
  updated: (site: string, section?: string) => (section ? `updated:${site}/${section}` : `updated:${site}`),
  /** The pairs of Vietnamese pages and their English translations (docs/adr/0023). */
  translations: (site: string) => `translations:${site}`,
  /** The build's date and the consultation states as of it (Điều 7.8). */
  time: (site: string) => `time:${site}`,
};

/** Records a read for the page being rendered, when a warm renderer listens. */
export function noteRead(key: string): void {
  renderHooks()?.read(key);
}
