import { describe, expect, it } from 'vitest';
import { publicStatisticsView } from './public-statistics-page-view.ts';

describe('publicStatisticsView', () => {
  it('hides small counts, writes the others the Vietnamese way and dates the update in Huế', () => {
    const stats = {
      months: [{ id: '2026-11', label: 'Tháng 11/2026' }],
      rows: [{ service: 'hoi-dap' as const, label: 'Hỏi đáp', cells: [{ received: 1200, resolvedOnTime: 'suppressed' as const }] }],
    };
    const view = publicStatisticsView(stats, Date.parse('2026-11-30T18:00:00Z'));
    expect(view.tables).toEqual([{ caption: 'Hỏi đáp', rows: [['Tháng 11/2026', '1.200', 'dưới 5']] }]);
    expect(view.intro).toContain('lần cập nhật gần nhất: 01/12/2026.');
    expect(view.suppressed).toBe('Để bảo vệ thông tin cá nhân, số từ 1 đến 4 được ghi là “dưới 5”.');
  });
});
