import { fileURLToPath } from 'node:url';
import { openContentRepository, type ContentRepository } from './content-repository/repository.ts';
import { createDecapProxy, type DecapProxy } from './decap-proxy/handlers.ts';
import { createPublicationGate, type PublicationGate } from './publication-gate.ts';
import { createPublishQueue, type BuildOneSite, type PublishQueue } from './publish-queue.ts';
import { createEditorialService, type EditorialService } from './editorial-service.ts';
import { log } from '#server/platform/observability/log.ts';
import type { DraftRenderer } from './publish-queue-build.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface EditorialOptions {
  /** The content repository; opened (and created from the sample) on first use otherwise. */
  repo?: ContentRepository | Promise<ContentRepository>;
  /** Where a new content repository is created: CONGSO_CONTENT_REPO or ./data/content. */
  repoDir?: string;
  /** Rebuilds one site after a publication; none (nothing rebuilt) by default. */
  build?: BuildOneSite;
  /** How long the publish request waits for the site to go live before answering anyway. */
  liveWaitMs?: number;
  /** The server's one rebuild queue; built from `build` otherwise. */
  queue?: PublishQueue;
  /** The one way to change main (ADR 0045); built from `repo` and `queue` otherwise. */
  gate?: PublicationGate;
  /** Draws a draft as its page through the publish queue's renderers (docs/adr/0106); none: previews say so. */
  renderDraft?: DraftRenderer;
  /** Warms a site's renderer while its board works in the CMS (docs/adr/0116); nothing by default. */
  boardAtWork?: (site: string) => void;
}

/** Everything editorial the server runs, made once per server and shared by Decap, the back office and the Q&A publisher. */
export interface Editorial {
  repo: ContentRepository;
  queue: PublishQueue;
  gate: PublicationGate;
  service: EditorialService;
  proxy: DecapProxy;
  renderDraft?: DraftRenderer;
}

/** Opened on first use: a server that never edits content never creates the content repository. */
export function editorialRuntime(settings: EditorialOptions = {}): () => Promise<Editorial> {
  let opened: Promise<Editorial> | null = null;
  return () =>
    (opened ??= (async () => {
      const repo = await (settings.repo ?? openContentRepository({ dir: settings.repoDir, seedFrom: PROJECT_ROOT }));
      const queue =
        settings.queue ??
        createPublishQueue({
          build: settings.build ?? (async () => undefined),
          onFailure: (outcomes) =>
            log.error('publication-build-failed', { site: outcomes[0]?.publication.site, error: outcomes[0]?.error }),
        });
      const gate = settings.gate ?? createPublicationGate({ repo, queue });
      const service = createEditorialService({ repo, gate, liveWaitMs: settings.liveWaitMs ?? 20_000 });
      const proxy = createDecapProxy({ repo, gate, editorial: service, boardAtWork: settings.boardAtWork });
      return { repo, queue, gate, service, proxy, renderDraft: settings.renderDraft };
    })());
}
