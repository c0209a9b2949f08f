import git from 'isomorphic-git';
import type { SectionId } from '#src/schema/sections.ts';
import type { EntryEvent, WorkflowState } from '../editorial-workflow.ts';
import { EntryBranchNotFoundError } from '../errors.ts';
import { MAIN, type ContentRepository, type FileWrite } from './repository.ts';
import type { TreeDiff } from './trees.ts';
import {
  EVENT_TRAILERS,
  formatMessage,
  parsePersonTrailer,
  parseTrailers,
  personTrailer,
  stepTrailers,
  TRAILER,
  type Person,
  type Trailers,
  type WorkflowStep,
} from './workflow-record.ts';

/**
 * Entries under the editorial workflow: each unpublished entry is a branch
 * `cms/<site>/<section>/<slug>` whose commits carry its state and steps as
 * trailers; publishing merges the entry's own files into `main`.
 */

export interface EntryKey {
  site: string;
  section: SectionId;
  slug: string;
}

export const entryId = (k: EntryKey) => `${k.site}/${k.section}/${k.slug}`;
export const entryBranch = (k: EntryKey) => `cms/${entryId(k)}`;
export const entryFile = (k: EntryKey) => `content/${k.site}/${k.section}/${k.slug}.mdx`;

export function keyFromBranch(branch: string): EntryKey | null {
  const match = /^cms\/([a-z0-9]+)\/([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(branch);
  return match ? { site: match[1], section: match[2] as SectionId, slug: match[3] } : null;
}

export interface UnpublishedEntry {
  key: EntryKey;
  branch: string;
  head: string;
  /** The main commit the branch started from. */
  base: string;
  state: WorkflowState;
  /** Who did step 1: entered or submitted it. */
  owners: string[];
  /** Everyone whose change of content is in this revision (ADR 0043). */
  authors: string[];
  /** Who verified this revision; null unless it is waiting for publication. */
  verifiedBy: string | null;
  steps: WorkflowStep[];
  /** Files of the site the entry changes since it started (the entry and its attachments). */
  changes: TreeDiff[];
  updatedAt: string;
}

/** Steps that change the entry's content: whoever fired one is an author of the revision. */
const CONTENT_EVENTS: ReadonlySet<EntryEvent> = new Set(['create', 'edit']);

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function stepOf(oid: string, commit: { message: string; author: { timestamp: number } }): WorkflowStep | null {
  const t = parseTrailers(commit.message);
  const event = t.get(TRAILER.event)?.[0] as EntryEvent | undefined;
  if (!event || !(event in EVENT_TRAILERS)) return null;
  const state = t.get(TRAILER.state)?.[0];
  const by = t.get(EVENT_TRAILERS[event])?.[0];
  return {
    event,
    state: state && state !== 'none' ? (state as WorkflowState) : null,
    by: by ? parsePersonTrailer(by) : { username: '', name: '' },
    at: iso(commit.author.timestamp),
    commit: oid,
  };
}

/** Walks a branch back along first parents to the commit that started it. */
async function branchSteps(repo: ContentRepository, head: string): Promise<{ steps: WorkflowStep[]; base: string }> {
  const steps: WorkflowStep[] = [];
  let oid = head;
  for (;;) {
    const commit = await repo.readCommit(oid);
    const step = stepOf(oid, commit);
    if (step) steps.unshift(step);
    const base = parseTrailers(commit.message).get(TRAILER.base)?.[0];
    if (base || commit.parent.length === 0) return { steps, base: base ?? commit.parent[0] ?? oid };
    oid = commit.parent[0];
  }
}

/**
 * The versions brought back on a draft branch (`Congso-Restores`, docs/adr/0092), walked from `head` down to the
 * branch's first commit like its steps: an earlier cycle's restores are on main, published or not.
 */
export async function restoredVersions(repo: ContentRepository, head: string): Promise<string[]> {
  const versions: string[] = [];
  let oid = head;
  for (;;) {
    const commit = await repo.readCommit(oid);
    const trailers = parseTrailers(commit.message);
    versions.push(...(trailers.get(TRAILER.restores) ?? []));
    if (trailers.get(TRAILER.base) || commit.parent.length === 0) return versions;
    oid = commit.parent[0]!;
  }
}

/**
 * `changes: false` skips the tree diff of the branch (left empty): the lists
 * that only need the entry's state and people read hundreds of branches.
 */
export async function readUnpublished(
  repo: ContentRepository,
  key: EntryKey,
  options: { changes?: boolean } = {},
): Promise<UnpublishedEntry | null> {
  const branch = entryBranch(key);
  const head = await repo.resolve(branch);
  if (!head) return null;
  const { steps, base } = await branchSteps(repo, head);
  const last = [...steps].reverse().find((s) => s.state);
  const owners = [
    ...new Set(steps.filter((s) => s.event === 'create' || s.event === 'submit').map((s) => s.by.username)),
  ];
  // A draft started from a published entry belongs to whoever edited it first.
  if (owners.length === 0 && steps[0]) owners.push(steps[0].by.username);
  const authors = [...new Set(steps.filter((s) => CONTENT_EVENTS.has(s.event)).map((s) => s.by.username))];
  const state = last?.state ?? 'draft';
  const lastVerify = [...steps].reverse().find((s) => s.event === 'verify' || CONTENT_EVENTS.has(s.event));
  return {
    key,
    branch,
    head,
    base,
    state,
    owners,
    authors,
    verifiedBy: state === 'ready' && lastVerify?.event === 'verify' ? lastVerify.by.username : null,
    steps,
    changes: options.changes === false ? [] : await repo.diff(base, head, `content/${key.site}`),
    updatedAt: steps.at(-1)?.at ?? iso((await repo.readCommit(head)).author.timestamp),
  };
}

export async function listUnpublished(repo: ContentRepository, site?: string): Promise<EntryKey[]> {
  const branches = await repo.listBranches(site ? `cms/${site}/` : 'cms/');
  return branches.map(keyFromBranch).filter((k): k is EntryKey => k !== null);
}

export interface SaveRequest {
  key: EntryKey;
  files: FileWrite[];
  by: Person;
  event: EntryEvent;
  /** null once the entry leaves the workflow (discarded). */
  state: WorkflowState | null;
  summary: string;
  expectedHead?: string | null;
  extraTrailers?: Trailers;
}

/** Commits content onto the entry's branch, starting it from main when needed. */
export async function saveOnBranch(repo: ContentRepository, request: SaveRequest): Promise<string> {
  return repo.transaction(async () => {
    const branch = entryBranch(request.key);
    const head = await repo.resolve(branch);
    const trailers = stepTrailers(entryId(request.key), request.event, request.state, request.by);
    if (!head) trailers.push([TRAILER.base, (await repo.resolve(MAIN))!]);
    return repo.commit({
      branch,
      from: MAIN,
      expectedHead: request.expectedHead,
      files: request.files,
      message: formatMessage(request.summary, [...trailers, ...(request.extraTrailers ?? [])]),
      author: request.by,
    });
  });
}

/** A step without a content change: an empty commit carrying the trailers. */
export async function recordStep(repo: ContentRepository, request: Omit<SaveRequest, 'files'>): Promise<string> {
  return repo.transaction(async () => {
    if (!(await repo.resolve(entryBranch(request.key))))
      throw new EntryBranchNotFoundError({ branch: entryBranch(request.key) });
    return saveOnBranch(repo, { ...request, files: [] });
  });
}

/**
 * A change of `main`, described but not yet made: the publication gate
 * (server/editorial/publication-gate.ts) checks it as the build would, commits it
 * and puts the site live. Nothing else writes `main` (ADR 0045).
 */
export interface MainChange {
  site: string;
  /** The entry the change is about, when there is one: for the publish queue and the history. */
  entry: EntryKey | null;
  files: FileWrite[];
  by: Person;
  summary: string;
  trailers: Trailers;
  /** Extra parents (a merge of the entry's branch). */
  mergeParents?: string[];
  /** Runs after the commit inside the same transaction, e.g. to remove the merged branch. */
  afterCommit?: (commit: string) => Promise<void>;
  /**
   * The change removes the whole department (docs/adr/0104): there is no
   * site left to check or to rebuild.
   */
  retiresSite?: true;
}

/**
 * Publishing an entry as a change of main: main's current tree with only the
 * entry's own changes applied, parents [main, branch] so the branch's steps
 * stay reachable from main after the branch is gone.
 */
export async function mergeChange(
  repo: ContentRepository,
  key: EntryKey,
  by: Person,
  summary: string,
  step: { event: 'publish' | 'publish-urgently'; extraTrailers?: Trailers },
): Promise<MainChange> {
  const entry = await readUnpublished(repo, key);
  if (!entry) throw new EntryBranchNotFoundError({ branch: entryBranch(key) });
  const files: FileWrite[] = [];
  for (const change of entry.changes) {
    files.push({ path: change.path, content: change.after ? await repo.readBlob(change.after) : null });
  }
  const trailers = stepTrailers(entryId(key), step.event, 'published', by);
  for (const event of ['verify', 'submit', 'create'] as const) {
    const found = [...entry.steps].reverse().find((s) => s.event === event);
    if (found) trailers.push([EVENT_TRAILERS[event], personTrailer(found.by)]);
  }
  trailers.push([TRAILER.authors, entry.authors.join(' ')]);
  trailers.push(...(step.extraTrailers ?? []));
  return {
    site: key.site,
    entry: key,
    files,
    by,
    summary,
    trailers,
    mergeParents: [entry.head],
    afterCommit: async (commit) => {
      await repo.deleteBranch(entry.branch, entry.head);
      await git.writeRef({ ...repo.store, ref: publishedRef(key), value: commit, force: true });
    },
  };
}

/**
 * `refs/congso/published/<site>/<section>/<slug>`: the commit that put the
 * live version on main, so whose work it is can be read without walking
 * main's history. Removed when the entry is taken down.
 */
export const publishedRef = (key: EntryKey) => `refs/congso/published/${entryId(key)}`;

/** The step that put the live version on main, and who entered it; null for content from before the workflow. */
export async function publishedRecord(
  repo: ContentRepository,
  key: EntryKey,
): Promise<{ step: WorkflowStep; enteredBy: Person | null } | null> {
  let oid: string;
  try {
    oid = await git.resolveRef({ ...repo.store, ref: publishedRef(key) });
  } catch {
    return null;
  }
  const commit = await repo.readCommit(oid);
  const step = stepOf(oid, commit);
  if (!step) return null;
  const entered = parseTrailers(commit.message).get(EVENT_TRAILERS.create)?.[0];
  return { step, enteredBy: entered ? parsePersonTrailer(entered) : null };
}

/** The authors of the live version, as its publication recorded them; empty for content from before the workflow. */
export async function liveAuthors(repo: ContentRepository, key: EntryKey): Promise<string[]> {
  let oid: string;
  try {
    oid = await git.resolveRef({ ...repo.store, ref: publishedRef(key) });
  } catch {
    return [];
  }
  const value = parseTrailers((await repo.readCommit(oid)).message).get(TRAILER.authors)?.[0] ?? '';
  return value.split(/\s+/).filter(Boolean);
}

/**
 * Throws an unpublished entry away. Its steps stay in git under
 * `refs/congso/discarded/`, so the back-office can still say who wrote and
 * who discarded it.
 */
export async function discardEntry(
  repo: ContentRepository,
  key: EntryKey,
  by: Person,
  summary: string,
): Promise<string> {
  return repo.transaction(async () => {
    const last = await recordStep(repo, { key, by, event: 'discard', state: null, summary });
    await git.writeRef({
      ...repo.store,
      ref: `refs/congso/discarded/${entryId(key)}/${last.slice(0, 12)}`,
      value: last,
      force: true,
    });
    await repo.deleteBranch(entryBranch(key), last);
    return last;
  });
}

/**
 * Makes a change of main and refreshes the folder. Only the publication gate
 * calls this, after its check (ADR 0045); tests/security enforce that.
 */
/**
 * Commits `change` to main and writes it into the checkout. `indexLater`: git's index follows after this returns
 * (the publication gate, which waits for it before it calls the change live; docs/adr/0115).
 */
export async function commitMainChange(
  repo: ContentRepository,
  change: MainChange,
  options: { indexLater?: boolean } = {},
): Promise<string> {
  return repo.transaction(async () => {
    const commit = await repo.commit({
      branch: MAIN,
      files: change.files,
      message: formatMessage(change.summary, change.trailers),
      author: change.by,
      ...(change.mergeParents ? { mergeParents: change.mergeParents } : {}),
    });
    await change.afterCommit?.(commit);
    await repo.syncWorkingTree(
      change.files.map((f) => f.path),
      options,
    );
    return commit;
  });
}

/** Every step the entry went through, across each time it was published (newest last). */
export async function entryHistory(
  repo: ContentRepository,
  key: EntryKey,
  maxMainCommits = 5000,
): Promise<WorkflowStep[]> {
  const id = entryId(key);
  const cycles: WorkflowStep[][] = [];
  const open = await repo.resolve(entryBranch(key));
  if (open) cycles.push((await branchSteps(repo, open)).steps);
  let oid = await repo.resolve(MAIN);
  for (let n = 0; oid && n < maxMainCommits; n++) {
    const commit = await repo.readCommit(oid);
    const t = parseTrailers(commit.message);
    if (t.get(TRAILER.entry)?.[0] === id) {
      const step = stepOf(oid, commit);
      const cycle = commit.parent[1] ? (await branchSteps(repo, commit.parent[1])).steps : [];
      cycles.push(step ? [...cycle, step] : cycle);
    }
    oid = commit.parent[0] ?? null;
  }
  return cycles.reverse().flat();
}
