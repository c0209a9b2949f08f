import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '#server/platform/storage/records.ts';
import { delegationGrantsView } from './delegation-grants-view.ts';

const grant: AuditEntry = {
  id: 7,
  at: Date.parse('2026-11-29T03:40:05Z'),
  actorId: 'id-nvan',
  actorUsername: 'nvan',
  action: 'rights-delegated',
  departmentId: 'sotuphap',
  targetId: 'id-ttbhanh',
  targetUsername: 'ttbhanh',
  ip: null,
  details: { from: [], to: ['verify', 'publish'] },
};

describe('delegationGrantsView', () => {
  it('names the rights before and after each grant, who gave them and when', () => {
    expect(delegationGrantsView([grant])).toEqual([
      {
        at: '29/11/2026 10:40:05',
        by: 'nvan',
        to: 'ttbhanh',
        before: 'không',
        after: 'Xác thực tin (bước 2), Đăng tải tin (bước 3)',
      },
    ]);
  });
});
