import { describe, expect, it } from 'vitest';
import { createApp } from '#server/platform/app.ts';
import { inMemoryCaseSource } from '#server/reports/case-source.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { cheapHasher, DEPARTMENTS, manualClock } from '../accounts/support.ts';
import type { CaseRecord } from '#server/reports/case-record.ts';

const vn = (local: string) => new Date(`${local}+07:00`).getTime();
const question = (id: string, site: string, day: number): CaseRecord => ({
  id,
  site,
  service: 'hoi-dap',
  receivedAt: vn(`2026-11-${String(day).padStart(2, '0')}T09:00`),
  resolvedAt: vn(`2026-11-${String(day + 1).padStart(2, '0')}T09:00`),
  dueAt: vn('2026-11-30T23:59'),
  status: 'resolved',
});

describe('public statistics page on a department site (Điều 16)', () => {
  it('shows this department’s monthly counts, hides small ones, and is the same all day', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    const clock = manualClock(vn('2026-11-29T10:00'));
    const services = createServices({ storage, departments: DEPARTMENTS, hasher: cheapHasher(), clock });
    const cases = [...[2, 3, 4, 5, 6, 9].map((d) => question(`q${d}`, 'sotuphap', d)), question('other', 'soyte', 10)];
    const app = createApp({
      storage,
      departments: DEPARTMENTS,
      services,
      distDir: '/nonexistent',
      reportCases: inMemoryCaseSource(cases),
    });

    const response = await app.request('http://sotuphap.localhost/thong-ke/');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<caption>Hỏi đáp chính sách, pháp luật</caption>');
    expect(page).toMatch(/Tháng 11\/2026<\/th><td>6<\/td><td>6<\/td>/);
    const soyte = await (await app.request('http://soyte.localhost/thong-ke/')).text();
    expect(soyte).toMatch(/Tháng 11\/2026<\/th><td>dưới 5<\/td><td>dưới 5<\/td>/);

    cases.push(question('late', 'sotuphap', 20));
    clock.advance(3600_000);
    expect(await (await app.request('http://sotuphap.localhost/thong-ke/')).text()).toBe(page);
    clock.advance(24 * 3600_000);
    expect(await (await app.request('http://sotuphap.localhost/thong-ke/')).text()).toMatch(
      /Tháng 11\/2026<\/th><td>7<\/td>/,
    );
    await storage.close();
  });

  it('counts requests for information like the other services (docs/adr/0048)', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    const clock = manualClock(vn('2026-11-29T10:00'));
    const services = createServices({ storage, departments: DEPARTMENTS, hasher: cheapHasher(), clock });
    const requests = [2, 3, 4, 5, 6].map((d) => ({
      ...question(`r${d}`, 'sotuphap', d),
      service: 'tiep-can-thong-tin' as const,
    }));
    const app = createApp({
      storage,
      departments: DEPARTMENTS,
      services,
      distDir: '/nonexistent',
      reportCases: inMemoryCaseSource(requests),
    });
    const page = await (await app.request('http://sotuphap.localhost/thong-ke/')).text();
    const table = page.slice(page.indexOf('<caption>Yêu cầu cung cấp thông tin</caption>'));
    expect(table).toMatch(
      /^<caption>Yêu cầu cung cấp thông tin<\/caption>[\s\S]*?Tháng 11\/2026<\/th><td>5<\/td><td>5<\/td>/,
    );
    await storage.close();
  });

  it('is not on the province portal', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    const services = createServices({ storage, departments: DEPARTMENTS, hasher: cheapHasher() });
    const app = createApp({
      storage,
      departments: DEPARTMENTS,
      services,
      distDir: '/nonexistent',
      reportCases: inMemoryCaseSource([]),
    });
    expect((await app.request('http://localhost/thong-ke/')).status).toBe(404);
    await storage.close();
  });
});
