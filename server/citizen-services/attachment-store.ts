import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, type ReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CheckedFile } from './uploads.ts';
import type { NewAttachment } from '#server/platform/storage/case-records.ts';
import { timeOrderedId } from '#server/platform/storage/time-ordered-id.ts';

/**
 * Citizens' files, outside the web root (`ATTACHMENTS_DIR`, default
 * ./data/attachments), under names the server makes (`<uuid>.bin`): nothing
 * the citizen sent (name, type, path) ever reaches the file system. Each file
 * is written with O_EXCL, fsynced, and the folder fsynced, before the case
 * that refers to it is committed, so an acknowledged case never points at a
 * file a crash lost. A crash between the two leaves an orphan file, never a
 * dangling reference.
 */
export interface AttachmentStore {
  readonly dir: string;
  save(
    files: ReadonlyArray<{ bytes: Uint8Array; checked: CheckedFile }>,
    source: NewAttachment['source'],
    now: number,
  ): Promise<NewAttachment[]>;
  open(storedName: string): ReadStream;
  remove(storedNames: readonly string[]): Promise<void>;
}

const STORED_NAME = /^[0-9a-f-]{36}\.bin$/;

export function createAttachmentStore(dir: string): AttachmentStore {
  const root = path.resolve(dir);
  mkdirSync(root, { recursive: true, mode: 0o700 });

  const pathOf = (storedName: string) => {
    // Stored names come from our database, but a check costs nothing and keeps the folder closed.
    if (!STORED_NAME.test(storedName)) throw new RangeError('not a stored attachment name');
    return path.join(root, storedName);
  };

  async function syncFolder(): Promise<void> {
    const handle = await open(root, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return {
    dir: root,
    async save(files, source, now) {
      if (files.length === 0) return [];
      const saved: NewAttachment[] = [];
      try {
        for (const { bytes, checked } of files) {
          const id = timeOrderedId();
          const storedName = `${randomUUID()}.bin`;
          const handle = await open(pathOf(storedName), 'wx', 0o600);
          try {
            await handle.writeFile(bytes);
            await handle.sync();
          } finally {
            await handle.close();
          }
          saved.push({
            id,
            storedName,
            displayName: checked.displayName,
            mediaType: checked.mediaType,
            kind: checked.kind,
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            source,
            addedAt: now,
          });
        }
        await syncFolder();
        return saved;
      } catch (error) {
        await this.remove(saved.map((s) => s.storedName)).catch(() => undefined);
        throw error;
      }
    },
    open(storedName) {
      return createReadStream(pathOf(storedName));
    },
    async remove(storedNames) {
      for (const name of storedNames) await rm(pathOf(name), { force: true });
    },
  };
}
