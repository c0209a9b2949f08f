import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../work-items.ts';
import { workView } from './work-view.ts';

const item = (overrides: Partial<WorkItem>): WorkItem => ({
  kind: 'verify',
  title: 'Bài',
  href: '/admin/',
  since: '2026-11-16T02:00:00Z',
  dueAt: null,
  late: false,
  ...overrides,
});

describe('workView (docs/adr/0091)', () => {
  it('groups by kind in the order of the Điều 19 steps, late first, each row linked to where it is handled', () => {
    const view = workView(
      [
        item({
          kind: 'case',
          title: 'STP-2026-AAAA-A1 — Khiếu nại',
          href: '/quan-tri/ho-so/1',
          dueAt: '2026-11-20T16:59:59.999Z',
        }),
        item({ title: 'Bài mới', since: '2026-11-17T02:00:00Z', dueAt: '2026-11-19T16:59:59.999Z' }),
        item({ title: 'Bài cũ', dueAt: '2026-11-18T16:59:59.999Z', late: true }),
      ],
      Date.parse('2026-11-19T02:00:00Z'),
    );
    expect(view.total).toBe(3);
    expect(view.summary).toBe('Có 3 việc đang chờ bạn.');
    expect(view.groups.map((g) => [g.kind, g.heading, g.count])).toEqual([
      ['verify', 'Bài chờ bạn xác thực', 2],
      ['case', 'Hồ sơ được giao cho bạn', 1],
    ]);
    expect(view.groups[0]!.table.rows).toEqual([
      {
        cells: ['Bài cũ', '16/11/2026 09:00', '3 ngày làm việc', '18/11/2026', 'Quá hạn'],
        data: { href: '/admin/', late: 'true' },
      },
      {
        cells: ['Bài mới', '17/11/2026 09:00', '2 ngày làm việc', '19/11/2026', 'Trong hạn'],
        data: { href: '/admin/' },
      },
    ]);
    expect(view.groups[0]!.hint).toContain('quá 2 ngày làm việc');
  });

  it('says there is nothing to do, and shows no date for what has none', () => {
    expect(workView([], 0)).toEqual({ total: 0, summary: 'Hiện không có việc nào chờ bạn.', groups: [] });
    const row = workView(
      [item({ kind: 'compliance', title: 'Thiếu chuyên mục', since: null, href: '/quan-tri/tuan-thu/' })],
      0,
    ).groups[0]!.table.rows[0];
    expect(row).toEqual({
      cells: ['Thiếu chuyên mục', '—', '—', 'Không có hạn', '—'],
      data: { href: '/quan-tri/tuan-thu/' },
    });
  });
});
