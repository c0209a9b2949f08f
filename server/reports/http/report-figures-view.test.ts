import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../period.ts';
import { computeUsageReport, type UsageFigures } from '../usage-report.ts';
import { reportFiguresView } from './report-figures-view.ts';

const sites = [
  { id: 'sotuphap', name: 'Sở Tư pháp' },
  { id: 'soyte', name: 'Sở Y tế' },
];
const report = (scope: 'province' | 'department') =>
  computeUsageReport({
    period: parsePeriod('2026-11'),
    sites: scope === 'province' ? sites : sites.slice(0, 1),
    scope,
    cases: [],
    now: new Date('2026-11-20T05:00:00Z'),
  });

describe('reportFiguresView', () => {
  it('dates the period and the overdue count in Vietnam, and names the scope', () => {
    const view = reportFiguresView(report('department'));
    expect(view.heading).toBe('Tháng 11/2026 · Sở Tư pháp');
    expect(view.window).toBe(
      'Từ ngày 01/11/2026 đến hết ngày 30/11/2026 (giờ Việt Nam). Số hồ sơ quá hạn tính đến 20/11/2026 12:00.',
    );
    expect(view.byDepartment).toBeNull();
  });

  it('adds the per-department chart and table for the province', () => {
    const view = reportFiguresView(report('province'));
    expect(view.heading).toBe('Tháng 11/2026 · Toàn tỉnh');
    expect(view.byDepartment?.table.rows.map((r) => r.label)).toEqual(['Sở Tư pháp', 'Sở Y tế']);
  });

  it('writes numbers the Vietnamese way, a dash where there is no figure, and the rating with its count', () => {
    const base = report('department');
    const totals: UsageFigures = {
      ...base.totals,
      received: 1234,
      averageHandlingDays: null,
      rateable: 8,
      rated: 3,
      responseRate: 37.5,
      averageRating: 4.5,
      satisfied: 2,
      ratings: [0, 0, 1, 0, 2],
    };
    const view = reportFiguresView({ ...base, totals });
    expect(view.byService.table.totals).toEqual(['1.234', '0', '0', '0', '0', '0', '—', '4,5 (3 lượt)']);
    expect(view.summary.find((s) => s.term === 'Mức hài lòng')).toEqual({
      term: 'Mức hài lòng',
      detail: '4,5/5 (2/3 lượt hài lòng)',
    });
    expect(reportFiguresView(base).summary.find((s) => s.term === 'Mức hài lòng')!.detail).toBe(
      'Chưa có lượt đánh giá',
    );
  });

  it('gives the response rate and the distribution of ratings per service (docs/adr/0058)', () => {
    const base = report('department');
    const totals: UsageFigures = {
      ...base.totals,
      rateable: 8,
      rated: 3,
      responseRate: 37.5,
      averageRating: 4.3,
      satisfied: 2,
      ratings: [0, 0, 1, 0, 2],
    };
    const view = reportFiguresView({ ...base, totals });
    expect(view.summary.at(-1)).toEqual({ term: 'Tỷ lệ đánh giá', detail: '3/8 hồ sơ kết thúc được đánh giá (37,5%)' });
    expect(view.satisfaction.byService.totals).toEqual(['8', '3', '37,5%', '0', '0', '1', '0', '2', '4,3']);
    expect(view.satisfaction.byDepartment).toBeNull();
    expect(reportFiguresView(report('province')).satisfaction.byDepartment).not.toBeNull();
  });
});
