import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor } from '#server/editorial/editorial-workflow.ts';
import { openContentRepository, type ContentRepository } from '#server/editorial/content-repository/repository.ts';
import { createDecapProxy, type ProxyDeps } from '#server/editorial/decap-proxy/handlers.ts';
import { createPublicationGate } from '#server/editorial/publication-gate.ts';
import { createPublishQueue, type Publication } from '#server/editorial/publish-queue.ts';

export type PublishedEvent = Publication;

export const SEED = path.resolve(import.meta.dirname, '../fixtures/editorial/seed');
export const SITE = 'sotuphap';

/** The Sở Tư pháp board of the fixture (sites/sotuphap.yaml), as sessions would present it. */
const member = (
  username: string,
  name: string,
  role: Actor['role'],
  sections: string[] = [],
  delegations: Actor['delegations'] = [],
): Actor => ({
  username,
  name,
  site: SITE,
  role,
  sections,
  delegations,
});
export const BOARD = {
  head: member('annv', 'Nguyễn Văn An', 'head'),
  deputy: member('hanhttb', 'Trần Thị Bích Hạnh', 'deputy'),
  editor: member('minhlq', 'Lê Quang Minh', 'editor', ['tin-tuc', 'van-ban']),
  otherEditor: member('trangdtt', 'Đoàn Thị Thu Trang', 'editor', ['thu-tuc-hanh-chinh', 'gop-y', 'du-an-dau-thau']),
  itOfficer: member('thangpd', 'Phạm Đức Thắng', 'it-officer'),
  contributor: member('maiht', 'Hoàng Thị Mai', 'contributor', ['tin-tuc']),
  admin: { username: 'admin', name: 'Quản trị', site: null, role: 'admin', sections: [], delegations: [] } as Actor,
  outsider: { ...member('khoapv', 'Phan Văn Khoa', 'head'), site: 'sogddt' },
};

export function newsEntry(options: { title?: string; body?: string; secret?: boolean; extra?: string } = {}): string {
  return [
    '---',
    `title: ${options.title ?? 'Hội nghị tổng kết công tác tư pháp năm 2024'}`,
    'summary: Sở Tư pháp tổ chức hội nghị tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025.',
    'date: 2024-12-20',
    'category: thong-bao',
    'source:',
    '  kind: cited',
    '  name: Báo Thừa Thiên Huế',
    '  url: https://baothuathienhue.vn/hoi-nghi-tong-ket',
    ...(options.secret ? ['stateSecret: true'] : []),
    ...(options.extra ? [options.extra] : []),
    '---',
    '',
    options.body ?? 'Sáng 20/12, Sở Tư pháp tổ chức hội nghị tổng kết công tác năm 2024.',
    '',
  ].join('\n');
}

// biome-ignore lint/suspicious/noExplicitAny: a response body is read field by field, as each test expects it
type ResponseBody = any;

export interface Harness {
  repo: ContentRepository;
  published: PublishedEvent[];
  call(actor: Actor, action: string, params?: Record<string, unknown>): Promise<{ status: number; body: ResponseBody }>;
  save(
    actor: Actor,
    slug: string,
    raw: string,
    assets?: Array<{ path: string; content: string; encoding: 'base64' }>,
  ): Promise<{ status: number; body: ResponseBody }>;
  move(actor: Actor, slug: string, newStatus: string): Promise<{ status: number; body: ResponseBody }>;
  publish(actor: Actor, slug: string): Promise<{ status: number; body: ResponseBody }>;
  close(): Promise<void>;
}

export async function harness(deps: Partial<ProxyDeps> = {}): Promise<Harness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'congso-proxy-'));
  let now = Date.UTC(2024, 11, 20, 2, 0, 0);
  const repo = await openContentRepository({
    dir: path.join(dir, 'content'),
    seedFrom: SEED,
    clock: () => (now += 1000),
  });
  const published: PublishedEvent[] = [];
  // Records what went live instead of building: these tests look at git and at who may do what.
  const queue = createPublishQueue({ build: async () => undefined });
  const recording = {
    ...queue,
    enqueue: (p: Publication) => {
      published.push(p);
      return queue.enqueue(p);
    },
  };
  const proxy = createDecapProxy({ repo, gate: createPublicationGate({ repo, queue: recording }), ...deps });
  const call: Harness['call'] = (actor, action, params = {}) =>
    proxy.handle({ actor, site: SITE, body: { action, params: { branch: 'main', ...params } } });
  return {
    repo,
    published,
    call,
    save: (actor, slug, raw, assets = []) =>
      call(actor, 'persistEntry', {
        dataFiles: [{ slug, path: `content/${SITE}/tin-tuc/${slug}.mdx`, raw }],
        assets,
        options: { collectionName: 'tin-tuc', commitMessage: `Lưu bài “${slug}”`, useWorkflow: true, status: 'draft' },
      }),
    move: (actor, slug, newStatus) =>
      call(actor, 'updateUnpublishedEntryStatus', { collection: 'tin-tuc', slug, newStatus }),
    publish: (actor, slug) => call(actor, 'publishUnpublishedEntry', { collection: 'tin-tuc', slug }),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
