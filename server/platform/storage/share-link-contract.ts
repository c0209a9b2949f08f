import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareLinkRecord } from './records.ts';
import type { Storage } from './repository.ts';

/** The share links every adapter keeps alike (docs/adr/0093); each adapter's test file calls it. */
export function describeShareLinkContract(adapter: string, open: () => Promise<Storage>): void {
  describe(`share links: ${adapter}`, () => {
    let storage: Storage;
    const T0 = 1_767_225_600_000;
    beforeAll(async () => {
      storage = await open();
      await storage.migrate();
    });
    afterAll(async () => {
      await storage?.close();
    });

    const link = (overrides: Partial<ShareLinkRecord> = {}): ShareLinkRecord => ({
      id: randomUUID(),
      departmentId: 'sotuphap',
      section: 'tin-tuc',
      slug: 'hoi-nghi',
      commit: '0123456789abcdef0123456789abcdef01234567',
      createdBy: 'acc-1',
      createdByName: 'Nguyễn Văn An',
      createdAt: T0,
      expiresAt: T0 + 86_400_000,
      revokedAt: null,
      revokedBy: null,
      ...overrides,
    });

    it('keeps a link as written, lists an entry’s links newest first, and revokes it once', async () => {
      const older = link();
      const newer = link({ createdAt: T0 + 1000 });
      const elsewhere = link({ slug: 'khac' });
      for (const l of [older, newer, elsewhere]) await storage.shareLinks.create(l);
      expect(await storage.shareLinks.find(older.id)).toEqual(older);
      expect(await storage.shareLinks.find('khong-co')).toBeNull();
      expect((await storage.shareLinks.listForEntry('sotuphap', 'tin-tuc', 'hoi-nghi')).map((l) => l.id)).toEqual([
        newer.id,
        older.id,
      ]);
      expect(await storage.shareLinks.revoke(older.id, 'acc-2', T0 + 5)).toBe(true);
      expect(await storage.shareLinks.revoke(older.id, 'acc-3', T0 + 6)).toBe(false);
      expect(await storage.shareLinks.revoke('khong-co', 'acc-3', T0 + 6)).toBe(false);
      expect(await storage.shareLinks.find(older.id)).toEqual({ ...older, revokedAt: T0 + 5, revokedBy: 'acc-2' });
    });

    it('logs each use of a link in order, and refuses a use of a link that does not exist', async () => {
      const l = link();
      await storage.shareLinks.create(l);
      await storage.shareLinks.recordUse({ linkId: l.id, at: T0 + 2, outcome: 'expired' });
      await storage.shareLinks.recordUse({ linkId: l.id, at: T0 + 1, outcome: 'shown' });
      expect(await storage.shareLinks.uses(l.id)).toEqual([
        { linkId: l.id, at: T0 + 1, outcome: 'shown' },
        { linkId: l.id, at: T0 + 2, outcome: 'expired' },
      ]);
      await expect(storage.shareLinks.recordUse({ linkId: 'khong-co', at: T0, outcome: 'shown' })).rejects.toThrow();
    });
  });
}
