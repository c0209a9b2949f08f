import { describe, expect, it } from 'vitest';
import type { ComplianceReport, SiteCompliance } from '#src/checks/compliance.ts';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { compliancePageView } from './compliance-page-view.ts';

const site = (overrides: Partial<SiteCompliance> = {}): SiteCompliance => ({
  site: 'sotuphap',
  name: 'Sở Tư pháp',
  sections: [{ id: 'gioi-thieu', clause: 1, entries: 0 }],
  newsDays: [
    { date: '2026-11-16', status: 'on-time' },
    { date: '2026-11-17', status: 'late' },
  ],
  waiting: [{ entry: 'tin-tuc/bai-moi', state: 'in-review', since: '2026-11-16T03:00:00Z', workingDays: 3 }],
  urgent: null,
  emails: { checked: 4, invalid: 1, unofficial: 0 },
  findings: [
    { site: 'sotuphap', rule: 'invalid-email', severity: 'warning', message: 'Địa chỉ sai.' },
    {
      site: 'sotuphap',
      rule: 'missing-section',
      severity: 'violation',
      message: 'Thiếu mục giới thiệu.',
      file: 'sites/sotuphap.yaml',
    },
  ],
  ...overrides,
});
const report = (s: SiteCompliance): ComplianceReport => ({
  asOf: '2026-11-20T00:00:00Z',
  window: { from: '2026-11-16', to: '2026-11-20', workingDays: 5 },
  sites: [s],
  violations: 1,
  warnings: 1,
});
const view = (s = site(), watch?: Parameters<typeof compliancePageView>[0]['watch']) =>
  compliancePageView({ site: DEPARTMENT_SITE, actor: anAccount(), report: report(s), watch });

describe('compliancePageView', () => {
  it('dates the window in Vietnamese and heads each site with its violations', () => {
    const v = view();
    expect(v.summary).toBe('Tin tức xét 5 ngày làm việc, từ 16/11/2026 đến 20/11/2026. 1 vi phạm, 1 lưu ý.');
    expect(v.sites[0]!.heading).toBe('Sở Tư pháp: 1 vi phạm');
    expect(view(site({ findings: [] })).sites[0]!.heading).toBe('Sở Tư pháp: đạt');
  });

  it('lists violations before warnings', () => {
    expect(view().sites[0]!.todo.map((f) => f.severity)).toEqual(['Vi phạm', 'Lưu ý']);
  });

  it('links each waiting entry to its history, with its step in words', () => {
    expect(view().sites[0]!.waiting).toEqual([
      {
        entry: { href: '/quan-tri/bai-viet/tin-tuc/bai-moi', text: 'tin-tuc/bai-moi' },
        step: 'Chờ xác thực',
        since: '16/11/2026',
        workingDays: 3,
      },
    ]);
    expect(view(site({ waiting: null })).sites[0]!.waiting).toBeNull();
  });

  it('shows urgent publications waiting for review with their time in Vietnam, only where publication was asked (ADR 0044)', () => {
    const watch = {
      sotuphap: {
        excluded: [],
        urgent: [{ entry: 'tin-tuc/khan', by: 'Nguyễn Văn An (nvan)', at: '2026-11-16T03:00:00Z', reason: 'Bão' }],
      },
    };
    expect(view(site(), watch).sites[0]!.urgent).toEqual([
      {
        entry: { href: '/quan-tri/bai-viet/tin-tuc/khan', text: 'tin-tuc/khan' },
        by: 'Nguyễn Văn An (nvan)',
        at: '16/11/2026 10:00:00',
        reason: 'Bão',
      },
    ]);
    expect(view().sites[0]!.urgent).toBeNull();
  });
});
