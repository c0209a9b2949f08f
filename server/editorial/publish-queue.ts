import { systemClock, type Clock } from '#server/platform/clock.ts';

/**
 * Publish → live (Điều 19, bước 3: "sau khi đăng tải thông tin sẽ được đưa
 * lên Website"). Each publication asks for a rebuild of its department's
 * site only. Builds of one site never overlap: publications arriving while
 * a build runs wait and are all served by the next single build
 * (coalescing), so ten quick publications cost two builds, not ten. Sites
 * build independently of each other. The build swaps its output in
 * atomically; if it fails, the old site stays live and the outcome says so.
 */

/** What a rebuild left out: entries that failed the check, named with why (ADR 0045). */
export interface BuildReport {
  excluded: Array<{ file: string; message: string; line?: number; field?: string; kind?: string }>;
}

/** Rebuilds one site and puts it live, or throws leaving the old one live. */
// biome-ignore lint/suspicious/noConfusingVoidType: a builder may report nothing (the tests' and the bench's)
export type BuildOneSite = (site: string, triggeredBy?: string) => Promise<BuildReport | void>;

export interface Publication {
  site: string;
  section: string;
  slug: string;
  commit: string;
  by: { username: string; name: string };
  /** When the entry reached main (ms since the epoch). */
  publishedAt: number;
}

export interface PublishOutcome {
  publication: Publication;
  ok: boolean;
  /** When the rebuilt site went live; null when the build failed. */
  liveAt: number | null;
  /** Publish-to-live time in ms (to the end of the build, failed or not). */
  publishToLiveMs: number;
  /** How many publications the build served. */
  coalesced: number;
  error?: { code: string; message: string };
  /** Entries the rebuild left out because they failed the check. */
  excluded: BuildReport['excluded'];
}

export interface PublishQueueOptions {
  build: BuildOneSite;
  clock?: Clock;
  /** Called once per failed build with the outcomes it failed: notify the publishers and the IT officer. */
  onFailure?: (outcomes: PublishOutcome[]) => void;
  /** Called when a rebuild went live without some entries: name them to the head and the IT officer. */
  onExcluded?: (site: string, excluded: BuildReport['excluded']) => void;
  /** Outcomes kept per site for the back-office. */
  keep?: number;
  /**
   * Held around each build of a site: with several server processes, the
   * storage's named lock `build:<site>`, so two never build one site at once
   * (docs/adr/0102). A build that waited still includes every publication
   * it was asked for: it reads `main` when it starts.
   */
  siteLock?: <T>(site: string, build: () => Promise<T>) => Promise<T>;
  /** Called with every outcome, as it is known: the publication log line and the metrics (docs/adr/0105). */
  onOutcome?: (outcome: PublishOutcome) => void;
}

export interface PublishQueue {
  /** Resolves when a build that includes this publication has finished. */
  enqueue(publication: Publication): Promise<PublishOutcome>;
  /** Latest outcomes of a site, newest first. */
  recent(site: string): PublishOutcome[];
  isBuilding(site: string): boolean;
  /** Resolves when no site is building or waiting. */
  idle(): Promise<void>;
  /** Publications waiting for a build, per site with any. */
  waiting(): Record<string, number>;
}

interface SiteLane {
  running: Promise<void> | null;
  waiting: Array<{ publication: Publication; resolve: (o: PublishOutcome) => void }>;
  recent: PublishOutcome[];
}

function describe(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : 'E_BUILD_FAILED',
    message: String(e?.message ?? error).slice(0, 2000),
  };
}

export function createPublishQueue(options: PublishQueueOptions): PublishQueue {
  const clock = options.clock ?? systemClock;
  const keep = options.keep ?? 50;
  const lanes = new Map<string, SiteLane>();
  const lane = (site: string) => {
    let l = lanes.get(site);
    if (!l) lanes.set(site, (l = { running: null, waiting: [], recent: [] }));
    return l;
  };

  async function drain(site: string, l: SiteLane): Promise<void> {
    while (l.waiting.length > 0) {
      const batch = l.waiting.splice(0);
      let error: unknown = null;
      let excluded: BuildReport['excluded'] = [];
      try {
        const build = () => options.build(site, `publish:${batch.map((b) => b.publication.by.username).join(',')}`);
        excluded = (await (options.siteLock ? options.siteLock(site, build) : build()))?.excluded ?? [];
      } catch (e) {
        error = e ?? new Error('build failed');
      }
      const end = clock();
      const outcomes = batch.map(({ publication }) => ({
        publication,
        ok: error === null,
        liveAt: error === null ? end : null,
        publishToLiveMs: end - publication.publishedAt,
        coalesced: batch.length,
        excluded,
        ...(error === null ? {} : { error: describe(error) }),
      }));
      if (excluded.length) {
        try {
          options.onExcluded?.(site, excluded);
        } catch {
          // A failing notifier must not stop later builds.
        }
      }
      l.recent = [...outcomes.slice().reverse(), ...l.recent].slice(0, keep);
      if (error !== null) {
        try {
          options.onFailure?.(outcomes);
        } catch {
          // A failing notifier must not stop later builds.
        }
      }
      for (const outcome of outcomes) {
        try {
          options.onOutcome?.(outcome);
        } catch {
          // A failing log line must not stop later builds.
        }
      }
      for (const [i, { resolve }] of batch.entries()) resolve(outcomes[i]!);
    }
  }

  function start(site: string, l: SiteLane): void {
    if (l.running) return;
    l.running = drain(site, l).finally(() => {
      l.running = null;
      // A publication may have arrived between the last check and now.
      if (l.waiting.length > 0) start(site, l);
    });
  }

  return {
    enqueue(publication) {
      const l = lane(publication.site);
      const done = new Promise<PublishOutcome>((resolve) => l.waiting.push({ publication, resolve }));
      start(publication.site, l);
      return done;
    },
    recent: (site) => [...(lanes.get(site)?.recent ?? [])],
    isBuilding: (site) => lanes.get(site)?.running != null,
    waiting: () =>
      Object.fromEntries(
        [...lanes].filter(([, l]) => l.waiting.length > 0).map(([site, l]) => [site, l.waiting.length]),
      ),
    async idle() {
      for (;;) {
        const running = [...lanes.values()].map((l) => l.running).filter((p): p is Promise<void> => p !== null);
        if (running.length === 0) return;
        await Promise.all(running);
      }
    },
  };
}
