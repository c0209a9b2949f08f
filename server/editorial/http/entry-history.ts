import { Hono, type Context } from 'hono';
import { parseFrontmatter } from '#src/content-source/frontmatter.ts';
import { SECTION_IDS, type SectionId } from '#src/schema/sections.ts';
import type { AppEnv } from '#server/platform/app-env.ts';
import { entryFile, entryHistory, type EntryKey } from '../content-repository/entry-store.ts';
import { MAIN } from '../content-repository/repository.ts';
import { NotFoundError, PermissionDeniedError } from '#server/platform/errors.ts';
import { readForm } from '#server/platform/http/request-input.ts';
import { BACK_OFFICE_PREFIX } from '#server/platform/http/back-office-paths.ts';
import { availableEvents, canPublish, mayReadDraft, maySectionBeEntered, type Actor } from '../editorial-workflow.ts';
import { entryVersions, readVersion, restoreVersion, type EntryVersion } from '../entry-versions.ts';
import { diffVersions } from '../version-diff.ts';
import { ShareLinkInvalidError, VersionNotFoundError } from '../errors.ts';
import { canVerify } from '../editorial-workflow.ts';
import { SHARE_PATH, type ShareLinks } from '../share-links.ts';
import { entryHistoryPage } from './entry-history-page.ts';
import {
  ENTRY_ACTION_SLUGS,
  type EntryAction,
  entryHistoryPageView,
  RESTORE_SLUG,
  SHARE_SLUGS,
  URGENT_REASON_MAX_LENGTH,
} from './entry-history-page-view.ts';
import type { Editorial } from '../editorial-runtime.ts';
import { listEntries } from '../entry-list.ts';
import { entryListPage } from './entry-list-page.ts';
import { ENTRY_LIST_PATH, entryListPageView, entryListQuery } from './entry-list-page-view.ts';

/** `/quan-tri/bai-viet/<section>/<slug>`: one entry's step history, for its department's board. */
export const ENTRY_HISTORY_PATH = `${BACK_OFFICE_PREFIX}/bai-viet`;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function titleOf(raw: Uint8Array | undefined): string | null {
  if (!raw) return null;
  try {
    const title = parseFrontmatter(new TextDecoder().decode(raw)).data.title;
    return typeof title === 'string' ? title : null;
  } catch {
    return null;
  }
}

export const entryPath = (key: Pick<EntryKey, 'section' | 'slug'>) =>
  `${ENTRY_HISTORY_PATH}/${key.section}/${key.slug}`;

/**
 * Mounted after the back office, whose `/quan-tri/*` middleware (session,
 * signed in, password changed) already ran: this route only decides who of
 * the signed-in may read. Every member of the department's board may; the
 * province admin, who has no editorial role (ADR 0013), may not. The steps
 * Decap has no button for are here: taking an entry down, an urgent
 * publication by the head (ADR 0044) and its review by a second person.
 */
export function entryHistoryRoutes(
  editorial: () => Promise<Editorial>,
  actorOf: (c: Context<AppEnv>) => Promise<Actor>,
  clock: () => number = Date.now,
  shares?: () => Promise<ShareLinks>,
) {
  /** The address a link is opened at: this host, as the browser reached it. */
  const origin = (c: Context<AppEnv>) => `${c.var.secure ? 'https' : 'http'}://${new URL(c.req.url).host}`;

  function keyOf(c: Context<AppEnv>): EntryKey {
    const site = c.var.site;
    const { section, slug } = c.req.param() as { section: string; slug: string };
    if (site?.kind !== 'department' || !(SECTION_IDS as readonly string[]).includes(section) || !SLUG.test(slug)) {
      throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    }
    const account = c.var.session!.account;
    if (account.departmentId !== site.department.id) {
      throw new PermissionDeniedError({ action: 'read-entry-history', actorRole: account.role, targetRole: null });
    }
    return { site: site.department.id, section: section as SectionId, slug };
  }

  /** A version number from a form or the address; anything else is no choice. */
  const versionNumber = (value: unknown) => {
    const n = typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : null;
    return n;
  };

  async function render(c: Context<AppEnv>, key: EntryKey, messages: { notice?: string; error?: string } = {}) {
    const { repo, service } = await editorial();
    const actor = await actorOf(c);
    const [steps, { facts, unpublished, readFacts }, live, urgent] = await Promise.all([
      entryHistory(repo, key),
      service.factsOf(key),
      repo.readFile(MAIN, entryFile(key)),
      service.readUrgent(key),
    ]);
    if (steps.length === 0 && !unpublished && !live) throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    // A state-secret draft's title is itself part of what is protected (Điều 4.2đ).
    const readable = !unpublished || mayReadDraft(actor, readFacts);
    const draft = unpublished && readable ? await repo.readFile(unpublished.head, entryFile(key)) : null;
    const liveFacts = live ? { ...facts, state: 'published' as const, urgentBy: urgent?.by.username ?? null } : null;
    const actions = new Set<EntryAction>(
      [
        ...(unpublished && readable ? availableEvents(actor, facts) : []),
        ...(liveFacts ? availableEvents(actor, liveFacts) : []),
      ].filter((e): e is EntryAction => e in ENTRY_ACTION_SLUGS),
    );
    // Versions, comparison and restore (docs/adr/0092): only for who may read the entry's drafts.
    const versions = readable ? await entryVersions(repo, key) : [];
    const text = async (v: EntryVersion) => readVersion(repo, v);
    const byNumber = (n: number | null) => versions.find((v) => v.n === n) ?? null;
    const from = byNumber(versionNumber(c.req.query('tu')));
    const to = byNumber(versionNumber(c.req.query('den')));
    const compare =
      from && to ? { from: from.n, to: to.n, diff: diffVersions(await text(from), await text(to)) } : null;
    const lastVerified = [...versions].reverse().find((v) => v.verifiedBy);
    const current = versions.at(-1);
    const sinceVerified =
      unpublished && canPublish(actor) && lastVerified && current
        ? { n: lastVerified.n, diff: diffVersions(await text(lastVerified), await text(current)) }
        : null;
    const mayRestore =
      readable &&
      versions.length > 0 &&
      (unpublished || liveFacts
        ? availableEvents(actor, unpublished ? facts : liveFacts!).includes('edit')
        : maySectionBeEntered(actor, key.site, key.section));
    // Share links of the open draft (docs/adr/0093), for who may read it.
    const account = c.var.session!.account;
    const sharing = unpublished && readable && shares ? await shares() : null;
    const share = sharing
      ? {
          secret: readFacts.stateSecret,
          links: (await sharing.list(key)).map(({ link, uses }) => ({
            id: link.id,
            url: `${origin(c)}${SHARE_PATH}?ma=${sharing.tokenOf(link)}`,
            createdByName: link.createdByName,
            createdAt: link.createdAt,
            expiresAt: link.expiresAt,
            revokedAt: link.revokedAt,
            uses: uses.length,
            mayRevoke: link.createdBy === account.id || canVerify(actor) || canPublish(actor),
          })),
        }
      : null;
    return entryHistoryPage(
      entryHistoryPageView({
        site: c.var.site,
        actor: c.var.session!.account,
        section: key.section,
        slug: key.slug,
        title: titleOf(draft?.bytes) ?? titleOf(live?.bytes),
        state: unpublished ? unpublished.state : live ? 'published' : null,
        steps,
        urgent,
        actions: [...actions],
        versions: versions.map(({ blob: _blob, commit: _commit, ...v }) => v),
        compare,
        sinceVerified,
        mayRestore,
        share,
        now: clock(),
        ...messages,
      }),
    );
  }

  /** The department whose board the signed-in person sits on, on its own host; anyone else is refused. */
  function boardSite(c: Context<AppEnv>): string {
    const site = c.var.site;
    if (site?.kind !== 'department') throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    const account = c.var.session!.account;
    if (account.departmentId !== site.department.id) {
      throw new PermissionDeniedError({ action: 'read-entry-history', actorRole: account.role, targetRole: null });
    }
    return site.department.id;
  }

  const app = new Hono<AppEnv>();
  // Every entry of the department, with its state, author, last step and age (Điều 19).
  app.get(ENTRY_LIST_PATH, async (c) => {
    const site = boardSite(c);
    const { repo, service } = await editorial();
    const rows = await listEntries(repo, service, await actorOf(c), site);
    const query = entryListQuery((name) => c.req.query(name));
    return c.html(
      entryListPage(entryListPageView({ site: c.var.site, actor: c.var.session!.account, rows, query, now: clock() })),
    );
  });
  app.get(`${ENTRY_HISTORY_PATH}/:section/:slug`, async (c) =>
    c.html(await render(c, keyOf(c), { notice: c.req.query('thong-bao') })),
  );
  // "Restore this version": a new draft through the three steps, never straight to live (docs/adr/0092).
  app.post(`${ENTRY_HISTORY_PATH}/:section/:slug/${RESTORE_SLUG}`, async (c) => {
    const key = keyOf(c);
    const { repo, service } = await editorial();
    const actor = await actorOf(c);
    const form = await readForm(c);
    c.set('formErrorView', (error) => render(c, key, { error: error.message }));
    const n = versionNumber(form['phien-ban']);
    if (n === null) throw new VersionNotFoundError({ section: key.section, slug: key.slug, version: 0 });
    await restoreVersion(repo, service, actor, key, n);
    return c.redirect(`${entryPath(key)}?thong-bao=${RESTORE_SLUG}`, 303);
  });
  // Share links: made by who may read the draft, taken back by their maker or who checks (docs/adr/0093).
  app.post(`${ENTRY_HISTORY_PATH}/:section/:slug/${SHARE_SLUGS.create}`, async (c) => {
    const key = keyOf(c);
    const form = await readForm(c);
    c.set('formErrorView', (error) => render(c, key, { error: error.message }));
    if (!shares) throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    const account = c.var.session!.account;
    await (await shares()).create(
      await actorOf(c),
      { id: account.id, name: account.fullName },
      key,
      typeof form['thoi-han'] === 'string' ? form['thoi-han'] : '',
    );
    return c.redirect(`${entryPath(key)}?thong-bao=${SHARE_SLUGS.create}`, 303);
  });
  app.post(`${ENTRY_HISTORY_PATH}/:section/:slug/${SHARE_SLUGS.revoke}`, async (c) => {
    const key = keyOf(c);
    const form = await readForm(c);
    c.set('formErrorView', (error) => render(c, key, { error: error.message }));
    if (!shares) throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    const id = form['lien-ket'];
    if (typeof id !== 'string') throw new ShareLinkInvalidError();
    await (await shares()).revoke(await actorOf(c), c.var.session!.account.id, key, id);
    return c.redirect(`${entryPath(key)}?thong-bao=${SHARE_SLUGS.revoke}`, 303);
  });
  for (const [action, slug] of Object.entries(ENTRY_ACTION_SLUGS) as Array<[EntryAction, string]>) {
    app.post(`${ENTRY_HISTORY_PATH}/:section/:slug/${slug}`, async (c) => {
      const key = keyOf(c);
      const { service } = await editorial();
      const actor = await actorOf(c);
      const form = await readForm(c);
      c.set('formErrorView', (error) => render(c, key, { error: error.message }));
      if (action === 'unpublish') await service.unpublish(actor, key);
      else if (action === 'publish-urgently')
        await service.publishUrgently(
          actor,
          key,
          typeof form.reason === 'string' ? form.reason.slice(0, URGENT_REASON_MAX_LENGTH) : '',
        );
      else await service.reviewUrgent(actor, key);
      return c.redirect(`${entryPath(key)}?thong-bao=${slug}`, 303);
    });
  }
  return app;
}
