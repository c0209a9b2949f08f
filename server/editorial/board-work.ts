import { addWorkingDays, NATIONAL_CALENDAR, type WorkingCalendar } from '#src/calendar/working-days.ts';
import { READY_WORKING_DAYS, REVIEW_WORKING_DAYS } from '#src/checks/compliance.ts';
import type { WorkItem, WorkSource } from '#server/platform/work-items.ts';
import { waitingSince } from './compliance-record.ts';
import type { EntryKey } from './content-repository/entry-store.ts';
import { draftRecords } from './draft-records.ts';
import type { WorkflowStep } from './content-repository/workflow-record.ts';
import { availableEvents, isSamePerson, mayReadDraft, type Actor, type EntryFacts } from './editorial-workflow.ts';
import type { EditorialService } from './editorial-service.ts';
import type { ContentRepository } from './content-repository/repository.ts';

/**
 * What of the editorial workflow waits for one board member (docs/adr/0091):
 * entries to verify (step 2) or publish (step 3) that this person may act on,
 * with the Điều 9 deadlines the compliance check applies (docs/adr/0061), and
 * their own drafts sent back to them. The workflow's own table decides who may
 * act: nothing here repeats its rules.
 */

export interface WaitingEntry {
  key: EntryKey;
  title: string | null;
  facts: EntryFacts;
  /** The facts for reading (a draft whose front matter cannot be read counts as secret). */
  readFacts: EntryFacts;
  steps: readonly WorkflowStep[];
  updatedAt: string;
}

/** Where an entry is handled: its page in Decap (the editorial workflow opens the draft). */
export const decapEntryPath = (key: Pick<EntryKey, 'section' | 'slug'>) =>
  `/admin/#/collections/${key.section}/entries/${key.slug}`;

const LIMITS = { 'in-review': REVIEW_WORKING_DAYS, ready: READY_WORKING_DAYS } as const;

export function boardWork(
  actor: Actor,
  entries: readonly WaitingEntry[],
  now: number,
  calendar: WorkingCalendar = NATIONAL_CALENDAR,
): WorkItem[] {
  const items: WorkItem[] = [];
  for (const entry of entries) {
    const { facts } = entry;
    if (!mayReadDraft(actor, entry.readFacts) || facts.state === null || facts.state === 'published') continue;
    const since = waitingSince(entry.steps, facts.state) ?? entry.updatedAt;
    const title = entry.title ?? entry.key.slug;
    const href = decapEntryPath(entry.key);
    if (facts.state === 'draft') {
      const last = [...entry.steps].reverse().find((s) => s.state);
      const mine = [...facts.owners, ...(facts.authors ?? [])].some((u) => isSamePerson(actor, u));
      if (last?.event === 'return' && mine)
        items.push({ kind: 'sent-back', title, href, since, dueAt: null, late: false });
      continue;
    }
    const event = facts.state === 'in-review' ? 'verify' : 'publish';
    if (!availableEvents(actor, facts).includes(event)) continue;
    const due = addWorkingDays(new Date(since), LIMITS[facts.state], calendar);
    items.push({ kind: event, title, href, since, dueAt: due.toISOString(), late: now > due.getTime() });
  }
  const order = { verify: 0, publish: 1, 'sent-back': 2 } as Record<string, number>;
  return items.sort((a, b) => order[a.kind]! - order[b.kind]! || (a.since ?? '').localeCompare(b.since ?? ''));
}

/** Every entry of a site in the workflow, read from its branch (ADR 0040). */
export async function waitingEntries(
  repo: ContentRepository,
  service: EditorialService,
  site: string,
): Promise<WaitingEntry[]> {
  return (await draftRecords(repo, service, site)).map((d) => ({
    key: d.key,
    title: d.title,
    facts: d.facts,
    readFacts: d.readFacts,
    steps: d.unpublished.steps,
    updatedAt: d.unpublished.updatedAt,
  }));
}

/**
 * The editorial part of the home page and the CMS badge for one account:
 * `linked` are the accounts that count as the same person (ADR 0017).
 */
export function editorialWork(
  editorial: () => Promise<{ repo: ContentRepository; service: EditorialService }>,
  linked: (accountId: string) => Promise<readonly string[]>,
  clock: () => number,
): WorkSource {
  return async (account) => {
    if (!account.departmentId || account.role === 'admin') return [];
    const { repo, service } = await editorial();
    const actor: Actor = {
      username: account.username,
      name: account.fullName,
      site: account.departmentId,
      role: account.role,
      sections: account.sections,
      delegations: account.delegations,
      linked: await linked(account.id),
    };
    return boardWork(actor, await waitingEntries(repo, service, account.departmentId), clock());
  };
}
