import { describe, expect, it } from 'vitest';
import { createTestApp, DEPARTMENTS } from './support.ts';
import { seedSampleAccounts } from '#server/accounts/seed-sample-accounts.ts';

describe('seedSampleAccounts', () => {
  it('creates the admin and one account per board role in each department, once', async () => {
    const t = await createTestApp();
    const seeded = await seedSampleAccounts(t.services.accounts, DEPARTMENTS);
    expect(seeded.map((s) => `${s.departmentId ?? '-'}:${s.role}:${s.username}`)).toEqual([
      '-:admin:qtvien',
      'sotuphap:head:tvhung',
      'sotuphap:deputy:lttha',
      'sotuphap:editor:nvan',
      'sotuphap:it-officer:pmtuan',
      'sotuphap:contributor:dtmai',
      'soyte:head:tvhung2',
      'soyte:deputy:lttha2',
      'soyte:editor:nvan2',
      'soyte:it-officer:pmtuan2',
      'soyte:contributor:dtmai2',
    ]);
    for (const s of seeded) expect(s.oneTimePassword).toMatch(/^[a-z2-9-]{19}$/);
    expect(await seedSampleAccounts(t.services.accounts, DEPARTMENTS)).toEqual([]);
  });

  it('uses the department’s own board members when its site file lists them', async () => {
    const t = await createTestApp();
    const withBoard = [
      {
        ...DEPARTMENTS[0],
        board: {
          members: [
            { name: 'Nguyễn Thị Minh Khai', role: 'head' as const },
            { name: 'Đặng Văn Đức', role: 'editor' as const, sections: ['van-ban'], delegations: ['verify' as const] },
            { name: 'Lê Văn Tám', role: 'editor' as const },
          ],
        },
      },
    ];
    const seeded = await seedSampleAccounts(t.services.accounts, withBoard);
    expect(seeded.filter((s) => s.departmentId === 'sotuphap').map((s) => `${s.role}:${s.username}`)).toEqual([
      'head:ntmkhai',
      'deputy:lttha',
      'editor:dvduc',
      'it-officer:pmtuan',
      'contributor:dtmai',
    ]);
    expect(await t.storage.accounts.findByUsername('dvduc')).toMatchObject({
      sections: ['van-ban'],
      delegations: ['verify'],
    });
  });
});
