import { describe, expect, it } from 'vitest';
import { aCase, anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { queuePageView } from './queue-page-view.ts';

describe('queuePageView', () => {
  it('flags each running deadline in words, and shows none for a closed case', () => {
    const view = queuePageView({
      site: DEPARTMENT_SITE,
      account: anAccount({ role: 'editor' }),
      overdue: false,
      rows: [
        { record: aCase(), deadline: 'overdue' },
        { record: aCase({ id: 'case-2', status: 'resolved', dueAt: null }), deadline: null },
      ],
      filters: {},
    });
    expect(view.rows[0]).toMatchObject({
      href: '/quan-tri/ho-so/case-1',
      status: 'Đã nhận đơn, chờ xem xét',
      due: { at: '20/11/2026 17:00', flag: { level: 'overdue', label: 'Quá hạn' } },
    });
    expect(view.rows[1]!.due).toBeNull();
  });

  it('titles the overdue queue, keeps the chosen filters and offers the grants to the head only', () => {
    const head = queuePageView({
      site: DEPARTMENT_SITE,
      account: anAccount(),
      overdue: true,
      rows: [],
      filters: { status: 'accepted' },
    });
    expect(head.title).toBe('Hồ sơ quá hạn');
    expect(head.filters[1]!.options!.find((o) => o.selected)?.label).toBe('Đã thụ lý');
    expect(head.links.map((l) => l.href)).toContain('/quan-tri/ho-so/phan-quyen');
    const officer = queuePageView({
      site: DEPARTMENT_SITE,
      account: anAccount({ role: 'editor' }),
      overdue: false,
      rows: [],
      filters: {},
    });
    expect(officer.links.map((l) => l.href)).not.toContain('/quan-tri/ho-so/phan-quyen');
  });
});
