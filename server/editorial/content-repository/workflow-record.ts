import type { EntryEvent, WorkflowState } from '../editorial-workflow.ts';

/**
 * Workflow state and step history are commit trailers on the entry's branch
 * (ADR 0040): a clone or a push carries them, `git log` shows them, and
 * nothing outside git can disagree with them.
 */

export const TRAILER = {
  entry: 'Congso-Entry',
  event: 'Congso-Event',
  state: 'Congso-State',
  /** On the first commit of a branch: the main commit it started from. */
  base: 'Congso-Base',
  at: 'Congso-At',
  /** The written reason of an urgent publication by the head alone (ADR 0044). */
  urgentReason: 'Congso-Urgent-Reason',
  /** On a review of an urgent publication: the commit that published it. */
  reviews: 'Congso-Reviews',
  /** On a publication: the usernames whose change of content is in the published revision (ADR 0043). */
  authors: 'Congso-Authors',
  /** On a restore: the commit whose version of the entry was brought back as a new draft (docs/adr/0092). */
  restores: 'Congso-Restores',
} as const;

/** The person-trailer each step writes, e.g. `Verified-by: Trần Thị Bích Hạnh <hanhttb>`. */
export const EVENT_TRAILERS: Record<EntryEvent, string> = {
  create: 'Entered-by',
  edit: 'Edited-by',
  submit: 'Submitted-by',
  withdraw: 'Withdrawn-by',
  verify: 'Verified-by',
  return: 'Returned-by',
  publish: 'Published-by',
  'publish-urgently': 'Published-urgently-by',
  'review-urgent': 'Urgent-reviewed-by',
  unpublish: 'Unpublished-by',
  discard: 'Discarded-by',
  delete: 'Deleted-by',
  'change-on-time': 'Changed-on-time-by',
};

export interface Person {
  username: string;
  name: string;
}

export type Trailers = Array<[string, string]>;

export function personTrailer(person: Person): string {
  return `${oneLine(person.name)} <${oneLine(person.username)}>`;
}

export function parsePersonTrailer(value: string): Person {
  const match = /^(.*) <([^>]*)>$/.exec(value);
  return match ? { name: match[1], username: match[2] } : { name: value, username: value };
}

/** Newlines in a name or summary would forge trailers; they never survive. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

export function formatMessage(summary: string, trailers: Trailers): string {
  const body = trailers.map(([k, v]) => `${k}: ${oneLine(v)}`).join('\n');
  return `${oneLine(summary) || 'Cập nhật nội dung'}\n\n${body}\n`;
}

/** Trailers of the last paragraph of a commit message. */
export function parseTrailers(message: string): Map<string, string[]> {
  const paragraphs = message.trim().split(/\n\s*\n/);
  const last = paragraphs.length > 1 ? paragraphs[paragraphs.length - 1] : '';
  const out = new Map<string, string[]>();
  for (const line of last.split('\n')) {
    const match = /^([A-Za-z][A-Za-z0-9-]*): (.*)$/.exec(line);
    if (!match) continue;
    out.set(match[1], [...(out.get(match[1]) ?? []), match[2]]);
  }
  return out;
}

export interface WorkflowStep {
  event: EntryEvent;
  state: WorkflowState | null;
  by: Person;
  /** ISO time of the commit. */
  at: string;
  commit: string;
}

export function stepTrailers(key: string, event: EntryEvent, state: WorkflowState | null, by: Person): Trailers {
  return [
    [TRAILER.entry, key],
    [TRAILER.event, event],
    [TRAILER.state, state ?? 'none'],
    [EVENT_TRAILERS[event], personTrailer(by)],
  ];
}
