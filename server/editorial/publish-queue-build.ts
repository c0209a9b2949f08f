import { appendBuildRecord } from '#src/build/build-history.ts';
import { createWarmRenderers } from '#src/build/warm-renderers.ts';
import type { DraftRender } from '#src/build/worker-protocol.ts';
import type { BuildOneSite } from './publish-queue.ts';

/**
 * The publish queue's builder: a warm renderer per publishing site
 * (src/build/warm-renderers.ts, docs/adr/0047) reads the content
 * repository's checkout of `main`, renders what the change touched
 * (docs/adr/0046) and swaps `dist/<site>` in atomically
 * (src/build/publish-site.ts). Publication, unpublication and deletion all
 * come here. In publication mode an entry that fails the check is left out
 * and named, so one broken entry never stops the department's other
 * publications (ADR 0045). Cold `npm run build` is unchanged.
 */
export type SiteBuilder = BuildOneSite & {
  renderDraft: DraftRenderer;
  /**
   * Starts the site's renderer in the background if it has none, by putting what is live on `main` live again
   * (a full build, which changes nothing a citizen sees): the board is at work, and its publication should not
   * wait for that build (docs/adr/0116).
   */
  warm(site: string): void;
  /** Rewrites the site's search index parts now instead of shortly after (docs/adr/0110). */
  settle(site: string): Promise<void>;
  close(): Promise<void>;
};

/** One draft's page by the site's own code, through the same renderers (docs/adr/0106). */
export type DraftRenderer = (site: string, file: string, text: string) => Promise<DraftRender>;

export function siteBuilder(options: {
  contentRoot: string;
  outDir: string;
  workDir?: string;
  max?: number;
  idleMs?: number;
  entryCacheDir?: string;
}): SiteBuilder {
  const renderers = createWarmRenderers(options);
  const buildOneSite = async (site: string, triggeredBy?: string) => {
    const started = Date.now();
    const by = triggeredBy ?? 'publish';
    try {
      const result = await renderers.publish(site);
      await appendBuildRecord(options.outDir, {
        site,
        at: result.builtAt,
        triggeredBy: by,
        durationMs: result.totalMs,
        pages: result.pages,
        entries: result.entries,
        commit: result.commit,
        result: 'success',
        ...(result.excluded.length ? { excluded: result.excluded } : {}),
      });
      return { excluded: result.excluded };
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'BUILD_FAILED';
      await appendBuildRecord(options.outDir, {
        site,
        at: new Date().toISOString(),
        triggeredBy: by,
        durationMs: Date.now() - started,
        pages: null,
        entries: null,
        result: 'failure',
        errorCode: code,
      }).catch(() => {});
      throw error;
    }
  };
  const renderDraft: DraftRenderer = async (site, file, text) => {
    // A site with no renderer warms one by publishing what is live (harmless), recorded as any build is.
    if (!renderers.running().includes(site)) await buildOneSite(site, 'draft-preview');
    return renderers.renderDraft(site, file, text);
  };
  const warming = new Set<string>();
  const warm = (site: string) => {
    if (!renderers.keeps || warming.has(site) || renderers.running().includes(site)) return;
    warming.add(site);
    buildOneSite(site, 'warm-up')
      .catch(() => undefined)
      .finally(() => warming.delete(site));
  };
  return Object.assign(buildOneSite, {
    renderDraft,
    warm,
    settle: (site: string) => renderers.settle(site),
    close: () => renderers.close(),
  });
}
