import { ENCODING_LABELS, conversionMessage } from '#src/text/messages.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { parseEntry } from '#src/content-source/entries.ts';
import { asAppError } from '#server/platform/app-error.ts';
import {
  authorizeMediaChange,
  authorizeTransition,
  canPublish,
  canVerify,
  maySectionBeEntered,
  mayReadDraft,
  type Actor,
  type EntryEvent,
  type EntryFacts,
  type WorkflowState,
} from '../editorial-workflow.ts';
import { MAIN, type ContentRepository, type FileWrite } from '../content-repository/repository.ts';
import {
  discardEntry,
  entryFile,
  entryId,
  listUnpublished,
  recordStep,
  saveOnBranch,
  type EntryKey,
} from '../content-repository/entry-store.ts';
import type { Trailers } from '../content-repository/workflow-record.ts';
import { createEditorialService, person, type EditorialService } from '../editorial-service.ts';
import type { PublicationGate } from '../publication-gate.ts';
import {
  ContentRejectedError,
  EntryBranchNotFoundError,
  MediaNotFoundError,
  MediaTooLargeError,
  NotOnBoardError,
  PathNotAllowedError,
  ProxyBadRequestError,
  UnknownActionError,
  WorkflowRequiredError,
} from '../errors.ts';
import { textForEditor } from './editor-text.ts';
import { savedText } from './saved-text.ts';
import { checkEntryAssets } from '../media-rules.ts';
import {
  checkCollection,
  checkMediaFolder,
  checkMediaPath,
  checkSectionFolder,
  isEntryPath,
  mediaRoot,
  parseEntryPath,
} from './paths.ts';
import { PAYLOADS, QUIET_ACTIONS, type Payload, type ProxyAction } from './payloads.ts';

/**
 * Decap CMS's proxy protocol (the actions decap-server accepts) over the
 * content repository, for one department site per request. Each action that
 * changes something asks the workflow state machine first and runs as one
 * repository transaction, so "read state → authorise → commit" cannot be
 * interleaved by a concurrent request. No Hono context here: the route
 * passes the actor, the site and the JSON body.
 */

export interface ProxyLimits {
  /** Largest MDX entry, in bytes. */
  entryBytes: number;
  /** Largest attachment, in bytes (after base64 decoding). */
  mediaBytes: number;
}

export const DEFAULT_LIMITS: ProxyLimits = { entryBytes: 512 * 1024, mediaBytes: 20 * 1024 * 1024 };

export interface ProxyDeps {
  repo: ContentRepository;
  /** The one way to change main (ADR 0045); the editorial service is built on it. */
  gate: PublicationGate;
  limits?: ProxyLimits;
  /**
   * How long the publisher's request waits for the site to go live, so a
   * failed rebuild reaches the person who published, in the Decap UI.
   */
  liveWaitMs?: number;
  /** Shared with the back office; built from `repo` and `gate` otherwise. */
  editorial?: EditorialService;
  /** Told when a board member works on a site, so its renderer is warm by the time they publish (docs/adr/0116). */
  boardAtWork?: (site: string) => void;
}

export interface ProxyRequest {
  actor: Actor;
  site: string;
  body: unknown;
}

export interface ProxyResponse {
  status: ContentfulStatusCode;
  body: unknown;
}

const TO_DECAP: Record<Exclude<WorkflowState, 'published'>, string> = {
  draft: 'draft',
  'in-review': 'pending_review',
  ready: 'pending_publish',
};
const FROM_DECAP: Record<string, WorkflowState> = {
  draft: 'draft',
  pending_review: 'in-review',
  pending_publish: 'ready',
};

const decoder = new TextDecoder();
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function mediaFile(path: string, blob: string, bytes: Uint8Array) {
  return {
    id: blob,
    content: Buffer.from(bytes).toString('base64'),
    encoding: 'base64',
    path,
    name: path.split('/').at(-1)!,
  };
}

export function createDecapProxy(deps: ProxyDeps) {
  const { repo } = deps;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const editorial = deps.editorial ?? createEditorialService({ repo, gate: deps.gate, liveWaitMs: deps.liveWaitMs });
  const { factsOf } = editorial;

  async function readText(ref: string, path: string): Promise<string | null> {
    const file = await repo.readFile(ref, path);
    return file ? decoder.decode(file.bytes) : null;
  }

  function keyOf(site: string, collection: string, slug: string): EntryKey {
    const section = checkCollection(collection);
    if (!SLUG.test(slug)) throw new PathNotAllowedError({ path: `${collection}/${slug}`, reason: 'not-an-entry' });
    return { site, section, slug };
  }

  function validate(path: string, raw: string, key: EntryKey, ignoreSecret: boolean) {
    const bytes = Buffer.byteLength(raw, 'utf8');
    if (bytes > limits.entryBytes) throw new MediaTooLargeError({ path, bytes, limit: limits.entryBytes });
    const { problems } = parseEntry(key.site, key.section, path, raw);
    // A secret entry may be kept and worked on; the state machine stops it at publication.
    const blocking = ignoreSecret ? problems.filter((p) => p.field !== 'stateSecret') : problems;
    if (blocking.length) throw new ContentRejectedError({ path, problems: blocking });
  }

  function decodeAsset(site: string, asset: { path: string; content: string }): FileWrite {
    checkMediaPath(site, asset.path);
    const bytes = Buffer.from(asset.content, 'base64');
    if (bytes.length > limits.mediaBytes)
      throw new MediaTooLargeError({ path: asset.path, bytes: bytes.length, limit: limits.mediaBytes });
    return { path: asset.path, content: bytes };
  }

  async function readEntries(paths: Array<{ path: string; label?: string }>) {
    return Promise.all(
      paths.map(async ({ path, label }) => {
        const file = await repo.readFile(MAIN, path);
        return {
          data: file ? textForEditor(decoder.decode(file.bytes)) : null,
          file: { path, label, id: file?.blob ?? null },
        };
      }),
    );
  }

  const handlers: { [A in ProxyAction]: (actor: Actor, site: string, p: Payload<A>) => Promise<unknown> } = {
    async info() {
      return { repo: 'congso', publish_modes: ['editorial_workflow'], type: 'congso_git' };
    },

    async entriesByFolder(_actor, site, p) {
      checkSectionFolder(site, p.folder);
      if (p.extension !== 'mdx') return [];
      const files = (await repo.listFolder(MAIN, p.folder.replace(/\/+$/, ''), 1)).filter((f) =>
        f.path.endsWith('.mdx'),
      );
      return readEntries(files.filter((f) => isEntryPath(site, f.path)));
    },

    async entriesByFiles(_actor, site, p) {
      for (const f of p.files) parseEntryPath(site, f.path);
      return readEntries(p.files);
    },

    async getEntry(_actor, site, p) {
      parseEntryPath(site, p.path);
      return (await readEntries([{ path: p.path }]))[0];
    },

    async unpublishedEntries(actor, site) {
      const keys = (await listUnpublished(repo, site)).filter((k) => maySectionBeEntered(actor, site, k.section));
      // Only entries this person may open (sections, state secrets: Điều 4.2đ), or Decap warns about each.
      const readable = await Promise.all(keys.map(async (k) => mayReadDraft(actor, (await factsOf(k)).readFacts)));
      return keys.filter((_, i) => readable[i]).map((k) => `${k.section}/${k.slug}`);
    },

    async unpublishedEntry(actor, site, p) {
      const [collection, slug] = p.id
        ? [p.id.slice(0, p.id.indexOf('/')), p.id.slice(p.id.indexOf('/') + 1)]
        : [p.collection ?? '', p.slug ?? ''];
      const key = keyOf(site, collection, slug);
      const entry = await editorial.assertMayRead(actor, key);
      return {
        collection,
        slug,
        status: TO_DECAP[entry.state as keyof typeof TO_DECAP] ?? 'draft',
        diffs: entry.changes
          .filter((c) => c.after)
          .map((c) => ({ id: c.after, path: c.path, newFile: c.before === null })),
        updatedAt: entry.updatedAt,
        pullRequestAuthor: entry.steps[0]?.by.name,
      };
    },

    async unpublishedEntryDataFile(actor, site, p) {
      const key = keyOf(site, p.collection, p.slug);
      if (p.path !== entryFile(key)) throw new PathNotAllowedError({ path: p.path, reason: 'not-an-entry' });
      const entry = await editorial.assertMayRead(actor, key);
      const raw = await readText(entry.head, p.path);
      return { data: raw === null ? null : textForEditor(raw) };
    },

    async unpublishedEntryMediaFile(actor, site, p) {
      const key = keyOf(site, p.collection, p.slug);
      checkMediaPath(site, p.path);
      const entry = await editorial.assertMayRead(actor, key);
      const file = await repo.readFile(entry.head, p.path);
      if (!file) throw new MediaNotFoundError({ path: p.path });
      return mediaFile(p.path, file.blob, file.bytes);
    },

    async deleteUnpublishedEntry(actor, site, p) {
      const key = keyOf(site, p.collection, p.slug);
      return repo.transaction(async () => {
        const { facts, unpublished } = await factsOf(key);
        if (!unpublished) throw new EntryBranchNotFoundError({ branch: `cms/${entryId(key)}` });
        authorizeTransition(actor, 'discard', facts);
        await discardEntry(repo, key, person(actor), `Huỷ bài chưa đăng: ${entryId(key)}`);
        return { message: `deleted branch: cms/${entryId(key)}` };
      });
    },

    async persistEntry(actor, site, p) {
      const dataFiles = p.dataFiles ?? [p.entry!];
      if (dataFiles.length !== 1)
        throw new ProxyBadRequestError({ action: 'persistEntry', issues: ['exactly one data file'] });
      const [file] = dataFiles;
      if (!p.options.useWorkflow) throw new WorkflowRequiredError({ action: 'persistEntry' });
      if (file.newPath) throw new PathNotAllowedError({ path: file.newPath, reason: 'rename' });
      const target = parseEntryPath(site, file.path);
      if ((p.options.collectionName && p.options.collectionName !== target.section) || file.slug !== target.slug) {
        throw new PathNotAllowedError({ path: file.path, reason: 'collection' });
      }
      const key: EntryKey = { site, section: target.section, slug: target.slug };
      const assets = p.assets.map((a) => decodeAsset(site, a));
      return repo.transaction(async () => {
        const { facts, unpublished } = await factsOf(key);
        const event: EntryEvent = facts.state === null ? 'create' : 'edit';
        const next = authorizeTransition(actor, event, facts)!;
        // Điều 8: the entry is saved in Unicode NFC; text pasted in TCVN3/VNI/VIQR is converted.
        const converted = savedText(file.raw);
        const legacy = converted.legacy;
        validate(file.path, converted.text, key, true);
        // ADR 0021: files are data, in the entry's own folder, used by it, replacing nobody else's file.
        await checkEntryAssets(repo, key, converted.text, assets);
        // Attachments dropped from the entry since the last save go back to what main had.
        const kept = new Set(assets.map((a) => a.path));
        const dropped: FileWrite[] = [];
        for (const change of unpublished?.changes ?? []) {
          if (change.after && change.path.startsWith(`${mediaRoot(site)}/`) && !kept.has(change.path)) {
            dropped.push({ path: change.path, content: change.before ? await repo.readBlob(change.before) : null });
          }
        }
        if (legacy) {
          // The text as it was typed stays in the entry's history, one commit before its conversion.
          await saveOnBranch(repo, {
            key,
            files: [{ path: file.path, content: file.raw }],
            by: person(actor),
            event,
            state: next,
            summary: `Bản gốc trước khi chuyển mã (${ENCODING_LABELS[legacy]})`,
          });
        }
        await saveOnBranch(repo, {
          key,
          files: [{ path: file.path, content: converted.text }, ...assets, ...dropped],
          by: person(actor),
          event: legacy ? 'edit' : event,
          state: next,
          summary: legacy ? `${p.options.commitMessage} — ${conversionMessage(legacy)}` : p.options.commitMessage,
          ...(legacy ? { extraTrailers: [['Converted-from', legacy]] as Array<[string, string]> } : {}),
        });
        return { message: legacy ? `entry persisted; ${conversionMessage(legacy)}` : 'entry persisted' };
      });
    },

    async updateUnpublishedEntryStatus(actor, site, p) {
      const key = keyOf(site, p.collection, p.slug);
      const to = FROM_DECAP[p.newStatus];
      if (!to)
        throw new ProxyBadRequestError({
          action: 'updateUnpublishedEntryStatus',
          issues: [`unknown status ${p.newStatus}`],
        });
      return repo.transaction(async () => {
        const { facts, unpublished } = await factsOf(key);
        if (!unpublished) throw new EntryBranchNotFoundError({ branch: `cms/${entryId(key)}` });
        if (facts.state === to) return { message: 'unchanged' };
        const event = statusEvent(actor, facts, to);
        const next = authorizeTransition(actor, event, facts, { to });
        await recordStep(repo, {
          key,
          by: person(actor),
          event,
          state: next!,
          summary: `${event}: ${entryId(key)}`,
          expectedHead: unpublished.head,
        });
        return { message: `status updated to ${p.newStatus}` };
      });
    },

    async publishUnpublishedEntry(actor, site, p) {
      const key = keyOf(site, p.collection, p.slug);
      await editorial.publish(actor, key);
      return { message: `entry ${entryId(key)} published` };
    },

    async getMedia(_actor, site, p) {
      const folder = checkMediaFolder(site, p.mediaFolder);
      const files = await repo.listFolder(MAIN, folder, 1);
      return Promise.all(files.map(async (f) => mediaFile(f.path, f.blob, await repo.readBlob(f.blob))));
    },

    async getMediaFile(_actor, site, p) {
      checkMediaPath(site, p.path);
      const file = await repo.readFile(MAIN, p.path);
      if (!file) throw new MediaNotFoundError({ path: p.path });
      return mediaFile(p.path, file.blob, file.bytes);
    },

    async persistMedia(actor, site, p) {
      authorizeMediaChange(actor, site, 'upload-media');
      const write = decodeAsset(site, p.asset);
      await editorial.applyToMain({
        site,
        entry: null,
        files: [write],
        by: person(actor),
        summary: p.options.commitMessage,
        trailers: [['Uploaded-by', `${actor.name} <${actor.username}>`]],
      });
      const file = (await repo.readFile(MAIN, write.path))!;
      return mediaFile(write.path, file.blob, file.bytes);
    },

    async deleteFile(actor, site, p) {
      await deletePaths(actor, site, [p.path], p.options.commitMessage);
      return { message: `deleted file ${p.path}` };
    },

    async deleteFiles(actor, site, p) {
      await deletePaths(actor, site, p.paths, p.options.commitMessage);
      return { message: `deleted files ${p.paths.join(', ')}` };
    },

    async getDeployPreview() {
      return null;
    },
  };

  /**
   * Deleting from main: a published entry needs the publish right (and takes
   * its own files with it), a file of the site the media right. Each goes
   * through the publication gate, so what is deleted is taken off the site.
   */
  async function deletePaths(actor: Actor, site: string, paths: string[], summary: string) {
    const files: string[] = [];
    for (const path of paths) {
      if (isEntryPath(site, path)) {
        const { section, slug } = parseEntryPath(site, path);
        await editorial.deletePublished(actor, { site, section, slug }, summary);
      } else {
        checkMediaPath(site, path);
        authorizeMediaChange(actor, site, 'delete-media');
        files.push(path);
      }
    }
    if (files.length === 0) return;
    const trailers: Trailers = [['Deleted-by', `${actor.name} <${actor.username}>`]];
    await editorial.applyToMain({
      site,
      entry: null,
      files: files.map((path) => ({ path, content: null })),
      by: person(actor),
      summary,
      trailers,
    });
  }

  return {
    /** Answers one POST to the proxy endpoint. Errors other than typed refusals propagate. */
    async handle(request: ProxyRequest): Promise<ProxyResponse> {
      const { actor, site } = request;
      const body = (request.body ?? {}) as { action?: unknown; params?: unknown };
      const action = typeof body.action === 'string' ? body.action : '';
      try {
        if (Object.hasOwn(QUIET_ACTIONS, action)) return { status: 200, body: QUIET_ACTIONS[action] };
        if (!Object.hasOwn(PAYLOADS, action)) throw new UnknownActionError({ action });
        const name = action as ProxyAction;
        const parsed = PAYLOADS[name].safeParse(body.params ?? {});
        if (!parsed.success) {
          throw new ProxyBadRequestError({
            action,
            issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`),
          });
        }
        if (name !== 'info') {
          if (actor.role === 'admin' || actor.site !== site)
            throw new NotOnBoardError({ event: 'edit', site, actorSite: actor.site ?? '', role: actor.role });
          const branch = (parsed.data as { branch: string }).branch;
          if (branch !== MAIN) throw new ProxyBadRequestError({ action, issues: [`branch must be ${MAIN}`] });
          deps.boardAtWork?.(site);
        }
        const result = await (handlers[name] as (a: Actor, s: string, p: unknown) => Promise<unknown>)(
          actor,
          site,
          parsed.data,
        );
        return { status: 200, body: result };
      } catch (thrown) {
        const error = asAppError(thrown);
        if (!error) throw thrown;
        return { status: error.status, body: { error: error.message, code: error.code, data: error.data } };
      }
    },
  };
}

export type DecapProxy = ReturnType<typeof createDecapProxy>;

/** Which verb a drag on Decap's workflow board means. */
function statusEvent(actor: Actor, facts: EntryFacts, to: WorkflowState): EntryEvent {
  if (facts.state === 'draft') return to === 'in-review' ? 'submit' : 'verify';
  if (facts.state === 'in-review') {
    if (to === 'ready') return 'verify';
    // Those who check send it back; anyone else is taking back a submission, which only its authors may.
    const checks = canVerify(actor) || canPublish(actor);
    return checks && !facts.owners.includes(actor.username) ? 'return' : 'withdraw';
  }
  return 'return';
}
