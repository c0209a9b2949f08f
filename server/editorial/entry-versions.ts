import { entryFile, entryHistory, entryId, saveOnBranch, type EntryKey } from './content-repository/entry-store.ts';
import { MAIN, type ContentRepository } from './content-repository/repository.ts';
import { TRAILER, type Person } from './content-repository/workflow-record.ts';
import {
  authorizeDraftRead,
  authorizeTransition,
  type Actor,
  type EntryEvent,
  type WorkflowState,
} from './editorial-workflow.ts';
import { person, secrecyOf, type EditorialService } from './editorial-service.ts';
import { VersionNotFoundError } from './errors.ts';

/**
 * The versions of an entry (docs/adr/0092): each step of its history that
 * changed the entry's text, numbered from 1, oldest first, across every time
 * it was published (ADR 0040). A verification changes nothing and marks the
 * version it verified.
 */
export interface EntryVersion {
  n: number;
  commit: string;
  blob: string;
  at: string;
  by: Person;
  event: EntryEvent;
  /** Who verified this version, when a verification step followed it. */
  verifiedBy: Person | null;
  /** This version went live (published or published urgently). */
  published: boolean;
}

export async function entryVersions(repo: ContentRepository, key: EntryKey): Promise<EntryVersion[]> {
  const versions: EntryVersion[] = [];
  for (const step of await entryHistory(repo, key)) {
    const file = await repo.readFile(step.commit, entryFile(key));
    if (!file) continue;
    const last = versions.at(-1);
    if (last && last.blob === file.blob) {
      if (step.event === 'verify') last.verifiedBy = step.by;
      if (step.event === 'publish' || step.event === 'publish-urgently') last.published = true;
      continue;
    }
    versions.push({
      n: versions.length + 1,
      commit: step.commit,
      blob: file.blob,
      at: step.at,
      by: step.by,
      event: step.event,
      verifiedBy: null,
      published: step.event === 'publish' || step.event === 'publish-urgently',
    });
  }
  return versions;
}

export async function readVersion(repo: ContentRepository, version: EntryVersion): Promise<string> {
  return new TextDecoder().decode(await repo.readBlob(version.blob));
}

/**
 * Brings an old version back as the entry's working copy: a step `edit` (or
 * `create` for an entry that is gone) on the entry's branch, so it goes live
 * only through submit, verify and publish (Điều 19), never straight to main.
 * The workflow's table decides who may; a version marked as a state secret
 * is restored only by who may read one (Điều 4.2đ).
 */
export async function restoreVersion(
  repo: ContentRepository,
  service: EditorialService,
  actor: Actor,
  key: EntryKey,
  n: number,
): Promise<string> {
  return repo.transaction(async () => {
    const version = (await entryVersions(repo, key)).find((v) => v.n === n);
    if (!version) throw new VersionNotFoundError({ section: key.section, slug: key.slug, version: n });
    const text = await readVersion(repo, version);
    const { facts, readFacts, unpublished } = await service.factsOf(key);
    const secret = secrecyOf(text) !== 'open';
    authorizeDraftRead(actor, {
      ...(unpublished ? readFacts : facts),
      stateSecret: secret || (!!unpublished && readFacts.stateSecret),
    });
    const event: EntryEvent = facts.state === null ? 'create' : 'edit';
    const state = authorizeTransition(actor, event, facts) as WorkflowState;
    return saveOnBranch(repo, {
      key,
      files: [{ path: entryFile(key), content: text }, ...(await filesGoneSince(repo, key.site, version.commit, text))],
      by: person(actor),
      event,
      state,
      summary: `Khôi phục phiên bản ${n}: ${entryId(key)}`,
      expectedHead: unpublished?.head ?? null,
      extraTrailers: [[TRAILER.restores, version.commit]],
    });
  });
}

/** `/tep/…` addresses in an entry's text, its body's links and its front matter's file fields alike. */
const MEDIA_ADDRESS = /\/tep\/([A-Za-z0-9._~%/-]+)/g;

/**
 * The files a restored version links to that `main` no longer has (deleted
 * after the version was replaced), taken from the version's own commit: the
 * version comes back whole, its attachments with it, and the gate checks
 * them at publication like any upload (docs/adr/0092, 0021).
 */
async function filesGoneSince(
  repo: ContentRepository,
  site: string,
  commit: string,
  text: string,
): Promise<Array<{ path: string; content: Uint8Array }>> {
  const files: Array<{ path: string; content: Uint8Array }> = [];
  const seen = new Set<string>();
  for (const [, address] of text.matchAll(MEDIA_ADDRESS)) {
    let rel: string;
    try {
      rel = decodeURIComponent(address!);
    } catch {
      continue;
    }
    const segments = rel.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..') || seen.has(rel)) continue;
    seen.add(rel);
    const file = `content/${site}/tep/${rel}`;
    if (await repo.readFile(MAIN, file)) continue;
    const old = await repo.readFile(commit, file);
    if (old) files.push({ path: file, content: old.bytes });
  }
  return files;
}
