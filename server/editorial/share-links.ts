import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ShareLinkRepository } from '#server/platform/storage/repository.ts';
import type { ShareLinkOutcome, ShareLinkRecord } from '#server/platform/storage/records.ts';
import { log } from '#server/platform/observability/log.ts';
import { entryFile, entryBranch, restoredVersions, type EntryKey } from './content-repository/entry-store.ts';
import { mediaRoot } from './decap-proxy/paths.ts';
import { MAIN, type ContentRepository } from './content-repository/repository.ts';
import { authorizeDraftRead, canPublish, canVerify, isSamePerson, type Actor } from './editorial-workflow.ts';
import { secrecyOf, type EditorialService } from './editorial-service.ts';
import {
  EntryBranchNotFoundError,
  ShareDraftGoneError,
  ShareFilePathError,
  ShareFileRestoredError,
  ShareLifetimeInvalidError,
  ShareLinkExpiredError,
  ShareLinkInvalidError,
  ShareLinkNotYoursError,
  ShareLinkRevokedError,
  ShareStateSecretError,
} from './errors.ts';

/**
 * A read-only link that shows a draft to someone without an account
 * (docs/adr/0093): a random id and an HMAC (node:crypto) of everything the
 * link promises — the entry, the draft's commit, the expiry — under a key of
 * the server. Expiry and revocation are read from storage on each use, and
 * each use, shown or refused, is a line in `share_link_uses`. A draft marked
 * as a state secret is never shared, nor shown through a link made before it
 * was marked (Điều 4.2đ).
 */

/** The lifetimes a board member chooses from: short, because a draft changes and is not public yet. */
export const SHARE_LIFETIMES = {
  '1-gio': 3_600_000,
  '1-ngay': 86_400_000,
  '3-ngay': 3 * 86_400_000,
  '7-ngay': 7 * 86_400_000,
} as const;
export type ShareLifetime = keyof typeof SHARE_LIFETIMES;
export const SHARE_PATH = '/xem-truoc';

export interface ShareLinkDeps {
  repo: ContentRepository;
  service: EditorialService;
  links: ShareLinkRepository;
  /** The server's signing key for links. */
  key: Uint8Array;
  clock: () => number;
}

const ID = /^[A-Za-z0-9_-]{22}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

export function createShareLinks(deps: ShareLinkDeps) {
  const { repo, service, links, key, clock } = deps;

  const signature = (link: ShareLinkRecord) =>
    createHmac('sha256', key)
      .update(
        [
          'congso share link v1',
          link.id,
          link.departmentId,
          link.section,
          link.slug,
          link.commit,
          String(link.expiresAt),
        ].join('\n'),
      )
      .digest();

  const tokenOf = (link: ShareLinkRecord) => `${link.id}.${signature(link).toString('base64url')}`;

  async function secretAt(ref: string, k: EntryKey): Promise<boolean> {
    const file = await repo.readFile(ref, entryFile(k));
    return secrecyOf(file ? new TextDecoder().decode(file.bytes) : null) !== 'open';
  }

  async function use(link: ShareLinkRecord, outcome: ShareLinkOutcome, site: string) {
    await links.recordUse({ linkId: link.id, at: clock(), outcome });
    log.info('share-link-used', { site, link: link.id, outcome });
  }

  /**
   * A media file as the shared version has it: whether main has it too, and, when main has not, whether a restore
   * brought it back rather than an upload: the bytes of the same path in a version restored on the draft
   * (docs/adr/0119). Main no longer has it because someone took it off the site; it is shown outside the board again
   * only after verification and publication. The restored versions are read once per request (`restored`).
   */
  async function sharedFile(
    commit: string,
    file: string,
    restored: () => Promise<string[]>,
  ): Promise<{ bytes: Uint8Array; onMain: boolean; restored: boolean } | null> {
    const found = await repo.readFile(commit, file);
    if (!found) return null;
    if (await repo.readFile(MAIN, file)) return { bytes: found.bytes, onMain: true, restored: false };
    for (const version of await restored()) {
      const old = await repo.readFile(version, file);
      if (old && Buffer.from(old.bytes).equals(found.bytes))
        return { bytes: found.bytes, onMain: false, restored: true };
    }
    return { bytes: found.bytes, onMain: false, restored: false };
  }
  const restoredOnce = (commit: string) => {
    let versions: Promise<string[]> | undefined;
    return () => (versions ??= restoredVersions(repo, commit));
  };

  /**
   * A link's checks, in order, each refusal logged: a link of another
   * department's host is invalid here.
   */
  async function verify(site: string, token: string): Promise<{ link: ShareLinkRecord; k: EntryKey }> {
    const [id = '', sig = ''] = token.split('.');
    if (!ID.test(id) || !SIGNATURE.test(sig)) throw new ShareLinkInvalidError();
    const link = await links.find(id);
    if (!link || link.departmentId !== site) throw new ShareLinkInvalidError();
    // Compared as text: base64url has several spellings of the same bytes (the last character's unused bits),
    // and a link that was changed is refused whatever bytes it decodes to.
    const expected = Buffer.from(signature(link).toString('base64url'));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      await use(link, 'tampered', site);
      throw new ShareLinkInvalidError();
    }
    if (link.revokedAt !== null) {
      await use(link, 'revoked', site);
      throw new ShareLinkRevokedError();
    }
    if (clock() >= link.expiresAt) {
      await use(link, 'expired', site);
      throw new ShareLinkExpiredError({ expiredAt: link.expiresAt });
    }
    const k: EntryKey = { site, section: link.section as EntryKey['section'], slug: link.slug };
    const head = await repo.resolve(entryBranch(k));
    if (!head) {
      await use(link, 'gone', site);
      throw new ShareDraftGoneError({ section: k.section, slug: k.slug });
    }
    // Marked secret since, or at the time: never shown outside the board.
    if ((await secretAt(head, k)) || (await secretAt(link.commit, k))) {
      await use(link, 'secret', site);
      throw new ShareStateSecretError({ section: k.section, slug: k.slug });
    }
    return { link, k };
  }

  return {
    /** Makes a link to the entry's open draft, as it is now. */
    async create(
      actor: Actor,
      creator: { id: string; name: string },
      k: EntryKey,
      lifetime: string,
    ): Promise<{ link: ShareLinkRecord; token: string }> {
      if (!(lifetime in SHARE_LIFETIMES)) throw new ShareLifetimeInvalidError({ value: lifetime.slice(0, 40) });
      const { unpublished, readFacts } = await service.factsOf(k);
      if (!unpublished) throw new EntryBranchNotFoundError({ branch: entryBranch(k) });
      authorizeDraftRead(actor, readFacts);
      if (readFacts.stateSecret) throw new ShareStateSecretError({ section: k.section, slug: k.slug });
      const now = clock();
      const link: ShareLinkRecord = {
        id: randomBytes(16).toString('base64url'),
        departmentId: k.site,
        section: k.section,
        slug: k.slug,
        commit: unpublished.head,
        createdBy: creator.id,
        createdByName: creator.name,
        createdAt: now,
        expiresAt: now + SHARE_LIFETIMES[lifetime as ShareLifetime],
        revokedAt: null,
        revokedBy: null,
      };
      await links.create(link);
      return { link, token: tokenOf(link) };
    },

    tokenOf,

    /**
     * Opens a link on a department's host: the draft's text as it was shared,
     * or the refusal, each logged. A link of another department's host is
     * invalid here.
     */
    async open(site: string, token: string): Promise<{ link: ShareLinkRecord; file: string; text: string }> {
      const { link, k } = await verify(site, token);
      const file = await repo.readFile(link.commit, entryFile(k));
      if (!file) {
        await use(link, 'gone', site);
        throw new ShareDraftGoneError({ section: k.section, slug: k.slug });
      }
      await use(link, 'shown', site);
      return { link, file: entryFile(k), text: new TextDecoder().decode(file.bytes) };
    },

    /**
     * A file of the site's media folder as the shared version has it
     * (docs/adr/0106): a draft's new attachment is only on its branch. The link
     * is checked as for the page, each refusal logged; the page's opening is
     * the use, so a file is not counted again. `rel` is below `tep/`: a path
     * that would climb out of it is refused (`E_SHARE_FILE_PATH`).
     */
    async file(site: string, token: string, rel: string): Promise<{ name: string; bytes: Uint8Array } | null> {
      const segments = rel.split('/');
      if (!rel || segments.some((s) => s === '' || s === '.' || s === '..' || /[\\\0]/.test(s)))
        throw new ShareFilePathError();
      const { link } = await verify(site, token);
      const file = `${mediaRoot(site)}/${rel}`;
      const found = await sharedFile(link.commit, file, restoredOnce(link.commit));
      if (found?.restored) {
        log.info('share-link-file-refused', { site, link: link.id, reason: 'restored' });
        throw new ShareFileRestoredError({ file: rel });
      }
      return found ? { name: segments.at(-1)!, bytes: found.bytes } : null;
    },

    /** Of the media files a page links to (below `tep/`), those the shared version has, main has not, and no restore brought back. */
    async draftOnlyFiles(link: ShareLinkRecord, rels: readonly string[]): Promise<Set<string>> {
      const root = mediaRoot(link.departmentId);
      const out = new Set<string>();
      const restored = restoredOnce(link.commit);
      // A page links to a few files; a body listing thousands is not a reason to read them all.
      for (const rel of rels.slice(0, 100)) {
        if (rel.split('/').some((s) => s === '' || s === '.' || s === '..')) continue;
        const found = await sharedFile(link.commit, `${root}/${rel}`, restored);
        if (found && !found.onMain && !found.restored) out.add(rel);
      }
      return out;
    },

    /** The entry's links with their uses, for its history page. */
    async list(k: EntryKey) {
      const found = await links.listForEntry(k.site, k.section, k.slug);
      return Promise.all(found.map(async (link) => ({ link, uses: await links.uses(link.id) })));
    },

    async revoke(actor: Actor, accountId: string, k: EntryKey, id: string): Promise<void> {
      const link = await links.find(id);
      if (!link || link.departmentId !== k.site || link.section !== k.section || link.slug !== k.slug)
        throw new ShareLinkInvalidError();
      if (
        link.createdBy !== accountId &&
        !canVerify(actor) &&
        !canPublish(actor) &&
        !isSamePerson(actor, link.createdBy)
      ) {
        throw new ShareLinkNotYoursError({ username: actor.username });
      }
      await links.revoke(id, accountId, clock());
    },
  };
}

export type ShareLinks = ReturnType<typeof createShareLinks>;
