import { describe, expect, it } from 'vitest';
import type { CaseRecord } from './case-record.ts';
import { computePublicStatistics } from './public-statistics.ts';

const vn = (local: string) => new Date(`${local}+07:00`).getTime();
const complaint = (id: string, received: string, resolved?: string, due = '2026-12-31T23:59'): CaseRecord => ({
  id,
  site: 'sotuphap',
  service: 'khieu-nai-to-cao',
  receivedAt: vn(received),
  ...(resolved ? { resolvedAt: vn(resolved), status: 'resolved' as const } : { status: 'received' as const }),
  dueAt: vn(due),
});

describe('public statistics on a department site', () => {
  const november = Array.from({ length: 6 }, (_, i) =>
    complaint(`n${i}`, `2026-11-0${i + 2}T09:00`, `2026-11-2${i}T09:00`),
  );
  const october = [complaint('o1', '2026-10-05T09:00', '2026-10-20T09:00'), complaint('o2', '2026-10-06T09:00')];
  const stats = computePublicStatistics([...november, ...october], new Date(vn('2026-11-29T12:00')), 3);

  it('covers the last months up to the current one, in Vietnam time', () => {
    expect(stats.months.map((m) => m.id)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('shows counts of five and more, zero, and hides counts from one to four', () => {
    const complaints = stats.rows.find((r) => r.service === 'khieu-nai-to-cao')!;
    expect(complaints.cells).toEqual([
      { received: 0, resolvedOnTime: 0 },
      { received: 'suppressed', resolvedOnTime: 'suppressed' },
      { received: 6, resolvedOnTime: 6 },
    ]);
    expect(stats.rows.find((r) => r.service === 'hoi-dap')!.cells.every((c) => c.received === 0)).toBe(true);
  });

  it('gives the ratings of the window per service, hiding counts under five and the rate below five ratings', () => {
    const rated = november.map((c, i) => ({ ...c, rating: i < 5 ? 5 : 2 }));
    const withRatings = computePublicStatistics(
      [...rated, { ...october[0]!, rating: 1 }],
      new Date(vn('2026-11-29T12:00')),
      3,
    );
    const complaints = withRatings.satisfaction.rows.find((r) => r.label.startsWith('Khiếu nại'))!;
    // Seven closed in the window (six in November, one in October), all rated: 5 × 5, 1 × 2, 1 × 1.
    expect(complaints).toMatchObject({
      rateable: 7,
      rated: 7,
      responseRate: 100,
      ratings: ['suppressed', 'suppressed', 0, 0, 5],
    });
    expect(withRatings.satisfaction.total).toMatchObject({ rateable: 7, rated: 7 });
    const few = computePublicStatistics([{ ...october[0]!, rating: 4 }], new Date(vn('2026-11-29T12:00')), 3);
    expect(few.satisfaction.total).toMatchObject({
      rateable: 'suppressed',
      rated: 'suppressed',
      responseRate: 'suppressed',
    });
  });
});
