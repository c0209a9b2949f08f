import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '#src/calendar/working-days.ts';
import { inMemoryCaseSource, listCasesForReport } from '#server/reports/case-source.ts';
import { parsePeriod } from '#server/reports/period.ts';
import { computeUsageReport, type UsageFigures, type UsageReport } from '#server/reports/usage-report.ts';
import { usageReportCsv } from '#server/reports/usage-csv.ts';
import { parseUsageCsv } from '../support/usage-csv.ts';
import type { CaseRecord } from '#server/reports/case-record.ts';
import { endOf, FIXTURE_CASES, SITES, vn } from './fixture-cases.ts';

/** Figures in the column order of the report: received, accepted, resolved, on time, late, overdue, avg days, rated, avg rating, satisfied. */
type Row = [number, number, number, number, number, number, number | null, number, number | null, number];
const figures = (f: UsageFigures): Row => [
  f.received,
  f.accepted,
  f.resolved,
  f.resolvedOnTime,
  f.resolvedLate,
  f.overdueNow,
  f.averageHandlingDays,
  f.rated,
  f.averageRating,
  f.satisfied,
];
const ZERO: Row = [0, 0, 0, 0, 0, 0, null, 0, null, 0];

async function report(
  periodId: string,
  now: string,
  sites = SITES,
  scope: 'province' | 'department' = 'province',
): Promise<UsageReport> {
  const period = parsePeriod(periodId);
  const cases = await listCasesForReport(inMemoryCaseSource(FIXTURE_CASES), {
    sites: sites.map((s) => s.id),
    from: period.from,
    to: period.to,
  });
  return computeUsageReport({ period, sites, scope, cases, now: new Date(vn(now)) });
}

const bySite = (r: UsageReport, site: string) => r.sites.find((s) => s.site.id === site)!;
const service = (rows: UsageReport['services'], id: string) => figures(rows.find((r) => r.service === id)!);

describe('usage report for November 2026, computed by hand from the fixture cases', () => {
  it('Sở Tư pháp, per service and in total', async () => {
    const r = await report('2026-11', '2026-12-05T10:00');
    const s = bySite(r, 'sotuphap');
    expect(service(s.services, 'khieu-nai-to-cao')).toEqual([1, 2, 2, 1, 1, 0, 13, 2, 3.5, 1]);
    expect(service(s.services, 'hoi-dap')).toEqual([2, 0, 1, 1, 0, 0, 1, 1, 4, 1]);
    expect(service(s.services, 'ho-so')).toEqual([2, 2, 1, 1, 0, 2, 10, 0, null, 0]);
    expect(service(s.services, 'gop-y-du-thao')).toEqual([1, 0, 1, 1, 0, 0, 1, 0, null, 0]);
    expect(service(s.services, 'phan-hoi-website')).toEqual([1, 0, 0, 0, 0, 0, null, 0, null, 0]);
    // 38 working days over 5 resolved = 7.6; ratings 5, 2, 4 → 3.67 → 3.7.
    expect(figures(s.totals)).toEqual([7, 4, 5, 4, 1, 2, 7.6, 3, 3.7, 2]);
  });

  it('Sở Y tế: refused and open cases are received but never resolved', async () => {
    const r = await report('2026-11', '2026-12-05T10:00');
    const s = bySite(r, 'soyte');
    expect(service(s.services, 'khieu-nai-to-cao')).toEqual([1, 0, 0, 0, 0, 0, null, 0, null, 0]);
    expect(service(s.services, 'hoi-dap')).toEqual([2, 0, 2, 1, 1, 0, 4, 1, 3, 0]);
    expect(service(s.services, 'ho-so')).toEqual([1, 1, 0, 0, 0, 1, null, 0, null, 0]);
    expect(service(s.services, 'gop-y-du-thao')).toEqual(ZERO);
    expect(figures(s.totals)).toEqual([4, 1, 2, 1, 1, 1, 4, 1, 3, 0]);
  });

  it('province-wide: the sum of the departments, averages recomputed over all cases', async () => {
    const r = await report('2026-11', '2026-12-05T10:00');
    expect(r.scope).toBe('province');
    // 46 working days over 7 resolved = 6.57 → 6.6; ratings 5, 2, 4, 3 → 3.5.
    expect(figures(r.totals)).toEqual([11, 5, 7, 5, 2, 3, 6.6, 4, 3.5, 2]);
    expect(service(r.services, 'hoi-dap')).toEqual([4, 0, 3, 2, 1, 0, 3, 2, 3.5, 1]);
    expect(service(r.services, 'ho-so')).toEqual([3, 3, 1, 1, 0, 3, 10, 0, null, 0]);
    expect(r.comments).toBe(2);
    expect(r.questionsAnswered).toBe(3);
    expect(r.asOf).toBe(new Date(vn('2026-12-01T00:00')).toISOString());
  });

  it('while the period runs, "overdue now" is measured at the time of the report', async () => {
    // On 25 November at noon, case 8 (due 27 Nov) is not overdue yet; 6 and 14 are.
    const r = await report('2026-11', '2026-11-25T12:00');
    expect(r.totals.overdueNow).toBe(2);
    expect(r.asOf).toBe(new Date(vn('2026-11-25T12:00')).toISOString());
  });

  it('a department report holds only that department', async () => {
    const r = await report('2026-11', '2026-12-05T10:00', [SITES[1]!], 'department');
    expect(r.sites.map((s) => s.site.id)).toEqual(['soyte']);
    expect(figures(r.totals)).toEqual([4, 1, 2, 1, 1, 1, 4, 1, 3, 0]);
  });
});

describe('period edges', () => {
  it('ISO week 48 (23–29 November): Monday 30 November belongs to week 49', async () => {
    const r = await report('2026-W48', '2026-12-05T10:00');
    // Received: cases 10 and 12; accepted: case 8; nothing resolved (7 and 12 close on the 30th);
    // overdue at 00:00 on 30 November: 6, 8 and 14.
    expect(figures(r.totals)).toEqual([2, 1, 0, 0, 0, 3, null, 0, null, 0]);
  });

  it('ISO week 53 of 2026 holds 31 December 2026 and 1 January 2027', async () => {
    const r = await report('2026-W53', '2027-02-01T10:00');
    expect(r.totals.received).toBe(2);
    expect(r.totals.resolved).toBe(0);
    const w1 = await report('2027-W01', '2027-02-01T10:00');
    // Case 17: received Friday 1 January (a holiday), answered Monday 4 January: one working day.
    // Open and past due at 00:00 on 11 January: 3, 6, 14, 15 and 16 (due 8 January).
    expect(figures(w1.totals)).toEqual([0, 0, 1, 1, 0, 5, 1, 0, null, 0]);
  });

  it('the fourth quarter ends at 23:59 on 31 December; 00:00 on 1 January starts 2027', async () => {
    const q4 = await report('2026-Q4', '2027-02-01T10:00');
    // Received: the 11 of November, 1, 6 and 14 from October, 4 and 16 from December.
    expect(q4.totals.received).toBe(16);
    // Resolved: November's 7, case 4 (on time) and case 8 (1 December, late).
    expect([q4.totals.resolved, q4.totals.resolvedOnTime, q4.totals.resolvedLate]).toEqual([9, 6, 3]);
    // Open at 00:00 on 1 January 2027 and past due: 3, 6, 14, 15.
    expect(q4.totals.overdueNow).toBe(4);
    const q1 = await report('2027-Q1', '2027-02-01T10:00');
    expect(q1.totals.received).toBe(1);
    const year = await report('2026', '2027-02-01T10:00');
    expect(year.totals.received).toBe(18);
  });

  it('working-day deadlines across Tết and Quốc khánh: on time, with holidays not counted as handling days', async () => {
    expect(addWorkingDays(new Date(vn('2026-02-12T10:00')), 5).getTime()).toBe(endOf('2026-02-26'));
    expect(addWorkingDays(new Date(vn('2026-08-28T15:00')), 3).getTime()).toBe(endOf('2026-09-04'));
    const q1 = await report('2026-Q1', '2026-12-05T10:00');
    expect(figures(q1.totals)).toEqual([1, 1, 1, 1, 0, 0, 5, 0, null, 0]);
    const q3 = await report('2026-Q3', '2026-12-05T10:00');
    expect(figures(q3.totals)).toEqual([1, 0, 1, 1, 0, 0, 3, 0, null, 0]);
  });
});

describe('CSV and JSON', () => {
  it('the CSV is UTF-8 with a BOM, CRLF line ends and Vietnamese headers', async () => {
    const csv = usageReportCsv(await report('2026-11', '2026-12-05T10:00'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFKỳ báo cáo,Mã đơn vị,Đơn vị,Mã dịch vụ,Dịch vụ,Tiếp nhận,Đã thụ lý,Đã giải quyết,Giải quyết đúng hạn,Giải quyết trễ hạn,Đang quá hạn,Số ngày làm việc xử lý bình quân,Hồ sơ kết thúc được mời đánh giá,Số lượt đánh giá,Tỷ lệ đánh giá (%),Điểm hài lòng bình quân (1–5),Số lượt hài lòng (4–5 điểm),Số lượt 1 điểm,Số lượt 2 điểm,Số lượt 3 điểm,Số lượt 4 điểm,Số lượt 5 điểm',
    );
    // A service label with a comma is quoted.
    expect(csv).toContain('"Khiếu nại, tố cáo, phản ánh, kiến nghị"');
  });

  it('parses back to the same numbers, row for row', async () => {
    const r = await report('2026-11', '2026-12-05T10:00');
    const rows = parseUsageCsv(usageReportCsv(r));
    // 2 departments × (6 services + total) + the province's 6 services + total.
    expect(rows).toHaveLength(21);
    for (const s of r.sites) {
      for (const line of s.services) {
        const back = rows.find((x) => x.site === s.site.id && x.service === line.service)!;
        expect(figures(back.figures)).toEqual(figures(line));
        expect(back.serviceName).toBe(line.label);
      }
      expect(figures(rows.find((x) => x.site === s.site.id && x.service === 'tong-cong')!.figures)).toEqual(
        figures(s.totals),
      );
    }
    const province = rows.find((x) => x.site === 'toan-tinh' && x.service === 'tong-cong')!;
    expect(figures(province.figures)).toEqual([11, 5, 7, 5, 2, 3, 6.6, 4, 3.5, 2]);
    expect(province.period).toBe('Tháng 11/2026');
  });

  it('JSON round-trips to the same report', async () => {
    const r = await report('2026-11', '2026-12-05T10:00');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('satisfaction of closed cases (docs/adr/0058)', () => {
  // Six cases closed in November 2026 at Sở Tư pháp, one in December.
  const closed = (
    id: string,
    service: CaseRecord['service'],
    status: CaseRecord['status'],
    rating?: number,
    day = '2026-11-20',
  ): CaseRecord => ({
    id,
    site: 'sotuphap',
    service,
    receivedAt: vn('2026-11-02T09:00'),
    resolvedAt: vn(`${day}T10:00`),
    dueAt: endOf('2026-12-31'),
    status,
    ...(rating ? { rating } : {}),
  });
  const cases = [
    closed('r1', 'khieu-nai-to-cao', 'resolved', 5),
    closed('r2', 'khieu-nai-to-cao', 'resolved', 4),
    // A refused complaint is asked too, and its rating counts: the index rates the handling, not the outcome.
    closed('r3', 'khieu-nai-to-cao', 'refused', 1),
    closed('r4', 'khieu-nai-to-cao', 'resolved'),
    closed('r5', 'hoi-dap', 'resolved', 4),
    // A comment on a draft is counted, not answered: never asked for a rating.
    closed('r6', 'gop-y-du-thao', 'resolved'),
    // Closed in December: not November's.
    closed('r7', 'khieu-nai-to-cao', 'resolved', 2, '2026-12-02'),
  ];
  const november = () =>
    computeUsageReport({
      period: parsePeriod('2026-11'),
      sites: SITES,
      scope: 'province',
      cases,
      now: new Date(vn('2026-12-05T10:00')),
    });

  it('gives per service the closed cases asked, the rated, the response rate and the count of each score', () => {
    const complaints = november().services.find((s) => s.service === 'khieu-nai-to-cao')!;
    expect(complaints).toMatchObject({
      rateable: 4,
      rated: 3,
      responseRate: 75,
      averageRating: 3.3,
      satisfied: 2,
      ratings: [1, 0, 0, 1, 1],
    });
    expect(november().services.find((s) => s.service === 'gop-y-du-thao')).toMatchObject({
      rateable: 0,
      rated: 0,
      responseRate: null,
    });
  });

  it('totals per department and for the province over all the cases', () => {
    const r = november();
    expect(bySite(r, 'sotuphap').totals).toMatchObject({
      rateable: 5,
      rated: 4,
      responseRate: 80,
      ratings: [1, 0, 0, 2, 1],
    });
    expect(bySite(r, 'soyte').totals).toMatchObject({
      rateable: 0,
      rated: 0,
      responseRate: null,
      ratings: [0, 0, 0, 0, 0],
    });
    expect(r.totals).toMatchObject({ rateable: 5, rated: 4, averageRating: 3.5 });
  });

  it('writes the distribution into the CSV, one column per score', () => {
    const rows = usageReportCsv(november()).split('\r\n');
    const complaints = rows.find((row) => row.includes('sotuphap,Sở Tư pháp,khieu-nai-to-cao'))!;
    expect(complaints.split(',').slice(-5)).toEqual(['1', '0', '0', '1', '1']);
  });
});
