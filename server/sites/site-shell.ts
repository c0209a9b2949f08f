import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The department site's own look around server-rendered pages (confirmation,
 * look-up, forms with errors). The site build emits `dist/<site>/khung-dich-vu/index.html`
 * (src/pages/[site]/khung-dich-vu.astro) with `%%congso:title%%` in the page name and `<!--congso:main-->` where
 * the main content goes; we fill both. Without a built shell (a fresh
 * checkout, tests) a minimal page of our own stands in.
 */
export const SHELL_MAIN = '<!--congso:main-->';
export const SHELL_TITLE = '%%congso:title%%';

export interface ShellSource {
  /** The shell's HTML for a site, or null when none is built. */
  read(siteId: string): Promise<string | null>;
}

const SITE_ID = /^[a-z0-9-]+$/;

export function shellFromDist(distDir: string): ShellSource {
  const cache = new Map<string, { mtimeMs: number; html: string }>();
  return {
    async read(siteId) {
      if (!SITE_ID.test(siteId)) return null;
      const file = path.join(path.resolve(distDir), siteId, 'khung-dich-vu', 'index.html');
      try {
        const { mtimeMs } = await stat(file);
        const hit = cache.get(siteId);
        if (hit && hit.mtimeMs === mtimeMs) return hit.html;
        const html = await readFile(file, 'utf8');
        if (!html.includes(SHELL_MAIN)) return null;
        cache.set(siteId, { mtimeMs, html });
        return html;
      } catch {
        return null;
      }
    },
  };
}

/** `title` and `main` are already escaped HTML. A function replacement, so `$&` in a citizen's text stays literal. */
export function fillShell(shell: string, title: string, main: string): string {
  return shell.replaceAll(SHELL_TITLE, () => title).replace(SHELL_MAIN, () => main);
}
