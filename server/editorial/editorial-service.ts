import git from 'isomorphic-git';
import { parseFrontmatter } from '#src/content-source/frontmatter.ts';
import {
  authorizeDraftRead,
  authorizeTransition,
  type Actor,
  type EntryEvent,
  type EntryFacts,
  type WorkflowState,
} from './editorial-workflow.ts';
import {
  entryBranch,
  entryFile,
  entryId,
  liveAuthors,
  mergeChange,
  publishedRef,
  readUnpublished,
  saveOnBranch,
  type EntryKey,
  type MainChange,
  type UnpublishedEntry,
} from './content-repository/entry-store.ts';
import { EntryBranchNotFoundError } from './errors.ts';
import { MAIN, type ContentRepository, type FileWrite } from './content-repository/repository.ts';
import {
  parsePersonTrailer,
  parseTrailers,
  stepTrailers,
  TRAILER,
  type Person,
} from './content-repository/workflow-record.ts';
import { awaitLive, type PublicationGate } from './publication-gate.ts';
import { EVENT_TRAILERS } from './content-repository/workflow-record.ts';

/**
 * The editorial steps that change what is live (Điều 19, bước 3; Điều 9),
 * shared by the Decap proxy and the back office: each asks the workflow
 * first, then goes through the one publication gate (ADR 0045).
 */

export interface EditorialServiceOptions {
  repo: ContentRepository;
  gate: PublicationGate;
  /** How long a request waits for the site to go live before answering anyway. */
  liveWaitMs?: number;
}

const decoder = new TextDecoder();

export function person(actor: Actor): Person {
  return { username: actor.username, name: actor.name };
}

/**
 * Whether a draft is marked as a state secret. Front matter that cannot be
 * read is 'unreadable': it is shown to no one extra (fail closed), while its
 * publication is refused by the gate with the real problem.
 */
export function secrecyOf(raw: string | null): 'secret' | 'open' | 'unreadable' {
  if (raw === null) return 'open';
  try {
    return parseFrontmatter(raw).data.stateSecret === true ? 'secret' : 'open';
  } catch {
    return 'unreadable';
  }
}

/** Refs of urgent publications waiting for their review: `refs/congso/urgent/<site>/<section>/<slug>`. */
const URGENT_PREFIX = 'refs/congso/urgent';
const urgentRef = (key: EntryKey) => `${URGENT_PREFIX}/${entryId(key)}`;

export interface UrgentPublication {
  key: EntryKey;
  commit: string;
  by: Person;
  reason: string;
  at: string;
}

/** Files of the site that belong to an entry: its own folder of attachments (ADR 0021). */
export function ownFilesPrefix(key: EntryKey): string {
  return `content/${key.site}/tep/${key.section}/${key.slug}/`;
}

export function createEditorialService(options: EditorialServiceOptions) {
  const { repo, gate } = options;
  const liveWaitMs = options.liveWaitMs ?? 0;

  async function readText(ref: string, path: string): Promise<string | null> {
    const file = await repo.readFile(ref, path);
    return file ? decoder.decode(file.bytes) : null;
  }

  async function readUrgent(key: EntryKey): Promise<UrgentPublication | null> {
    let oid: string;
    try {
      oid = await git.resolveRef({ ...repo.store, ref: urgentRef(key) });
    } catch {
      return null;
    }
    const commit = await repo.readCommit(oid);
    const t = parseTrailers(commit.message);
    const by = t.get(EVENT_TRAILERS['publish-urgently'])?.[0];
    return {
      key,
      commit: oid,
      by: by ? parsePersonTrailer(by) : { username: '', name: '' },
      reason: t.get(TRAILER.urgentReason)?.[0] ?? '',
      at: new Date(commit.author.timestamp * 1000).toISOString(),
    };
  }

  /**
   * What the workflow needs to know of an entry: its draft if one is open, else what is live.
   * `changes: false` for lists, which do not need the files the draft changes.
   */
  async function factsOf(
    key: EntryKey,
    options: { changes?: boolean } = {},
  ): Promise<{ facts: EntryFacts; unpublished: UnpublishedEntry | null; readFacts: EntryFacts }> {
    const unpublished = await readUnpublished(repo, key, options);
    if (unpublished) {
      const secrecy = secrecyOf(await readText(unpublished.head, entryFile(key)));
      const facts: EntryFacts = {
        ...key,
        state: unpublished.state,
        owners: unpublished.owners,
        authors: unpublished.authors,
        verifiedBy: unpublished.verifiedBy,
        stateSecret: secrecy === 'secret',
      };
      return { facts, unpublished, readFacts: { ...facts, stateSecret: secrecy !== 'open' } };
    }
    const facts = await liveFacts(key);
    return { facts, unpublished: null, readFacts: facts };
  }

  /** The live version, whether or not someone has a draft of it open: unpublish and delete act on it. */
  async function liveFacts(key: EntryKey): Promise<EntryFacts> {
    const live = await readText(MAIN, entryFile(key));
    if (live === null) return { ...key, state: null, owners: [], stateSecret: false };
    const [urgent, authors] = await Promise.all([readUrgent(key), liveAuthors(repo, key)]);
    return {
      ...key,
      state: 'published',
      owners: authors,
      authors,
      stateSecret: false,
      urgentBy: urgent?.by.username ?? null,
    };
  }

  /** The entry file and its own attachments as they are on main. */
  async function liveFiles(key: EntryKey): Promise<Array<{ path: string; bytes: Uint8Array }>> {
    const files: Array<{ path: string; bytes: Uint8Array }> = [];
    const entry = await repo.readFile(MAIN, entryFile(key));
    if (entry) files.push({ path: entryFile(key), bytes: entry.bytes });
    const own = ownFilesPrefix(key).replace(/\/$/, '');
    for (const f of await repo.listFolder(MAIN, own, 5))
      files.push({ path: f.path, bytes: await repo.readBlob(f.blob) });
    return files;
  }

  async function takeDown(actor: Actor, key: EntryKey, event: 'unpublish' | 'delete', summary: string) {
    return repo.transaction(async () => {
      const facts = await liveFacts(key);
      authorizeTransition(actor, event, facts);
      const files = await liveFiles(key);
      const hadDraft = (await repo.resolve(entryBranch(key))) !== null;
      const change: MainChange = {
        site: key.site,
        entry: key,
        files: files.map((f) => ({ path: f.path, content: null })),
        by: person(actor),
        summary,
        trailers: stepTrailers(entryId(key), event, event === 'unpublish' ? 'draft' : null, person(actor)),
        afterCommit: async () => {
          await clearUrgent(key);
          await git.deleteRef({ ...repo.store, ref: publishedRef(key) }).catch(() => undefined);
          // An unpublished entry comes back as a draft to be corrected, unless someone's draft of it is already open.
          if (event === 'unpublish' && !hadDraft) {
            await saveOnBranch(repo, {
              key,
              files: files.map((f): FileWrite => ({ path: f.path, content: f.bytes })),
              by: person(actor),
              event: 'unpublish',
              state: 'draft',
              summary,
            });
          }
        },
      };
      return gate.apply(change);
    });
  }

  async function clearUrgent(key: EntryKey) {
    await git.deleteRef({ ...repo.store, ref: urgentRef(key) }).catch(() => undefined);
  }

  return {
    factsOf,
    readUrgent,

    /** Throws unless the actor may read this unpublished entry (section, state secret). */
    async assertMayRead(actor: Actor, key: EntryKey): Promise<UnpublishedEntry> {
      const { readFacts, unpublished } = await factsOf(key);
      if (!unpublished) throw new EntryBranchNotFoundError({ branch: entryBranch(key) });
      authorizeDraftRead(actor, readFacts);
      return unpublished;
    },

    /** Step 3 (Điều 19): by the head or a delegate, who is not the verifier of this revision. */
    async publish(actor: Actor, key: EntryKey): Promise<string> {
      const applied = await repo.transaction(async () => {
        const { facts, unpublished } = await factsOf(key);
        if (!unpublished) throw new EntryBranchNotFoundError({ branch: entryBranch(key) });
        authorizeTransition(actor, 'publish', facts);
        return gate.apply(
          await mergeChange(repo, key, person(actor), `Đăng tải: ${entryId(key)}`, { event: 'publish' }),
        );
      });
      await awaitLive(applied, key.site, liveWaitMs);
      return applied.commit;
    },

    /** Điều 9 urgent news by the head alone, with a written reason, reviewed afterwards (ADR 0044). */
    async publishUrgently(actor: Actor, key: EntryKey, reason: string): Promise<string> {
      const text = reason.normalize('NFC').trim();
      const applied = await repo.transaction(async () => {
        const { facts, unpublished } = await factsOf(key);
        if (!unpublished) throw new EntryBranchNotFoundError({ branch: entryBranch(key) });
        authorizeTransition(actor, 'publish-urgently', facts, { reason: text });
        const change = await mergeChange(repo, key, person(actor), `Đăng tải khẩn: ${entryId(key)}`, {
          event: 'publish-urgently',
          extraTrailers: [[TRAILER.urgentReason, text]],
        });
        const merged = change.afterCommit;
        return gate.apply({
          ...change,
          afterCommit: async (commit) => {
            await merged?.(commit);
            await git.writeRef({ ...repo.store, ref: urgentRef(key), value: commit, force: true });
          },
        });
      });
      await awaitLive(applied, key.site, liveWaitMs);
      return applied.commit;
    },

    /** A second person has read the urgent publication: it leaves the compliance dashboard. */
    async reviewUrgent(actor: Actor, key: EntryKey): Promise<string> {
      return repo.transaction(async () => {
        const facts = await liveFacts(key);
        authorizeTransition(actor, 'review-urgent', facts);
        const urgent = (await readUrgent(key))!;
        const applied = await gate.apply({
          site: key.site,
          entry: key,
          files: [],
          by: person(actor),
          summary: `Rà soát bài đăng khẩn: ${entryId(key)}`,
          trailers: [
            ...stepTrailers(entryId(key), 'review-urgent', 'published', person(actor)),
            [TRAILER.reviews, urgent.commit],
          ],
          afterCommit: () => clearUrgent(key),
        });
        return applied.commit;
      });
    },

    async unpublish(actor: Actor, key: EntryKey): Promise<string> {
      const applied = await takeDown(actor, key, 'unpublish', `Gỡ bài khỏi Website: ${entryId(key)}`);
      await awaitLive(applied, key.site, liveWaitMs);
      return applied.commit;
    },

    async deletePublished(actor: Actor, key: EntryKey, summary: string): Promise<string> {
      const applied = await takeDown(actor, key, 'delete', summary);
      await awaitLive(applied, key.site, liveWaitMs);
      return applied.commit;
    },

    /** Urgent publications of a site still waiting for a second person's review. */
    async pendingUrgent(site: string): Promise<UrgentPublication[]> {
      const refs = await git
        .listRefs({ ...repo.store, filepath: `${URGENT_PREFIX}/${site}` })
        .catch(() => [] as string[]);
      const out: UrgentPublication[] = [];
      for (const ref of refs) {
        const [section, slug] = ref.split('/');
        if (!section || !slug) continue;
        const found = await readUrgent({ site, section: section as EntryKey['section'], slug });
        if (found) out.push(found);
      }
      return out;
    },

    /** Any change of main that is not an entry's step (files of the site, answered questions). */
    async applyToMain(change: MainChange): Promise<string> {
      const applied = await gate.apply(change);
      await awaitLive(applied, change.site, liveWaitMs);
      return applied.commit;
    },
  };
}

export type EditorialService = ReturnType<typeof createEditorialService>;
export type { EntryEvent, WorkflowState };
