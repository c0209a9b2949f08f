import { parseFrontmatter } from '#src/content-source/frontmatter.ts';
import { referencedFiles } from '#src/content-source/referenced-files.ts';
import { SECTION_IDS, type SectionId } from '#src/schema/sections.ts';
import { MAIN, type ContentRepository, type FileWrite } from './content-repository/repository.ts';
import { entryFile, type EntryKey, type MainChange } from './content-repository/entry-store.ts';
import { checkMediaFile, entryMediaFolder, entryOfMediaPath, mediaUrlOf } from '#src/files/media-policy.ts';
import { MediaNotReferencedError, MediaOutsideEntryFolderError } from '#src/files/media-policy-errors.ts';
import { MediaOwnedByAnotherEntryError } from './errors.ts';

/**
 * Where a file may be written in the content repository, and by whom
 * (docs/adr/0021-files-are-data.md). The type rules are media-policy.ts;
 * these add what only the repository knows: which entry owns a file on
 * `main`. Every file of an entry is checked when the entry is saved and
 * again when it is published; a file written straight to `main` (the
 * head's media library) is checked before it is committed.
 */

export interface MediaOwner {
  section: SectionId;
  slug: string;
  title: string | null;
}

const decoder = new TextDecoder();

function titleOf(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const title = parseFrontmatter(raw).data.title;
    return typeof title === 'string' ? title : null;
  } catch {
    return null;
  }
}

async function readMain(repo: ContentRepository, path: string): Promise<string | null> {
  const file = await repo.readFile(MAIN, path);
  return file ? decoder.decode(file.bytes) : null;
}

/**
 * Who owns a file of the site: the entry whose folder holds it, otherwise
 * every entry published on `main` that links to it. A legacy file
 * (`tep/<year>/…`, from before entry folders) is owned by the entries that use it.
 */
export async function mediaOwners(repo: ContentRepository, site: string, path: string): Promise<MediaOwner[]> {
  const folder = entryOfMediaPath(site, path);
  if (folder)
    return [
      { ...folder, title: titleOf(await readMain(repo, `content/${site}/${folder.section}/${folder.slug}.mdx`)) },
    ];
  const url = mediaUrlOf(site, path);
  const owners: MediaOwner[] = [];
  for (const section of SECTION_IDS) {
    for (const file of await repo.listFolder(MAIN, `content/${site}/${section}`, 1)) {
      if (!file.path.endsWith('.mdx')) continue;
      const raw = decoder.decode(await repo.readBlob(file.blob));
      // Most entries never mention the file: the plain search spares parsing them.
      if (!raw.includes(url) || !referencedFiles(raw, section).includes(url)) continue;
      owners.push({
        section,
        slug: file.path.slice(file.path.lastIndexOf('/') + 1, -'.mdx'.length),
        title: titleOf(raw),
      });
    }
  }
  return owners;
}

const bytesOf = (write: FileWrite) =>
  typeof write.content === 'string' ? new TextEncoder().encode(write.content) : (write.content ?? new Uint8Array());
const isEntry = (owner: MediaOwner, key: EntryKey) => owner.section === key.section && owner.slug === key.slug;

/**
 * The files an entry brings with it (Decap's `assets`, or its branch's
 * changed files at publication), against the entry's text: each an allowed
 * kind by its bytes, linked from the entry, and either new in the entry's
 * own folder under a generated name or the entry's own file on `main`.
 */
export async function checkEntryAssets(
  repo: ContentRepository,
  key: EntryKey,
  entryRaw: string,
  assets: readonly FileWrite[],
): Promise<void> {
  const folder = entryMediaFolder(key.site, key.section, key.slug);
  const used = new Set(referencedFiles(entryRaw, key.section));
  for (const asset of assets) {
    const bytes = bytesOf(asset);
    const inFolder = asset.path.slice(0, asset.path.lastIndexOf('/')) === folder;
    const onMain = inFolder ? false : (await repo.readFile(MAIN, asset.path)) !== null;
    // A file kept where it already is on main keeps its name; every new file gets a generated one.
    checkMediaFile(asset.path, bytes, { safeName: !onMain });
    const url = mediaUrlOf(key.site, asset.path);
    if (!used.has(url)) throw new MediaNotReferencedError({ path: asset.path, url });
    if (inFolder) continue;
    if (!onMain) throw new MediaOutsideEntryFolderError({ path: asset.path, folder });
    const owners = await mediaOwners(repo, key.site, asset.path);
    const other = owners.find((o) => !isEntry(o, key));
    if (other) throw new MediaOwnedByAnotherEntryError({ path: asset.path, owner: other });
    if (owners.length === 0) throw new MediaOutsideEntryFolderError({ path: asset.path, folder });
  }
}

/**
 * A file the head writes straight to `main` from the media library: an
 * allowed kind by its bytes, and nobody's file. A file of an entry (in its
 * folder, or linked from a published entry) changes only through that
 * entry's three steps.
 */
export async function checkDirectUpload(repo: ContentRepository, site: string, write: FileWrite): Promise<void> {
  const bytes = bytesOf(write);
  const onMain = (await repo.readFile(MAIN, write.path)) !== null;
  checkMediaFile(write.path, bytes, { safeName: !onMain });
  const [owner] = await mediaOwners(repo, site, write.path);
  if (owner) throw new MediaOwnedByAnotherEntryError({ path: write.path, owner });
}

/**
 * Every change of `main` (the publication gate, ADR 0045): the files it
 * writes under `tep/` are checked as those of the entry it publishes, with
 * that entry's text, or as the head's direct upload when it is no entry's
 * step. A publication thus checks again drafts saved before these rules;
 * deletions write nothing and pass.
 */
export async function checkMainChange(repo: ContentRepository, change: MainChange): Promise<void> {
  const root = `content/${change.site}/tep/`;
  const written = change.files.filter((f) => f.content !== null && f.path.startsWith(root));
  if (written.length === 0) return;
  if (!change.entry) {
    for (const file of written) await checkDirectUpload(repo, change.site, file);
    return;
  }
  const path = entryFile(change.entry);
  const own = change.files.find((f) => f.path === path && f.content !== null);
  const raw = own ? decoder.decode(bytesOf(own)) : await readMain(repo, path);
  await checkEntryAssets(repo, change.entry, raw ?? '', written);
}
