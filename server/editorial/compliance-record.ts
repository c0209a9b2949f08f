import type { EditorialRecord, WaitingState } from '#src/checks/compliance.ts';
import type { ContentRepository } from './content-repository/repository.ts';
import { entryFile, entryHistory, listUnpublished, readUnpublished } from './content-repository/entry-store.ts';
import { secrecyOf } from './editorial-service.ts';
import type { WorkflowStep } from './content-repository/workflow-record.ts';

/** The first step of the last unbroken run of steps in the entry's current state: when it started waiting. */
export function waitingSince(steps: readonly WorkflowStep[], state: WaitingState): string | null {
  let since: string | null = null;
  for (let i = steps.length - 1; i >= 0; i--) {
    if (steps[i]!.state !== state) break;
    since = steps[i]!.at;
  }
  return since;
}

/** What the compliance checks (Điều 9, 18e) need of the workflow, read from the content repository's trailers (ADR 0040). */
export function complianceRecord(repo: ContentRepository): EditorialRecord {
  return {
    async waiting(site) {
      const out: Awaited<ReturnType<EditorialRecord['waiting']>> = [];
      for (const key of await listUnpublished(repo, site)) {
        const entry = await readUnpublished(repo, key, { changes: false });
        if (!entry || entry.state === 'published') continue;
        const file = await repo.readFile(entry.head, entryFile(key));
        out.push({
          section: key.section,
          slug: key.slug,
          state: entry.state,
          since: waitingSince(entry.steps, entry.state) ?? entry.updatedAt,
          stateSecret: secrecyOf(file ? new TextDecoder().decode(file.bytes) : null) === 'secret',
        });
      }
      return out;
    },
    async firstPublished(site, section, slug) {
      const steps = await entryHistory(repo, { site, section, slug });
      return steps.find((s) => s.event === 'publish' || s.event === 'publish-urgently')?.at ?? null;
    },
  };
}
