import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '#server/platform/storage/records.ts';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { auditPageView } from './audit-page-view.ts';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: Date.parse('2026-11-29T03:40:05Z'),
  actorId: 'id-nvan',
  actorUsername: 'nvan',
  action: 'sign-in',
  departmentId: 'sotuphap',
  targetId: null,
  targetUsername: null,
  ip: null,
  details: {},
  ...overrides,
});

describe('auditPageView', () => {
  it('shows each entry in Vietnam time to the second, with its action in words', () => {
    const [row] = auditPageView({
      site: DEPARTMENT_SITE,
      actor: anAccount(),
      entries: [entry({ action: 'password-reset', targetUsername: 'ttbhanh' })],
      nextBeforeId: null,
    }).rows;
    expect(row).toMatchObject({
      at: '29/11/2026 10:40:05',
      action: 'Cấp lại mật khẩu',
      actor: 'nvan',
      target: 'ttbhanh',
      ip: '—',
    });
  });

  it('lists the details but not the browser string, and an action it does not know by its name', () => {
    const [row] = auditPageView({
      site: DEPARTMENT_SITE,
      actor: anAccount(),
      entries: [
        entry({
          action: 'retired' as AuditEntry['action'],
          details: { userAgent: 'Mozilla/5.0', sections: ['tin-tuc', 'van-ban'] },
        }),
      ],
      nextBeforeId: null,
    }).rows;
    expect(row!.details).toBe('sections: tin-tuc, van-ban');
    expect(row!.action).toBe('retired');
  });

  it('links to the older entries only when there are more', () => {
    expect(auditPageView({ site: DEPARTMENT_SITE, actor: anAccount(), entries: [], nextBeforeId: 51 }).olderHref).toBe(
      '/quan-tri/nhat-ky?truoc=51',
    );
    expect(
      auditPageView({ site: DEPARTMENT_SITE, actor: anAccount(), entries: [], nextBeforeId: null }).olderHref,
    ).toBeNull();
  });
});
