import { Hono } from 'hono';
import { parseFrontmatter } from '../../src/content-source/frontmatter.ts';
import { SECTION_IDS, type SectionId } from '../../src/schema/sections.ts';
import type { AppEnv } from '../app-env.ts';
import { entryFile, entryHistory, readUnpublished, type EntryKey } from '../content-repo/entry-store.ts';
import { MAIN, type ContentRepository } from '../content-repo/repository.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { PermissionDeniedError } from '../errors/permission-denied-error.ts';
import { BACK_OFFICE_PREFIX } from '../lib/back-office-paths.ts';
import { entryHistoryPage } from '../views/entry-history-page.ts';

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

/**
 * Mounted after the back office, whose `/quan-tri/*` middleware (session,
 * signed in, password changed) already ran: this route only decides who of
 * the signed-in may read. Every member of the department's board may; the
 * province admin, who has no editorial role (ADR 0013), may not.
 */
export function entryHistoryRoutes(repository: () => Promise<ContentRepository>) {
  return new Hono<AppEnv>().get(`${ENTRY_HISTORY_PATH}/:section/:slug`, async (c) => {
    const site = c.var.site;
    const { section, slug } = c.req.param();
    if (site?.kind !== 'department' || !(SECTION_IDS as readonly string[]).includes(section) || !SLUG.test(slug)) {
      throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    }
    const actor = c.var.session!.account;
    if (actor.departmentId !== site.department.id) {
      throw new PermissionDeniedError({ action: 'read-entry-history', actorRole: actor.role, targetRole: null });
    }
    const repo = await repository();
    const key: EntryKey = { site: site.department.id, section: section as SectionId, slug };
    const [steps, unpublished, live] = await Promise.all([entryHistory(repo, key), readUnpublished(repo, key), repo.readFile(MAIN, entryFile(key))]);
    if (steps.length === 0 && !unpublished && !live) throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    // The version being worked on names the entry as its editors now know it.
    const draft = unpublished ? await repo.readFile(unpublished.head, entryFile(key)) : null;
    return c.html(
      entryHistoryPage({
        site,
        actor,
        section: key.section as SectionId,
        slug,
        title: titleOf(draft?.bytes) ?? titleOf(live?.bytes),
        state: unpublished ? unpublished.state : live ? 'published' : null,
        steps,
      }),
    );
  });
}
