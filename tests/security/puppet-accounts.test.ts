import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN } from '#server/editorial/content-repository/repository.ts';
import { Browser, type TestApp } from '../accounts/support.ts';
import { newsEntry } from '../editorial/support.ts';
import { openEditorialApp, type EditorialApp } from './editorial-support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Findings 6a and 6b, end to end through the workflow: whoever saw an
 * account's one-time password could sign in as it and be the "second pair of
 * eyes" on their own work. Without mail the password is still shown once,
 * but the one who saw it and the account count as one person (ADR 0017,
 * ADR 0043): a puppet's verification is not a second person's.
 */
const OTP = /id="mat-khau-mot-lan">([^<]+)</;

async function takeOver(t: EditorialApp, page: Response, username: string): Promise<Browser> {
  const password = OTP.exec(await page.text())?.[1];
  expect(password, 'the one-time password is shown once without mail').toBeDefined();
  const browser = new Browser({ app: t.app } as unknown as TestApp, 'sotuphap.localhost', '203.0.113.9');
  await browser.signInFully(username, password!, 'một mật khẩu mới rất dài của kẻ giả danh');
  return browser;
}

describe.each(STORAGE_KINDS)('nobody is their own second pair of eyes through another account ($name)', (kind) => {
  let t: EditorialApp;
  beforeAll(async () => {
    t = await openEditorialApp(kind);
  }, 120_000);
  afterAll(() => t?.close());

  it('a contributor the head created, delegated to verify and signed in as, is the head for four eyes', async () => {
    const created = await t.as.head.request('/quan-tri/tai-khoan', {
      form: { fullName: 'Lý Văn Rối', role: 'contributor', sections: 'tin-tuc' },
    });
    expect(created.status).toBe(201);
    const puppet = await takeOver(t, created, 'lvroi');
    expect((await t.as.head.request('/quan-tri/tai-khoan/lvroi/uy-quyen', { form: { rights: 'verify' } })).status).toBe(
      303,
    );

    // The head's own entry, "verified" by the puppet.
    await t.saveNews(t.as.head, 'bai-cua-truong-ban', newsEntry({ title: 'Bài của Trưởng Ban' }));
    await t.move(t.as.head, 'bai-cua-truong-ban', 'pending_review');
    expect((await t.move(puppet, 'bai-cua-truong-ban', 'pending_publish')).body.code).toBe(
      'E_WORKFLOW_SELF_VERIFICATION',
    );

    // Someone else's entry verified by the puppet cannot be published by the head.
    await t.saveNews(t.as.contributor, 'bai-qua-con-roi', newsEntry({ title: 'Bài qua con rối' }));
    await t.move(t.as.contributor, 'bai-qua-con-roi', 'pending_review');
    expect((await t.move(puppet, 'bai-qua-con-roi', 'pending_publish')).status).toBe(200);
    expect((await t.publish(t.as.head, 'bai-qua-con-roi')).body.code).toBe('E_WORKFLOW_PUBLISHER_IS_VERIFIER');
    expect(await t.repo.readFile(MAIN, 'content/sotuphap/tin-tuc/bai-qua-con-roi.mdx')).toBeNull();
  });

  it('an editor delegated to verify, whose password the IT officer reset and used, is the IT officer for four eyes', async () => {
    expect(
      (await t.as.head.request(`/quan-tri/tai-khoan/${t.usernames.editor}/uy-quyen`, { form: { rights: 'verify' } }))
        .status,
    ).toBe(303);
    const reset = await t.as.itOfficer.request(`/quan-tri/tai-khoan/${t.usernames.editor}/cap-lai-mat-khau`, {
      form: {},
    });
    expect(reset.status).toBe(200);
    const editor = await takeOver(t, reset, t.usernames.editor);
    // The IT officer writes, and "verifies" as the account whose password they were shown.
    await t.saveNews(t.as.itOfficer, 'bai-cua-can-bo-cntt', newsEntry({ title: 'Bài của cán bộ CNTT' }));
    await t.move(t.as.itOfficer, 'bai-cua-can-bo-cntt', 'pending_review');
    expect((await t.move(editor, 'bai-cua-can-bo-cntt', 'pending_publish')).body.code).toBe(
      'E_WORKFLOW_SELF_VERIFICATION',
    );
    // A deputy nobody borrowed verifies it.
    expect((await t.move(t.as.deputy, 'bai-cua-can-bo-cntt', 'pending_publish')).status).toBe(200);
  });
});
