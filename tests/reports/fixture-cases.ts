import type { CaseRecord } from '#server/reports/case-record.ts';

/**
 * Hand-made cases for two departments, each placed to test one rule of the
 * usage report; the expected figures in usage-report.test.ts were computed
 * by hand from this list (the comment on each case says what it tests).
 * November 2026 has no holiday: 2 November is a Monday, 1 December a Tuesday.
 */

/** An instant given as Vietnamese wall-clock time. */
export const vn = (local: string): number => new Date(`${local}+07:00`).getTime();
/** 23:59:59.999 in Vietnam: a deadline ends with its last day. */
export const endOf = (date: string): number => vn(`${date}T23:59:59.999`);

export const SITES = [
  { id: 'sotuphap', name: 'Sở Tư pháp' },
  { id: 'soyte', name: 'Sở Y tế' },
];

export const FIXTURE_CASES: CaseRecord[] = [
  // 1. Received in October, accepted and resolved in November, on time; 15 working days (2–20 Nov).
  {
    id: 'c01',
    site: 'sotuphap',
    service: 'khieu-nai-to-cao',
    receivedAt: vn('2026-10-30T10:00'),
    acceptedAt: vn('2026-11-03T09:00'),
    resolvedAt: vn('2026-11-20T15:00'),
    dueAt: endOf('2026-12-15'),
    status: 'resolved',
    rating: 5,
  },
  // 2. Resolved four days after its deadline; 11 working days (3–17 Nov).
  {
    id: 'c02',
    site: 'sotuphap',
    service: 'khieu-nai-to-cao',
    receivedAt: vn('2026-11-02T08:00'),
    acceptedAt: vn('2026-11-04T10:00'),
    resolvedAt: vn('2026-11-17T09:00'),
    dueAt: endOf('2026-11-13'),
    status: 'resolved',
    rating: 2,
    complex: true,
  },
  // 3. 23:59 on 30 November: November's, not December's. Open, not yet due.
  {
    id: 'c03',
    site: 'sotuphap',
    service: 'hoi-dap',
    receivedAt: vn('2026-11-30T23:59'),
    dueAt: endOf('2026-12-07'),
    status: 'received',
  },
  // 4. 00:00 on 1 December: December's, not November's.
  {
    id: 'c04',
    site: 'sotuphap',
    service: 'hoi-dap',
    receivedAt: vn('2026-12-01T00:00'),
    resolvedAt: vn('2026-12-02T10:00'),
    dueAt: endOf('2026-12-08'),
    status: 'resolved',
  },
  // 5. A question answered the next working day.
  {
    id: 'c05',
    site: 'sotuphap',
    service: 'hoi-dap',
    receivedAt: vn('2026-11-10T14:00'),
    resolvedAt: vn('2026-11-11T09:00'),
    dueAt: endOf('2026-11-17'),
    status: 'resolved',
    rating: 4,
  },
  // 6. Overdue since October and still open.
  {
    id: 'c06',
    site: 'sotuphap',
    service: 'ho-so',
    receivedAt: vn('2026-10-01T09:00'),
    acceptedAt: vn('2026-10-02T09:00'),
    dueAt: endOf('2026-10-30'),
    status: 'accepted',
  },
  // 7. Resolved at 23:59 on its due day: on time, and inside November; 10 working days.
  {
    id: 'c07',
    site: 'sotuphap',
    service: 'ho-so',
    receivedAt: vn('2026-11-16T09:00'),
    acceptedAt: vn('2026-11-17T09:00'),
    resolvedAt: vn('2026-11-30T23:59'),
    dueAt: endOf('2026-11-30'),
    status: 'resolved',
  },
  // 8. Resolved at 00:00 on 1 December: still open (and overdue) when November ends.
  {
    id: 'c08',
    site: 'sotuphap',
    service: 'ho-so',
    receivedAt: vn('2026-11-20T09:00'),
    acceptedAt: vn('2026-11-23T09:00'),
    resolvedAt: vn('2026-12-01T00:00'),
    dueAt: endOf('2026-11-27'),
    status: 'resolved',
  },
  // 9. A comment on a draft, answered the next day.
  {
    id: 'c09',
    site: 'sotuphap',
    service: 'gop-y-du-thao',
    receivedAt: vn('2026-11-05T10:00'),
    resolvedAt: vn('2026-11-06T10:00'),
    dueAt: endOf('2026-11-20'),
    status: 'resolved',
  },
  // 10. Withdrawn: received, closed, neither resolved nor overdue.
  {
    id: 'c10',
    site: 'sotuphap',
    service: 'phan-hoi-website',
    receivedAt: vn('2026-11-25T11:00'),
    resolvedAt: vn('2026-11-26T08:00'),
    dueAt: endOf('2026-12-09'),
    status: 'withdrawn',
  },
  // 11. Refused: received, closed, not resolved.
  {
    id: 'c11',
    site: 'soyte',
    service: 'khieu-nai-to-cao',
    receivedAt: vn('2026-11-09T09:00'),
    resolvedAt: vn('2026-11-12T09:00'),
    dueAt: endOf('2026-11-23'),
    status: 'refused',
  },
  // 12. Friday 16:00 to Monday 08:00 is one working day.
  {
    id: 'c12',
    site: 'soyte',
    service: 'hoi-dap',
    receivedAt: vn('2026-11-27T16:00'),
    resolvedAt: vn('2026-11-30T08:00'),
    dueAt: endOf('2026-12-04'),
    status: 'resolved',
    rating: 3,
  },
  // 13. Late by two days; 7 working days.
  {
    id: 'c13',
    site: 'soyte',
    service: 'hoi-dap',
    receivedAt: vn('2026-11-03T09:00'),
    resolvedAt: vn('2026-11-12T09:00'),
    dueAt: endOf('2026-11-10'),
    status: 'resolved',
  },
  // 14. The last second of October; accepted and overdue in November.
  {
    id: 'c14',
    site: 'soyte',
    service: 'ho-so',
    receivedAt: vn('2026-10-31T23:59:59'),
    acceptedAt: vn('2026-11-02T08:00'),
    dueAt: endOf('2026-11-20'),
    status: 'accepted',
  },
  // 15. The first second of November.
  {
    id: 'c15',
    site: 'soyte',
    service: 'ho-so',
    receivedAt: vn('2026-11-01T00:00'),
    dueAt: endOf('2026-12-14'),
    status: 'received',
  },
  // 16. 23:59 on 31 December 2026: the fourth quarter, the year 2026, ISO week 53 of 2026.
  {
    id: 'c16',
    site: 'sotuphap',
    service: 'hoi-dap',
    receivedAt: vn('2026-12-31T23:59'),
    dueAt: endOf('2027-01-08'),
    status: 'received',
  },
  // 17. 00:00 on 1 January 2027: 2027 and its first quarter, but still ISO week 53 of 2026.
  {
    id: 'c17',
    site: 'sotuphap',
    service: 'hoi-dap',
    receivedAt: vn('2027-01-01T00:00'),
    resolvedAt: vn('2027-01-04T10:00'),
    dueAt: endOf('2027-01-11'),
    status: 'resolved',
  },
  // 18. Five working days across Tết 2026 (16–20 February off): due Thursday 26 February, not 19.
  {
    id: 'c18',
    site: 'sotuphap',
    service: 'ho-so',
    receivedAt: vn('2026-02-12T10:00'),
    acceptedAt: vn('2026-02-12T10:00'),
    resolvedAt: vn('2026-02-26T16:00'),
    dueAt: endOf('2026-02-26'),
    status: 'resolved',
  },
  // 19. Three working days across Quốc khánh (1–2 September off): due Friday 4 September.
  {
    id: 'c19',
    site: 'soyte',
    service: 'ho-so',
    receivedAt: vn('2026-08-28T15:00'),
    resolvedAt: vn('2026-09-04T17:30'),
    dueAt: endOf('2026-09-04'),
    status: 'resolved',
  },
];
