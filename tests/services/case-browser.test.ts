import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser as Chromium, Page } from 'playwright-core';
import { startServer, type RunningServer } from '#server/platform/start-server.ts';
import { wcagViolations } from '../support/axe.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { Browser, COMPLAINT, createCaseTestApp, type CaseTestApp } from './case-support.ts';

/**
 * The online services (Điều 13), end to end in Chromium: a citizen files a complaint with JavaScript
 * off and another with it on (proof of work solved in the page, under the
 * strict CSP), looks one up, an officer accepts and answers it in the back
 * office, and the citizen reads the answer.
 */
describe.skipIf(!chromiumAvailable)('a citizen and an officer in Chromium', () => {
  let t: CaseTestApp;
  let server: RunningServer;
  let chromium: Chromium;
  let origin: string;

  beforeAll(async () => {
    t = await createCaseTestApp({ cases: { powDifficulty: 8 } });
    server = await startServer(t.app, { port: 0, hostname: '127.0.0.1' });
    origin = `http://sotuphap.localhost:${server.port}`;
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await t?.storage.close();
  });

  async function fillComplaint(page: Page, content: string) {
    await page.goto(`${origin}/dich-vu/khieu-nai-to-cao`);
    await page.selectOption('#truong-kind', 'khieu-nai');
    for (const field of ['fullName', 'address', 'idNumber', 'phone', 'respondentName', 'respondentAddress', 'reasons', 'request'] as const) {
      await page.fill(`#truong-${field}`, COMPLAINT[field]);
    }
    await page.fill('#truong-content', content);
    await page.check('#truong-consent');
  }

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

    await page.goto(`${origin}/tra-cuu/`);
    await page.fill('#ma-ho-so', code);
    await page.fill('#ma-bi-mat', secret);
    await page.click('button[type=submit]');
    expect(await page.textContent('[data-trang-thai]')).toContain('Đã nhận đơn');

    // The officer (the head) works in the back office with a session cookie from the sign-in flow.
    const head = await t.addAccount('Nguyễn Văn An', 'head');
    const session = new Browser(t, `sotuphap.localhost:${server.port}`, '192.0.2.80');
    await session.signInFully(head.username, head.password);
    const office = await chromium.newContext();
    await office.addCookies([...session.cookies].map(([name, value]) => ({ name, value, url: origin })));
    const officer = await office.newPage();
    await officer.goto(`${origin}/quan-tri/ho-so/`);
    await officer.click(`a:text("${code}")`);
    await officer.click('button[data-hanh-dong="accept"]');
    await officer.waitForSelector('[data-trang-thai="accepted"]');
    await officer.fill('#resolve-tra-loi', 'Cơ quan đã xem xét và huỷ quyết định xử phạt bị khiếu nại.');
    await officer.click('button[data-hanh-dong="resolve"]');
    await officer.waitForSelector('[data-trang-thai="resolved"]');

    await page.goto(`${origin}/tra-cuu/`);
    await page.fill('#ma-ho-so', code);
    await page.fill('#ma-bi-mat', secret);
    await page.click('button[type=submit]');
    expect(await page.textContent('#tra-loi + p')).toContain('huỷ quyết định xử phạt');
    await scripted.close();
    await office.close();
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
