import type { ContentProblem } from '#src/content-source/problems.ts';
import { folderOfKey, type ReadingOptions, type TextsRead } from '#src/content-source/read-files.ts';
import { noteMainWrite, writtenUnder } from '#src/content-source/main-writes.ts';
import { checkContent } from '#src/checks/content-checks.ts';
import { ENTRY_MEMO_KEY, type EntryMemo } from '#src/content-source/entries.ts';
import { entryCacheFile, loadEntryCache } from '#src/build/entry-cache.ts';
import { commitMainChange, type MainChange } from './content-repository/entry-store.ts';
import { MAIN, type ContentRepository } from './content-repository/repository.ts';
import { systemClock, type Clock } from '#server/platform/clock.ts';
import { keptOverlays, readBySite, writtenPaths } from './content-overlay.ts';
import { checkMainChange } from './media-rules.ts';
import { PublicationRejectedError, SiteNotLiveError } from './errors.ts';
import type { PublishOutcome, PublishQueue } from './publish-queue.ts';

/**
 * The one way to change `main` (ADR 0045): publish, unpublish, delete, files,
 * answered questions and urgent publications all come here. Under the
 * repository lock the change is checked exactly as the build checks the
 * site; a change that would add a problem is refused and nothing is written.
 * Then it is committed and the site's rebuild is queued, so what is on
 * `main` is what goes live. Problems already on `main` do not block another
 * entry's publication: the publication build leaves broken entries out and
 * names them.
 */

/**
 * Problems of one site as the build sees them, from a folder holding `sites/` and `content/`; `reading` hands over
 * the texts known unchanged and collects those read (docs/adr/0115).
 */
export type CheckSite = (root: string, site: string, reading?: ReadingOptions) => Promise<ContentProblem[]>;

/** The process's parse memo, shared with the checks through globalThis like the build's (src/content-source/entries.ts). */
function entryMemo(): EntryMemo {
  return ((globalThis as Record<symbol, EntryMemo | undefined>)[ENTRY_MEMO_KEY] ??= new Map());
}

export const checkSiteAsBuild: CheckSite = async (root, site, reading) => {
  // Parsing is a pure function of an entry's source: kept by file and source, a publication re-parses only what it changed
  // instead of every entry of the site, twice (docs/adr/0046: the check was a fifth of publish → live).
  entryMemo();
  return (await checkContent(root, [site], reading)).problems;
};

export interface PublicationGateOptions {
  repo: ContentRepository;
  /** The server's one rebuild queue; absent in tests that only look at git. */
  queue?: PublishQueue;
  check?: CheckSite;
  clock?: Clock;
  /** Where the renderers keep each site's parsed entries (docs/adr/0118): `warm` starts from them instead of parsing. */
  entryCacheDir?: string;
}

interface MainChecked {
  commit: string;
  /** Its problems (`problemKey`). */
  keys: Set<string>;
  /** The texts of the site's files at `commit`, by path (docs/adr/0115). */
  texts: TextsRead;
  /** Its section folders as loaded at `commit`: a change's check loads again only those it writes under (docs/adr/0123). */
  folders: ReadonlyMap<string, unknown>;
}

export interface Applied {
  commit: string;
  /** Resolves when the rebuild that includes this change has finished (or at once without a queue). */
  live: Promise<PublishOutcome | null>;
}

/** Line numbers move when text above them changes; a problem is the same problem without them. */
const problemKey = (p: ContentProblem) => `${p.file}|${p.kind ?? ''}|${p.field ?? ''}|${p.message}`;

export function createPublicationGate(options: PublicationGateOptions) {
  const { repo } = options;
  const check = options.check ?? checkSiteAsBuild;
  const clock = options.clock ?? systemClock;
  // Main as it stands, per site: its problems and the texts of its files at `commit`, reused by the next publications.
  const known = new Map<string, MainChecked>();
  // Main as it would be after a change, one folder per site kept between publications (docs/adr/0113).
  const overlays = keptOverlays();

  async function mainChecked(site: string): Promise<MainChecked> {
    const commit = (await repo.resolve(MAIN)) ?? '';
    const cached = known.get(site);
    if (cached?.commit === commit) return cached;
    const texts: TextsRead = new Map();
    const folders = new Map<string, unknown>();
    const keys = new Set((await check(repo.dir, site, { read: texts, loaded: folders })).map(problemKey));
    const checked = { commit, keys, texts, folders };
    known.set(site, checked);
    return checked;
  }

  /**
   * `change` was committed over `from` as `to`: the site it was checked for is known as checked, and another site
   * it wrote nothing of is unchanged by it. The texts of the written paths, and the folders they are in, are read
   * again next time, from the repository's own files (docs/adr/0115, 0123).
   */
  function advance(
    site: string,
    from: string,
    to: string,
    change: MainChange,
    after: ContentProblem[],
    before: MainChecked,
    read: TextsRead,
    folders: ReadonlyMap<string, unknown>,
  ) {
    const written = writtenPaths(change.files);
    // The check read only the folders the change wrote under: main's other texts stand (docs/adr/0123).
    const texts = before.texts;
    for (const [p, text] of read) texts.set(p, text);
    for (const p of written) texts.delete(p);
    // Likewise the folders they are in, loaded again from the repository's files (docs/adr/0123).
    const kept = new Map([...folders].filter(([key]) => !writtenUnder(written, folderOfKey(key))));
    known.set(site, { commit: to, keys: new Set(after.map(problemKey)), texts, folders: kept });
    for (const [other, state] of known) {
      if (other === site || state.commit !== from) continue;
      if ([...written].some((p) => readBySite(other, p))) known.delete(other);
      else state.commit = to;
    }
  }

  return {
    /**
     * Parses every entry of these sites once, so that the first publication after a start checks them from the
     * parse memo instead of parsing a large site while the editor waits (docs/adr/0113). Nothing is recorded:
     * the memo is keyed by each file's text, right whatever changes meanwhile.
     */
    async warm(sites: readonly string[]): Promise<void> {
      for (const site of sites) {
        if (options.entryCacheDir) {
          // The renderers' kept parses (docs/adr/0118): each is used only for the same source, under the same code.
          const memo = entryMemo();
          for (const [file, parsed] of await loadEntryCache(entryCacheFile(options.entryCacheDir, site)))
            if (file.startsWith(`content/${site}/`) && !memo.has(file)) memo.set(file, parsed);
        }
        await check(repo.dir, site);
      }
    },
    /** Checks and commits `change` to main, then queues the site's rebuild. Throws without writing anything if the check fails. */
    async apply(change: MainChange): Promise<Applied> {
      const commit = await repo.transaction(async () => {
        // Files are data (ADR 0021): an allowed kind by their bytes, used by the entry, nobody else's.
        await checkMainChange(repo, change);
        if (!change.retiresSite) {
          const before = await mainChecked(change.site);
          const main = before.commit;
          // The overlay is main plus the change: only the paths the change writes are read from disk (docs/adr/0115).
          const written = writtenPaths(change.files);
          const texts: TextsRead = new Map();
          const folders = new Map<string, unknown>();
          const after = await overlays.check(repo.dir, change.site, main, change.files, (overlay) =>
            check(overlay, change.site, {
              unchanged: (rel) => (written.has(rel) ? undefined : before.texts.get(rel)),
              read: texts,
              // The overlay holds main's files but for those the change writes: its other folders load as main's did.
              folders: before.folders,
              unchangedFolder: (dir) => !writtenUnder(written, dir),
              loaded: folders,
            }),
          );
          const introduced = after.filter((p) => !before.keys.has(problemKey(p)));
          if (introduced.length) throw new PublicationRejectedError({ site: change.site, problems: introduced });
          const committed = await commitMainChange(repo, change, { indexLater: true });
          noteMainWrite({
            from: main,
            to: committed,
            paths: [...written],
            // Only the build's own check stands for the renderer's (a test may give the gate another).
            ...(check === checkSiteAsBuild ? { checked: { site: change.site, problems: after } } : {}),
          });
          await overlays.committed(repo.dir, main, committed, change.files);
          // The site as checked is main as committed: the next publication need not check it again.
          advance(change.site, main, committed, change, after, before, texts, folders);
          return committed;
        }
        const main = (await repo.resolve(MAIN)) ?? '';
        const committed = await commitMainChange(repo, change, { indexLater: true });
        noteMainWrite({ from: main, to: committed, paths: [...writtenPaths(change.files)] });
        return committed;
      });
      const publishedAt = clock();
      const live =
        options.queue && !change.retiresSite
          ? options.queue.enqueue({
              site: change.site,
              section: change.entry?.section ?? '',
              slug: change.entry?.slug ?? '',
              commit,
              by: change.by,
              publishedAt,
            })
          : Promise.resolve(null);
      // Git's index follows the checkout while the renderer works, and before the change is answered: nothing
      // writes into the repository after `apply` returns (docs/adr/0115).
      await repo.indexed();
      return { commit, live };
    },
  };
}

export type PublicationGate = ReturnType<typeof createPublicationGate>;

/**
 * Waits up to `ms` for the site to go live, so a failed rebuild reaches the
 * person who published; after that the answer goes back anyway and the
 * rebuild finishes on its own.
 */
export async function awaitLive(applied: Applied, site: string, ms: number): Promise<void> {
  if (ms <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([applied.live, new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)))]);
  clearTimeout(timer);
  if (outcome && !outcome.ok)
    throw new SiteNotLiveError({ site, commit: applied.commit, code: outcome.error?.code ?? 'E_BUILD_FAILED' });
}
