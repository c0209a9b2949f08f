import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileIdentity } from '../files/file-identity.ts';
import { mediaFileProblem } from '../files/media-policy.ts';

/**
 * The files of `content/<site>/tep/` a site serves from `tep/`. Only those
 * the media policy allows, checked by their bytes (docs/adr/0021): an HTML
 * page, a script or a disguised file (even one committed before the policy)
 * never reaches the built site, and the bytes written are the bytes checked.
 * A publication checks and copies only the files whose identity changed
 * since the live version was made (docs/adr/0113), not every attachment of
 * the department again.
 */
export type MediaSeen = Map<string, { id: string; allowed: boolean }>;

/** Each file of the folder, by path inside it, with its identity ('' while it may still change unseen). */
export async function mediaIdentities(from: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const d of await readdir(from, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!d.isFile()) continue;
    const file = path.join(d.parentPath, d.name);
    const identity = fileIdentity(file);
    if (identity) ids.set(path.relative(from, file), identity.settled ? identity.id : '');
  }
  return ids;
}

/**
 * Copies the allowed files among `only` (all files when absent) from `from`
 * to `to`; tells `onRefused` of the others. Returns what it saw, over `seen`.
 */
export async function copyMedia(
  from: string,
  to: string,
  onRefused: (file: string, code: string) => void,
  options: { only?: Iterable<string>; ids?: Map<string, string>; seen?: MediaSeen } = {},
): Promise<MediaSeen> {
  const ids = options.ids ?? (await mediaIdentities(from));
  const seen: MediaSeen = new Map(options.seen);
  for (const rel of options.only ?? ids.keys()) {
    const bytes = await readFile(path.join(from, rel)).catch(() => null);
    if (!bytes) {
      seen.delete(rel);
      continue;
    }
    const problem = mediaFileProblem(rel, bytes);
    seen.set(rel, { id: ids.get(rel) ?? '', allowed: !problem });
    if (problem) {
      onRefused(rel, problem);
      continue;
    }
    await mkdir(path.dirname(path.join(to, rel)), { recursive: true });
    await writeFile(path.join(to, rel), bytes);
  }
  return seen;
}
