import path from 'node:path';
import type { Loader } from 'astro/loaders';
import type { SectionId } from '../schema/sections.ts';
import { ENTRY_EXTENSIONS, isExcludedEntry, parseEntry } from './entries.ts';
import { loadDepartments } from './departments.ts';
import { ContentInvalidError, type ContentProblem } from './problems.ts';
import { buildScopeFromEnv } from '../build/build-scope.ts';
import { readdir } from 'node:fs/promises';
import { readTextFiles } from './read-files.ts';

/**
 * Astro content loader for one Điều 7 section across the sites in scope.
 * Entry ids are `<site>/<slug>`. Unchanged files (same digest) are not
 * parsed again, which keeps rebuilds after one publication fast.
 */
/** Nine collections load in one build: read the site files once, not once per collection. */
const departmentsByRoot = new Map<string, ReturnType<typeof loadDepartments>>();
function departmentsOnce(root: string): ReturnType<typeof loadDepartments> {
  let found = departmentsByRoot.get(root);
  if (!found) departmentsByRoot.set(root, (found = loadDepartments(root)));
  return found;
}

/**
 * Astro keeps no empty collection: `getCollection` on a section without entries warns that the collection "does not
 * exist or is empty", on every build of a site without answered questions, information lists or English pages, which
 * is normal: only the eight sections of Điều 7 must have entries (src/schema/sections.ts). So each section's collection always holds this one entry,
 * which is no page: the section was loaded. Entry ids are `<site>/<slug>`; this one has no slash and meets none.
 * `src/content.ts` reads past it (`isSectionEntry`).
 */
export const SECTION_LOADED_ID = 'muc-da-nap';

/** A real entry of the collection, not the mark that the section was loaded. */
export const isSectionEntry = (entry: { id: string }): boolean => entry.id !== SECTION_LOADED_ID;

export function sectionLoader(section: SectionId): Loader {
  return {
    name: `congso-section-${section}`,
    async load({ store, generateDigest, logger }) {
      const scope = buildScopeFromEnv();
      const departments = await departmentsOnce(scope.contentRoot);
      const sites = departments.map((d) => d.id).filter((id) => scope.sites.length === 0 || scope.sites.includes(id));
      const problems: ContentProblem[] = [];
      const seen = new Set<string>();
      for (const site of sites) {
        const rel = `content/${site}/${section}`;
        let names: string[] = [];
        try {
          names = await readdir(path.join(scope.contentRoot, rel));
        } catch {
          names = [];
        }
        const entryNames = names.filter((n) => ENTRY_EXTENSIONS.includes(path.extname(n)));
        const sources = await readTextFiles(
          scope.contentRoot,
          entryNames.map((name) => `${rel}/${name}`),
        );
        for (const [i, name] of entryNames.entries()) {
          const file = `${rel}/${name}`;
          const source = sources[i];
          if (source === null || source === undefined || isExcludedEntry(file)) continue;
          const id = `${site}/${name.replace(/\.mdx?$/, '')}`;
          seen.add(id);
          const digest = generateDigest(source);
          if (store.get(id)?.digest === digest) continue;
          const { value, problems: found } = parseEntry(site, section, file, source);
          problems.push(...found);
          if (!value) continue;
          store.set({
            id,
            data: { ...value.data, site, slug: value.slug, text: value.text },
            rendered: { html: value.html },
            digest,
            filePath: file,
          });
        }
      }
      seen.add(SECTION_LOADED_ID);
      store.set({ id: SECTION_LOADED_ID, data: { section }, digest: section });
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      if (problems.length) {
        const error = new ContentInvalidError(problems);
        logger.error(error.message);
        throw error;
      }
    },
  };
}
