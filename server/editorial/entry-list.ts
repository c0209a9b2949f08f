import { SECTION_IDS, type SectionId } from '#src/schema/sections.ts';
import { entryFile, publishedRecord, type EntryKey } from './content-repository/entry-store.ts';
import { draftRecords, titleOf } from './draft-records.ts';
import { MAIN, type ContentRepository } from './content-repository/repository.ts';
import type { Person, WorkflowStep } from './content-repository/workflow-record.ts';
import { mayReadDraft, type Actor, type WorkflowState } from './editorial-workflow.ts';
import type { EditorialService } from './editorial-service.ts';

/**
 * Every entry of a department as the board sees it: what is live on main and
 * every draft on its branch (ADR 0040), one row per entry (the draft's state
 * when one is open). A draft the person may not read (a state secret,
 * Điều 4.2đ) keeps its title to itself.
 */
export interface EntryRow {
  key: EntryKey;
  /** null when unknown or withheld. */
  title: string | null;
  withheld: boolean;
  state: WorkflowState;
  /** A draft of an entry that is also live. */
  live: boolean;
  /** Marked as a state secret (Điều 4.2đ): never published, so waiting for no one (docs/adr/0108). */
  stateSecret: boolean;
  author: Person | null;
  lastStep: WorkflowStep | null;
}

const ENTRY_PATH = /^content\/[a-z0-9]+\/([a-z0-9-]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** Titles by blob id: a blob never changes, so a title read once is kept (bounded). */
const titles = new WeakMap<ContentRepository, Map<string, string | null>>();
async function liveTitle(repo: ContentRepository, blob: string): Promise<string | null> {
  let cache = titles.get(repo);
  if (!cache) titles.set(repo, (cache = new Map()));
  if (cache.has(blob)) return cache.get(blob)!;
  if (cache.size > 20_000) cache.clear();
  const title = titleOf(await repo.readBlob(blob));
  cache.set(blob, title);
  return title;
}

export async function listEntries(
  repo: ContentRepository,
  service: EditorialService,
  actor: Actor,
  site: string,
): Promise<EntryRow[]> {
  const rows = new Map<string, EntryRow>();
  for (const file of await repo.listFolder(MAIN, `content/${site}`, 2)) {
    const match = ENTRY_PATH.exec(file.path);
    if (!match || !(SECTION_IDS as readonly string[]).includes(match[1]!)) continue;
    const key: EntryKey = { site, section: match[1] as SectionId, slug: match[2]! };
    const record = await publishedRecord(repo, key);
    rows.set(file.path, {
      key,
      title: await liveTitle(repo, file.blob),
      withheld: false,
      state: 'published',
      live: true,
      stateSecret: false,
      author: record?.enteredBy ?? null,
      lastStep: record?.step ?? null,
    });
  }
  for (const { key, unpublished, facts, readFacts, title } of await draftRecords(repo, service, site)) {
    const readable = mayReadDraft(actor, readFacts);
    const first = unpublished.steps.find((s) => s.event === 'create') ?? unpublished.steps[0];
    const live = rows.get(entryFile(key));
    rows.set(entryFile(key), {
      key,
      title: readable ? (title ?? live?.title ?? null) : null,
      withheld: !readable,
      state: unpublished.state,
      live: !!live,
      stateSecret: facts.stateSecret,
      author: live?.author ?? first?.by ?? null,
      lastStep: unpublished.steps.at(-1) ?? null,
    });
  }
  return [...rows.values()];
}
