import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '#src/schema/roles.ts';
import { createApp } from '#server/platform/app.ts';
import { openContentRepository, type ContentRepository } from '#server/editorial/content-repository/repository.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { Browser, cheapHasher, DEPARTMENTS, manualClock, type TestApp } from '../accounts/support.ts';
import { startLiveApp, type LiveApp } from '../editorial/live-app.ts';
import { newsEntry, SEED } from '../editorial/support.ts';
import type { StorageKind } from './support.ts';

// biome-ignore lint/suspicious/noExplicitAny: a response body is read field by field, as each test expects it
type Answer = { status: number; body: any };

/** Decap's calls to `/admin/api/v1`, made from a signed-in browser. */
export interface DecapCalls {
  api(who: Browser, action: string, params?: Record<string, unknown>): Promise<Answer>;
  saveNews(who: Browser, slug: string, raw?: string): Promise<Answer>;
  move(who: Browser, slug: string, newStatus: 'pending_review' | 'pending_publish' | 'draft'): Promise<Answer>;
  publish(who: Browser, slug: string): Promise<Answer>;
}

export function decapCalls(): DecapCalls {
  const api = async (who: Browser, action: string, params: Record<string, unknown> = {}) => {
    const r = await who.request('/admin/api/v1', { json: { action, params: { branch: 'main', ...params } } });
    return { status: r.status, body: await r.json() };
  };
  return {
    api,
    saveNews: (who, slug, raw = newsEntry({ title: `Tin ${slug}` })) =>
      api(who, 'persistEntry', {
        dataFiles: [{ slug, path: `content/sotuphap/tin-tuc/${slug}.mdx`, raw }],
        assets: [],
        options: { collectionName: 'tin-tuc', commitMessage: `Lưu “${slug}”`, useWorkflow: true, status: 'draft' },
      }),
    move: (who, slug, newStatus) =>
      api(who, 'updateUnpublishedEntryStatus', { collection: 'tin-tuc', slug, newStatus }),
    publish: (who, slug) => api(who, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug }),
  };
}

/**
 * The live server (real builds into a served `dist/`) with its three sample
 * people signed in, each in their own browser, on the storage given: the
 * editorial findings are checked the way an attacker with those accounts
 * would try them, over HTTP.
 */
export interface LiveSite extends DecapCalls {
  live: LiveApp;
  head: Browser;
  deputy: Browser;
  contributor: Browser;
  /** Entered by the contributor, submitted, verified by the deputy, published by the head. */
  publishNews(slug: string, raw?: string): Promise<void>;
  /** A GET on the department site as a visitor sees it. */
  visit(path: string): Promise<Response>;
  close(): Promise<void>;
}

export async function openLiveSite(kind: StorageKind): Promise<LiveSite> {
  const live = await startLiveApp({ storage: kind.open });
  const testApp = { app: live.app } as unknown as TestApp;
  const browser = async (person: { username: string; oneTimePassword: string }) => {
    const b = new Browser(testApp, 'sotuphap.localhost');
    await b.signInFully(person.username, person.oneTimePassword);
    return b;
  };
  const [head, deputy, contributor] = [
    await browser(live.people.head),
    await browser(live.people.deputy),
    await browser(live.people.contributor),
  ];
  const site: LiveSite = {
    live,
    head,
    deputy,
    contributor,
    ...decapCalls(),
    async publishNews(slug, raw) {
      const steps = [
        await site.saveNews(contributor, slug, raw),
        await site.move(contributor, slug, 'pending_review'),
        await site.move(deputy, slug, 'pending_publish'),
        await site.publish(head, slug),
      ];
      const failed = steps.find((s) => s.status !== 200);
      if (failed) throw new Error(`publishing ${slug}: ${failed.status} ${JSON.stringify(failed.body)}`);
    },
    visit: async (path) => live.app.request(`http://sotuphap.localhost${path}`),
    close: () => live.close(),
  };
  return site;
}

/** Who sits on the Sở Tư pháp board in the quick (no real build) editorial app. */
export type BoardMember =
  | 'head'
  | 'deputy'
  | 'deputy2'
  | 'itOfficer'
  | 'editor'
  | 'otherEditor'
  | 'contributor'
  | 'otherContributor';

export interface EditorialApp extends DecapCalls {
  app: ReturnType<typeof createApp>;
  services: ReturnType<typeof createServices>;
  storage: Storage;
  repo: ContentRepository;
  /** A signed-in browser per board member. */
  as: Record<BoardMember, Browser>;
  usernames: Record<BoardMember, string>;
  close(): Promise<void>;
}

/**
 * The whole server over a content repository, on the storage given, with a
 * rebuild that does nothing: for the findings about who may do what, which
 * need real accounts and sessions but no built site.
 */
export async function openEditorialApp(kind: StorageKind): Promise<EditorialApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'congso-sec-'));
  const repo = await openContentRepository({ dir: path.join(dir, 'content'), seedFrom: SEED });
  const storage = await kind.open();
  const services = createServices({ storage, departments: DEPARTMENTS, clock: manualClock(), hasher: cheapHasher() });
  const app = createApp({
    storage,
    departments: DEPARTMENTS,
    services,
    editorial: { repo, liveWaitMs: 5_000, build: async () => undefined },
  });
  const testApp = { app } as unknown as TestApp;
  const members: Record<BoardMember, [string, Role, string[]?]> = {
    head: ['Nguyễn Văn An', 'head'],
    deputy: ['Trần Thị Bích Hạnh', 'deputy'],
    deputy2: ['Võ Minh Tâm', 'deputy'],
    itOfficer: ['Phạm Đức Thắng', 'it-officer'],
    editor: ['Lê Quang Minh', 'editor', ['tin-tuc']],
    otherEditor: ['Đoàn Thị Thu Trang', 'editor', ['van-ban']],
    contributor: ['Hoàng Thị Mai', 'contributor', ['tin-tuc']],
    otherContributor: ['Ngô Văn Bình', 'contributor', ['tin-tuc']],
  };
  const as = {} as Record<BoardMember, Browser>;
  const usernames = {} as Record<BoardMember, string>;
  for (const [key, [fullName, role, sections]] of Object.entries(members) as Array<
    [BoardMember, [string, Role, string[]?]]
  >) {
    const issued = await services.accounts.create(
      systemPrincipal('test'),
      { fullName, role, departmentId: 'sotuphap', sections },
      NO_REQUEST,
    );
    const browser = new Browser(testApp, 'sotuphap.localhost');
    await browser.signInFully(issued.account.username, issued.oneTimePassword);
    as[key] = browser;
    usernames[key] = issued.account.username;
  }
  return {
    app,
    services,
    storage,
    repo,
    as,
    usernames,
    ...decapCalls(),
    async close() {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
