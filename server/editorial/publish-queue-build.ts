import { buildSites } from '#src/build/build-sites.ts';
import type { BuildOneSite } from './publish-queue.ts';

/**
 * The publish queue's builder: the build CLI's function for one site, reading
 * the content repository's checkout of `main` and swapping `dist/<site>` in
 * atomically (src/build/publish-site.ts). One worker: a publication changes
 * one site, and the others keep serving. In publication mode an entry that
 * fails the check is left out and named, so one broken entry never stops the
 * department's other publications (ADR 0045).
 */
export function siteBuilder(options: { contentRoot: string; outDir: string; workDir?: string }): BuildOneSite {
  return async function buildOneSite(site: string, triggeredBy?: string) {
    const result = await buildSites({
      contentRoot: options.contentRoot,
      outDir: options.outDir,
      workDir: options.workDir,
      sites: [site],
      workers: 1,
      excludeInvalidEntries: true,
      ...(triggeredBy ? { triggeredBy } : {}),
    });
    return { excluded: result.sites.flatMap((s) => s.excluded) };
  };
}
