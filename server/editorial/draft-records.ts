import { parseFrontmatter } from '#src/content-source/frontmatter.ts';
import {
  entryBranch,
  entryFile,
  entryId,
  listUnpublished,
  type EntryKey,
  type UnpublishedEntry,
} from './content-repository/entry-store.ts';
import type { ContentRepository } from './content-repository/repository.ts';
import type { EntryFacts } from './editorial-workflow.ts';
import type { EditorialService } from './editorial-service.ts';

/**
 * Every open draft of a site with what the lists need: its workflow facts
 * and its title (docs/adr/0091). A draft's branch head is a commit id, and a
 * commit fixes the whole branch behind it and the file in it (ADR 0040), so
 * what was read for one head is kept and read again only when the head moves.
 */
export interface DraftRecord {
  key: EntryKey;
  head: string;
  facts: EntryFacts;
  readFacts: EntryFacts;
  unpublished: UnpublishedEntry;
  title: string | null;
}

const MAX_KEPT = 10_000;
const kept = new WeakMap<ContentRepository, Map<string, DraftRecord>>();

export function titleOf(raw: Uint8Array | undefined): string | null {
  if (!raw) return null;
  try {
    const title = parseFrontmatter(new TextDecoder().decode(raw)).data.title;
    return typeof title === 'string' ? title : null;
  } catch {
    return null;
  }
}

export async function draftRecords(
  repo: ContentRepository,
  service: EditorialService,
  site: string,
): Promise<DraftRecord[]> {
  let cache = kept.get(repo);
  if (!cache) kept.set(repo, (cache = new Map()));
  if (cache.size > MAX_KEPT) cache.clear();
  const out: DraftRecord[] = [];
  for (const key of await listUnpublished(repo, site)) {
    const head = await repo.resolve(entryBranch(key));
    if (!head) continue;
    const hit = cache.get(`${entryId(key)}@${head}`);
    if (hit) {
      out.push(hit);
      continue;
    }
    const { facts, readFacts, unpublished } = await service.factsOf(key, { changes: false });
    if (!unpublished) continue;
    const record: DraftRecord = {
      key,
      head: unpublished.head,
      facts,
      readFacts,
      unpublished,
      title: titleOf((await repo.readFile(unpublished.head, entryFile(key)))?.bytes),
    };
    cache.set(`${entryId(key)}@${unpublished.head}`, record);
    out.push(record);
  }
  return out;
}
