import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE, PORTAL_SITE } from '#tests/support/records.ts';
import { parsePeriod } from '../period.ts';
import { computeUsageReport } from '../usage-report.ts';
import { reportPageView } from './report-page-view.ts';

const departments = [{ id: 'sotuphap', name: 'Sở Tư pháp' }];
const report = computeUsageReport({
  period: parsePeriod('2026-11'),
  sites: departments,
  scope: 'department',
  cases: [],
  now: new Date('2026-12-05T00:00:00Z'),
});

describe('reportPageView', () => {
  it('links the periods around this one and the downloads, the CSV as a file', () => {
    const view = reportPageView({
      site: PORTAL_SITE,
      actor: anAccount({ role: 'admin', departmentId: null }),
      periodInput: '2026-11',
      siteFilter: 'sotuphap',
      departments,
      report,
      previous: '2026-10',
    });
    expect(view.links).toEqual([
      { href: '/quan-tri/bao-cao/?ky=2026-10&don-vi=sotuphap', text: '← Kỳ trước' },
      { href: '/quan-tri/bao-cao/?ky=2026-11&don-vi=sotuphap&dinh-dang=csv', text: 'Tải CSV (Excel)', download: true },
      { href: '/quan-tri/bao-cao/?ky=2026-11&don-vi=sotuphap&dinh-dang=json', text: 'Tải JSON' },
    ]);
  });

  it('lets only the administrator on the portal choose the department', () => {
    const admin = reportPageView({
      site: PORTAL_SITE,
      actor: anAccount({ role: 'admin', departmentId: null }),
      periodInput: '2026-11',
      siteFilter: '',
      departments,
      report,
    });
    expect(admin.fields.map((f) => f.id)).toEqual(['ky', 'don-vi']);
    expect(admin.fields[1]!.options!.find((o) => o.selected)?.label).toBe('Toàn tỉnh');
    expect(
      reportPageView({
        site: DEPARTMENT_SITE,
        actor: anAccount(),
        periodInput: '2026-11',
        siteFilter: '',
        departments,
        report,
      }).fields.map((f) => f.id),
    ).toEqual(['ky']);
  });

  it('keeps a period it cannot read in the field, marks it and says how to write one', () => {
    const view = reportPageView({
      site: DEPARTMENT_SITE,
      actor: anAccount(),
      periodInput: 'tháng 13',
      siteFilter: '',
      departments,
      invalidPeriod: true,
    });
    expect(view.fields[0]).toMatchObject({ value: 'tháng 13', invalid: true });
    expect(view.error?.message).toContain('"tháng 13" không phải kỳ báo cáo hợp lệ');
    expect([view.figures, view.links]).toEqual([null, []]);
  });
});
