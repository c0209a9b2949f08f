import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser as Chromium, Page } from 'playwright-core';
import type { RunningServer } from '#server/platform/start-server.ts';
import { wcagViolations } from '../support/axe.ts';
import { chromiumAvailable } from '../support/chromium.ts';
import { fillComplaint as fill, headPage, lookUp, serveToChromium, type ServedApp } from './case-browser-support.ts';
import { createCaseTestApp, type CaseTestApp } from './case-support.ts';

/**
 * The online services (Điều 13), end to end in Chromium: a citizen files a complaint with JavaScript
 * off and another with it on (proof of work solved in the page, under the
 * strict CSP), looks one up, an officer accepts and answers it in the back
 * office, and the citizen reads the answer.
 */
describe.skipIf(!chromiumAvailable)('a citizen and an officer in Chromium', () => {
  let t: CaseTestApp;
  let served: ServedApp;
  let server: RunningServer;
  let chromium: Chromium;
  let origin: string;

  beforeAll(async () => {
    t = await createCaseTestApp({ cases: { powDifficulty: 8 } });
    served = await serveToChromium(t);
    ({ server, chromium, origin } = served);
  });
  afterAll(async () => {
    await served?.close();
    await t?.storage.close();
  });

  const fillComplaint = (page: Page, content: string) =>
    fill(
      page,
      origin,
      'khieu-nai',
      [
        'fullName',
        'address',
        'idNumber',
        'phone',
        'respondentName',
        'respondentAddress',
        'reasons',
        'request',
        'content',
      ],
      { content },
    );

  it('files without JavaScript, files with it, looks up, and reads the officer’s answer', async () => {
    const noScript = await chromium.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await fillComplaint(plain, 'Khiếu nại gửi khi trình duyệt tắt JavaScript, về quyết định xử phạt hành chính.');
    await plain.click('button[type=submit]');
    await plain.waitForSelector('[data-ma-ho-so]');
    const firstCode = (await plain.textContent('[data-ma-ho-so]'))!.trim();
    expect(firstCode).toMatch(/^STP-/);
    await noScript.close();

    const scripted = await chromium.newContext();
    const page = await scripted.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    await fillComplaint(page, 'Khiếu nại gửi khi JavaScript bật: trình duyệt giải bài toán xác minh rồi gửi tại chỗ.');
    const formUrl = page.url();
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-ma-bi-mat]');
    expect(page.url()).toBe(formUrl);
    const code = (await page.textContent('[data-ma-ho-so]'))!.trim();
    const secret = (await page.textContent('[data-ma-bi-mat]'))!.trim();
    expect(errors).toEqual([]);
    const record = await t.storage.cases.findByTrackingCode(code);
    expect(record).not.toBeNull();
    expect(await t.storage.cases.findByTrackingCode(firstCode)).not.toBeNull();

    await lookUp(page, origin, code, secret);
    expect(await page.textContent('[data-trang-thai]')).toContain('Đã nhận đơn');

    // The officer (the head) works in the back office with a session cookie from the sign-in flow.
    const officer = await headPage(chromium, t, origin, server.port);
    await officer.goto(`${origin}/quan-tri/ho-so/`);
    await officer.click(`a:text("${code}")`);
    // The signed letter came by post (Luật Khiếu nại 2011 Điều 8, docs/adr/0057).
    await officer.selectOption('#receiveSignedLetter-qua', 'ban-giay');
    await Promise.all([officer.waitForNavigation(), officer.click('button[data-hanh-dong="receiveSignedLetter"]')]);
    await officer.click('button[data-hanh-dong="accept"]');
    await officer.waitForSelector('[data-trang-thai="accepted"]');
    await officer.fill('#resolve-tra-loi', 'Cơ quan đã xem xét và huỷ quyết định xử phạt bị khiếu nại.');
    await officer.click('button[data-hanh-dong="resolve"]');
    await officer.waitForSelector('[data-trang-thai="resolved"]');

    await lookUp(page, origin, code, secret);
    expect(await page.textContent('#tra-loi + p')).toContain('huỷ quyết định xử phạt');
    await scripted.close();
    await officer.context().close();
  });

  it('has no WCAG 2.1 AA violations on the form, the form with errors and the look-up page', async () => {
    const context = await chromium.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const page = await context.newPage();
    await page.goto(`${origin}/dich-vu/khieu-nai-to-cao`);
    expect(await wcagViolations(page)).toEqual([]);
    await page.goto(`${origin}/tra-cuu/`);
    expect(await wcagViolations(page)).toEqual([]);
    await page.goto(`${origin}/dich-vu/hoi-dap`);
    await page.click('button[type=submit]');
    await page.waitForSelector('.dv-error-summary');
    expect(await wcagViolations(page)).toEqual([]);
    await context.close();
  });
});
