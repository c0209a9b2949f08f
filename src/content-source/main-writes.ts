import type { ContentProblem } from './problems.ts';

/**
 * The paths each change of `main` wrote, as the publication gate committed
 * them (docs/adr/0115). The gate is the one way to change `main` (ADR 0045),
 * so a warm renderer whose last check read `main` at one commit can read
 * again only the paths written since, instead of asking the file system about
 * every file of a 10,000-entry site. A commit the journal cannot link to
 * (another writer, a restart, an entry fallen off the end) means "unknown":
 * the renderer checks every file, as it always did.
 */
export interface MainWrite {
  from: string;
  to: string;
  paths: string[];
  /**
   * What the gate's check found in one site at `to`, the same check as a build's: a renderer of that site rendering
   * `to` takes these instead of running the checks across entries again (docs/adr/0122).
   */
  checked?: { site: string; problems: ContentProblem[] };
}

const KEPT = 256;
const journal: MainWrite[] = [];

export function noteMainWrite(write: MainWrite): void {
  journal.push(write);
  if (journal.length > KEPT) journal.splice(0, journal.length - KEPT);
}

/** The latest changes of `main`, oldest first: what a renderer needs to follow `main` (sent to it with a publication). */
export function recentMainWrites(): MainWrite[] {
  return [...journal];
}

/** Every path written from commit `from` to commit `to`, or undefined when the writes do not link them. */
export function writtenBetween(writes: readonly MainWrite[], from: string, to: string): Set<string> | undefined {
  const written = new Set<string>();
  let at = from;
  for (let steps = 0; at !== to; steps++) {
    const next = writes.findLast((w) => w.from === at);
    if (!next || steps > writes.length) return undefined;
    for (const p of next.paths) written.add(p);
    at = next.to;
  }
  return written;
}

/** Whether any of these paths is under `dir` (both relative to the content root). */
export function writtenUnder(written: Iterable<string>, dir: string): boolean {
  for (const rel of written) if (rel.startsWith(`${dir}/`)) return true;
  return false;
}
