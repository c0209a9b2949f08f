import type { AccountRecord } from './storage/records.ts';

/**
 * One thing waiting for the signed-in person, wherever it is handled
 * (docs/adr/0091): each capability says what waits for whom, the back-office
 * home and the CMS header only count and list them.
 */
export type WorkKind = 'verify' | 'publish' | 'sent-back' | 'case' | 'build-failed' | 'compliance';

export interface WorkItem {
  kind: WorkKind;
  /** What it is: an entry's title, a case's code and subject, a site's name. */
  title: string;
  /** Where it is handled, one click away. */
  href: string;
  /** When it started waiting (ISO), null when the moment is not known. */
  since: string | null;
  /** The deadline (ISO) the law or the board's rules set, null when none. */
  dueAt: string | null;
  /** The deadline has passed. */
  late: boolean;
}

/** What waits for one account, from one capability. */
export type WorkSource = (account: AccountRecord) => Promise<WorkItem[]>;

/** Every source's items for the account, in the order of the kinds above. */
export async function workFor(account: AccountRecord, sources: readonly WorkSource[]): Promise<WorkItem[]> {
  const lists = await Promise.all(sources.map((source) => source(account)));
  return lists.flat();
}
