import { describe, expect, it } from 'vitest';
import { publicStatisticsView } from './public-statistics-page-view.ts';

describe('publicStatisticsView', () => {
  it('hides small counts, writes the others the Vietnamese way and dates the update in Huế', () => {
    const stats = {
      months: [{ id: '2026-11', label: 'Tháng 11/2026' }],
      rows: [
        {
          service: 'hoi-dap' as const,
          label: 'Hỏi đáp',
          cells: [{ received: 1200, resolvedOnTime: 'suppressed' as const }],
        },
      ],
      satisfaction: {
        rows: [],
        total: { label: '', rateable: 0, rated: 0, responseRate: null, ratings: [0, 0, 0, 0, 0] },
      },
    };
    const view = publicStatisticsView(stats, Date.parse('2026-11-30T18:00:00Z'));
    expect(view.tables).toEqual([{ caption: 'Hỏi đáp', rows: [['Tháng 11/2026', '1.200', 'dưới 5']] }]);
    expect(view.intro).toContain('lần cập nhật gần nhất: 01/12/2026.');
    expect(view.suppressed).toBe('Để bảo vệ thông tin cá nhân, số từ 1 đến 4 được ghi là “dưới 5”.');
  });

  it('gives the ratings of each service with small counts hidden, and the rate only over five ratings or more (docs/adr/0058)', () => {
    const stats = {
      months: [
        { id: '2026-10', label: 'Tháng 10/2026' },
        { id: '2026-11', label: 'Tháng 11/2026' },
      ],
      rows: [],
      satisfaction: {
        rows: [
          {
            label: 'Hỏi đáp',
            rateable: 12,
            rated: 'suppressed' as const,
            responseRate: 'suppressed' as const,
            ratings: [0, 0, 'suppressed' as const, 0, 'suppressed' as const],
          },
          { label: 'Hồ sơ', rateable: 20, rated: 10, responseRate: 50, ratings: [0, 0, 0, 5, 5] },
        ],
        total: { label: '', rateable: 32, rated: 13, responseRate: 40.6, ratings: [0, 0, 'suppressed' as const, 5, 8] },
      },
    };
    const view = publicStatisticsView(stats, Date.parse('2026-11-30T18:00:00Z'));
    expect(view.satisfaction.caption).toBe('Đánh giá của người dân, từ Tháng 10/2026 đến Tháng 11/2026');
    expect(view.satisfaction.rows).toEqual([
      ['Hỏi đáp', '12', 'dưới 5', 'không công bố', '0', '0', 'dưới 5', '0', 'dưới 5'],
      ['Hồ sơ', '20', '10', '50%', '0', '0', '0', '5', '5'],
    ]);
    expect(view.satisfaction.total).toEqual(['Tổng cộng', '32', '13', '40,6%', '0', '0', 'dưới 5', '5', '8']);
  });
});
