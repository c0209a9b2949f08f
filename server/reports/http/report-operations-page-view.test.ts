import { describe, expect, it } from 'vitest';
import type { BuildRecord } from '#src/build/build-history.ts';
import { anAccount, DEPARTMENT_SITE, PORTAL_SITE } from '#tests/support/records.ts';
import { operationsPageView, type SiteOperations } from './report-operations-page-view.ts';

const build = (overrides: Partial<BuildRecord>): BuildRecord => ({
  site: 'sotuphap',
  at: '2026-11-29T03:40:05Z',
  triggeredBy: 'publish:nvan',
  durationMs: 1850,
  pages: 1234,
  entries: 100,
  result: 'success',
  ...overrides,
});
const site = (overrides: Partial<SiteOperations> = {}): SiteOperations => ({
  site: { id: 'sotuphap', name: 'Sở Tư pháp' },
  lastBuild: { site: 'sotuphap', ok: true, builtAt: '2026-11-29T03:40:05Z', pages: 1234, commit: 'abc' },
  history: [],
  brokenLinks: null,
  ...overrides,
});
const departments = [{ id: 'sotuphap', name: 'Sở Tư pháp', domains: [] }];

describe('operationsPageView', () => {
  it('describes each build: when in Vietnam, who, how long, how many pages, and what it left out', () => {
    const history = [
      build({ excluded: [{ file: 'tin-tuc/a.mdx', message: 'Thiếu nguồn tin.' }] }),
      build({ triggeredBy: 'cli:root', result: 'failure', errorCode: 'BUILD_FAILED', pages: null }),
    ];
    const [s] = operationsPageView({
      site: DEPARTMENT_SITE,
      actor: anAccount({ role: 'it-officer' }),
      sites: [site({ history })],
      departments,
    }).sites;
    expect(s!.lastBuild).toBe('Dựng lần cuối: 29/11/2026 10:40:05, 1.234 trang.');
    expect(s!.builds).toEqual([
      ['29/11/2026 10:40:05', 'Đăng tải bởi nvan', '1,9 giây', '1.234', 'Thành công, bỏ qua 1 bài lỗi'],
      ['29/11/2026 10:40:05', 'Dòng lệnh (root)', '1,9 giây', '—', 'Thất bại (BUILD_FAILED)'],
    ]);
    expect(s!.excluded?.rows).toEqual([['tin-tuc/a.mdx', 'Thiếu nguồn tin.']]);
  });

  it('says when a site was never built, and reports links only where they were checked', () => {
    const [s] = operationsPageView({
      site: DEPARTMENT_SITE,
      actor: anAccount(),
      sites: [
        site({ lastBuild: { site: 'sotuphap', ok: false, builtAt: null, pages: null, commit: null }, brokenLinks: [] }),
      ],
      departments,
    }).sites;
    expect([s!.lastBuild, s!.excluded, s!.brokenLinks?.rows]).toEqual([null, null, []]);
  });

  it('lets the administrator on the portal pick a department', () => {
    expect(
      operationsPageView({
        site: PORTAL_SITE,
        actor: anAccount({ role: 'admin', departmentId: null }),
        sites: [],
        departments,
      }).departments,
    ).toEqual([{ href: '/quan-tri/van-hanh/?don-vi=sotuphap', text: 'Sở Tư pháp' }]);
    expect(
      operationsPageView({ site: DEPARTMENT_SITE, actor: anAccount(), sites: [], departments }).departments,
    ).toBeNull();
  });
});
