import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { newsEntry } from '../editorial/support.ts';
import { openEditorialApp, type EditorialApp } from './editorial-support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding 6c: a deputy holding both delegations rewrote a contributor's
 * submitted entry, verified it and published it: editing never made the
 * deputy an author. Now the verifier of a revision is none of its authors,
 * and its publisher is not its verifier (ADR 0043).
 */
describe.each(STORAGE_KINDS)('four eyes at least ($name)', (kind) => {
  let t: EditorialApp;
  beforeAll(async () => {
    t = await openEditorialApp(kind);
    await t.services.accounts.delegate(systemPrincipal('test'), t.usernames.deputy, ['publish'], NO_REQUEST);
  }, 120_000);
  afterAll(() => t?.close());

  it('a deputy who rewrote a submitted entry cannot verify it, nor publish it', async () => {
    const main = await t.repo.resolve(MAIN);
    await t.saveNews(t.as.contributor, 'viet-lai', newsEntry({ title: 'Bản gốc' }));
    await t.move(t.as.contributor, 'viet-lai', 'pending_review');
    expect((await t.saveNews(t.as.deputy, 'viet-lai', newsEntry({ title: 'Bản đã viết lại' }))).status).toBe(200);
    expect((await t.move(t.as.deputy, 'viet-lai', 'pending_publish')).body.code).toBe('E_WORKFLOW_SELF_VERIFICATION');
    expect((await t.publish(t.as.deputy, 'viet-lai')).body.code).toBe('E_WORKFLOW_INVALID_TRANSITION');
    expect(await t.repo.resolve(MAIN)).toBe(main);
    // A second deputy checks the rewritten text; then the head publishes.
    expect((await t.move(t.as.deputy2, 'viet-lai', 'pending_publish')).status).toBe(200);
    expect((await t.publish(t.as.head, 'viet-lai')).status).toBe(200);
  });

  it('whoever verified an entry cannot publish it, even holding the publish delegation', async () => {
    await t.saveNews(t.as.contributor, 'xac-thuc-roi-dang', newsEntry());
    await t.move(t.as.contributor, 'xac-thuc-roi-dang', 'pending_review');
    expect((await t.move(t.as.deputy, 'xac-thuc-roi-dang', 'pending_publish')).status).toBe(200);
    expect((await t.publish(t.as.deputy, 'xac-thuc-roi-dang')).body.code).toBe('E_WORKFLOW_PUBLISHER_IS_VERIFIER');
    expect(await t.repo.readFile(MAIN, 'content/sotuphap/tin-tuc/xac-thuc-roi-dang.mdx')).toBeNull();
    expect((await t.publish(t.as.head, 'xac-thuc-roi-dang')).status).toBe(200);
  });

  it('the head alone publishes urgently only with a written reason; it stays on the dashboard until a second person reviews it', async () => {
    await t.saveNews(t.as.head, 'tin-khan-bao', newsEntry({ title: 'Thông báo khẩn về bão số 5' }));
    const noReason = await t.as.head.request('/quan-tri/bai-viet/tin-tuc/tin-khan-bao/dang-khan', {
      form: { reason: 'gấp' },
    });
    expect(noReason.status).toBe(422);
    expect(await t.repo.readFile(MAIN, 'content/sotuphap/tin-tuc/tin-khan-bao.mdx')).toBeNull();
    const byDeputy = await t.as.deputy.request('/quan-tri/bai-viet/tin-tuc/tin-khan-bao/dang-khan', {
      form: { reason: 'Bão đổ bộ trong đêm nay, cần thông báo ngay' },
    });
    expect(byDeputy.status).toBe(403);
    const urgent = await t.as.head.request('/quan-tri/bai-viet/tin-tuc/tin-khan-bao/dang-khan', {
      form: { reason: 'Bão đổ bộ trong đêm nay, cần thông báo ngay' },
    });
    expect(urgent.status).toBe(303);
    const commit = await t.repo.readCommit((await t.repo.resolve(MAIN))!);
    expect(commit.message).toMatch(/^Congso-Urgent-Reason: Bão đổ bộ trong đêm nay, cần thông báo ngay$/m);
    expect(commit.message).toMatch(/^Congso-Event: publish-urgently$/m);
    expect(await (await t.as.head.request('/quan-tri/tuan-thu/')).text()).toContain('tin-tuc/tin-khan-bao');
    expect(
      (await t.as.head.request('/quan-tri/bai-viet/tin-tuc/tin-khan-bao/ra-soat-dang-khan', { form: {} })).status,
    ).toBe(403);
    expect(
      (await t.as.deputy.request('/quan-tri/bai-viet/tin-tuc/tin-khan-bao/ra-soat-dang-khan', { form: {} })).status,
    ).toBe(303);
    expect(await (await t.as.head.request('/quan-tri/tuan-thu/')).text()).not.toContain('tin-tuc/tin-khan-bao');
  });
});
