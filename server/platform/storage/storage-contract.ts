import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#src/schema/roles.ts';
import { ACCOUNT_THROTTLE, reserveAttempt } from '#server/accounts/index.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeOf } from '#tests/support/refusals.ts';
import type { AccountRecord, RateBucket } from './records.ts';
import type { Storage } from './repository.ts';

/**
 * The behaviour every adapter must share. Each adapter's test file calls this
 * with a factory for a fresh, empty store.
 */
export function describeStorageContract(adapter: string, open: () => Promise<Storage>): void {
  describe(`storage contract: ${adapter}`, () => {
    let storage: Storage;
    const T0 = 1_767_225_600_000; // 2026-01-01, well past 2^31 to catch 32-bit truncation

    beforeAll(async () => {
      storage = await open();
      await storage.migrate();
    });
    afterAll(async () => {
      await storage?.close();
    });

    function account(overrides: Partial<AccountRecord> = {}): AccountRecord {
      const id = randomUUID();
      return {
        id,
        username: `u${id.replace(/-/g, '').slice(0, 12)}`,
        fullName: 'Nguyễn Thị Minh Khai',
        role: 'editor',
        departmentId: 'sotuphap',
        sections: ['tin-tuc', 'van-ban'],
        delegations: [],
        status: 'active',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        mustChangePassword: true,
        passwordExpiresAt: T0 + 72 * 3_600_000,
        createdAt: T0,
        updatedAt: T0,
        createdBy: null,
        email: null,
        credentialsSeenBy: null,
        ...overrides,
      };
    }

    describe('migrations', () => {
      it('are recorded and not applied twice', async () => {
        expect(await storage.migrate()).toEqual([]);
      });
    });

    describe('accounts', () => {
      it('stores and reads back every field, Vietnamese text and large times included', async () => {
        const created = account({ departmentId: 'store-roundtrip', delegations: ['verify', 'publish'] });
        await storage.accounts.create(created);
        expect(await storage.accounts.findById(created.id)).toEqual(created);
        expect(await storage.accounts.findByUsername(created.username)).toEqual(created);
        expect(await storage.accounts.findByUsername('nobody')).toBeNull();
      });

      it('keeps admins outside departments', async () => {
        const admin = account({ role: 'admin', departmentId: null, sections: [] });
        await storage.accounts.create(admin);
        expect((await storage.accounts.list(null)).map((a) => a.id)).toContain(admin.id);
        expect((await storage.accounts.list()).map((a) => a.id)).toContain(admin.id);
      });

      it('refuses a second account with the same username and writes nothing', async () => {
        const first = account({ departmentId: 'store-dup' });
        await storage.accounts.create(first);
        const second = account({ username: first.username, departmentId: 'store-dup' });
        expect(await codeOf(storage.accounts.create(second))).toBe('E_USERNAME_TAKEN');
        expect(await storage.accounts.findById(second.id)).toBeNull();
      });

      it('lists a department in username order', async () => {
        for (const username of ['tthoa', 'dvduc', 'nvan'])
          await storage.accounts.create(account({ username: `${username}x`, departmentId: 'store-list' }));
        expect((await storage.accounts.list('store-list')).map((a) => a.username)).toEqual([
          'dvducx',
          'nvanx',
          'tthoax',
        ]);
      });

      it('finds username variants for collision suffixes, and only those', async () => {
        for (const username of ['qvan', 'qvan2', 'qvan17', 'qvanh', 'qvanh2'])
          await storage.accounts.create(account({ username, departmentId: 'store-like' }));
        expect((await storage.accounts.usernamesLike('qvan')).sort()).toEqual(['qvan', 'qvan17', 'qvan2']);
        expect(await storage.accounts.usernamesLike('zzz')).toEqual([]);
      });

      it('updates only the patched fields', async () => {
        const created = account({ departmentId: 'store-update' });
        await storage.accounts.create(created);
        const updated = await storage.accounts.update(created.id, {
          status: 'disabled',
          sections: ['hoi-dap'],
          updatedAt: T0 + 5,
        });
        expect(updated).toEqual({ ...created, status: 'disabled', sections: ['hoi-dap'], updatedAt: T0 + 5 });
        expect(await storage.accounts.findById(created.id)).toEqual(updated);
        const cleared = await storage.accounts.update(created.id, {
          passwordExpiresAt: null,
          mustChangePassword: false,
          updatedAt: T0 + 6,
        });
        expect(cleared.passwordExpiresAt).toBeNull();
        expect(cleared.mustChangePassword).toBe(false);
      });

      it('keeps an official address to one account, on create and on update, writing nothing when refused', async () => {
        const first = account({ departmentId: 'store-email', email: 'nvan@sotuphap.thuathienhue.gov.vn' });
        await storage.accounts.create(first);
        const second = account({ departmentId: 'store-email', email: first.email });
        expect(await codeOf(storage.accounts.create(second))).toBe('E_EMAIL_TAKEN');
        expect(await storage.accounts.findById(second.id)).toBeNull();
        const third = account({ departmentId: 'store-email' });
        await storage.accounts.create(third);
        expect(await codeOf(storage.accounts.update(third.id, { email: first.email, updatedAt: T0 + 1 }))).toBe(
          'E_EMAIL_TAKEN',
        );
        expect((await storage.accounts.findById(third.id))?.email).toBeNull();
        // Accounts without an address are many.
        await storage.accounts.create(account({ departmentId: 'store-email' }));
      });

      it('records who saw an account’s credentials and finds every account someone saw', async () => {
        const witness = account({ departmentId: 'store-witness' });
        await storage.accounts.create(witness);
        const seen = account({
          departmentId: 'store-witness',
          credentialsSeenBy: witness.id,
          email: `seen-${witness.id.slice(0, 8)}@soyte.thuathienhue.gov.vn`,
        });
        await storage.accounts.create(seen);
        expect(await storage.accounts.findById(seen.id)).toEqual(seen);
        const later = account({ departmentId: 'store-witness' });
        await storage.accounts.create(later);
        await storage.accounts.update(later.id, { credentialsSeenBy: witness.id, updatedAt: T0 + 1 });
        expect((await storage.accounts.witnessedBy(witness.id)).map((a) => a.id).sort()).toEqual(
          [seen.id, later.id].sort(),
        );
        await storage.accounts.update(seen.id, { credentialsSeenBy: null, updatedAt: T0 + 2 });
        expect((await storage.accounts.witnessedBy(witness.id)).map((a) => a.id)).toEqual([later.id]);
        expect(await storage.accounts.witnessedBy(seen.id)).toEqual([]);
      });

      it('reports an unknown account on update', async () => {
        expect(await codeOf(storage.accounts.update(randomUUID(), { status: 'disabled', updatedAt: T0 }))).toBe(
          'E_ACCOUNT_NOT_FOUND',
        );
      });

      it('enforces a board limit on create and on role change, counting only active accounts', async () => {
        const limit = { role: 'deputy' as Role, max: 2 };
        const dept = 'store-limit';
        const first = account({ role: 'deputy', departmentId: dept });
        await storage.accounts.create(first, limit);
        await storage.accounts.create(account({ role: 'deputy', departmentId: dept }), limit);
        const third = account({ role: 'deputy', departmentId: dept });
        expect(await codeOf(storage.accounts.create(third, limit))).toBe('E_BOARD_LIMIT');
        expect(await storage.accounts.findById(third.id)).toBeNull();
        // Updating an existing deputy does not count it twice.
        await storage.accounts.update(first.id, { sections: [], updatedAt: T0 }, limit);
        const editor = account({ role: 'editor', departmentId: dept });
        await storage.accounts.create(editor);
        expect(await codeOf(storage.accounts.update(editor.id, { role: 'deputy', updatedAt: T0 }, limit))).toBe(
          'E_BOARD_LIMIT',
        );
        expect((await storage.accounts.findById(editor.id))?.role).toBe('editor');
        await storage.accounts.update(first.id, { status: 'disabled', updatedAt: T0 });
        await storage.accounts.update(editor.id, { role: 'deputy', updatedAt: T0 }, limit);
        // Other departments are counted separately.
        await storage.accounts.create(account({ role: 'deputy', departmentId: 'store-limit-other' }), limit);
      });

      it('holds the board limit when two creations race', async () => {
        const limit = { role: 'head' as Role, max: 1 };
        const results = await Promise.allSettled(
          Array.from({ length: 5 }, () =>
            storage.accounts.create(account({ role: 'head', departmentId: 'store-race' }), limit),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await storage.accounts.list('store-race')).length).toBe(1);
      });
    });

    describe('sessions', () => {
      it('creates, finds, touches and deletes by token hash', async () => {
        const owner = account({ departmentId: 'store-sessions' });
        await storage.accounts.create(owner);
        const session = {
          tokenHash: 'a'.repeat(64),
          accountId: owner.id,
          createdAt: T0,
          lastSeenAt: T0,
          ip: '10.0.0.1',
          userAgent: 'Firefox',
        };
        await storage.sessions.create(session);
        expect(await storage.sessions.find(session.tokenHash)).toEqual(session);
        await storage.sessions.touch(session.tokenHash, T0 + 1000);
        expect((await storage.sessions.find(session.tokenHash))?.lastSeenAt).toBe(T0 + 1000);
        await storage.sessions.delete(session.tokenHash);
        expect(await storage.sessions.find(session.tokenHash)).toBeNull();
      });

      it('refuses a session for an account that does not exist', async () => {
        await expect(
          storage.sessions.create({
            tokenHash: 'b'.repeat(64),
            accountId: randomUUID(),
            createdAt: T0,
            lastSeenAt: T0,
            ip: null,
            userAgent: null,
          }),
        ).rejects.toThrow();
        expect(await storage.sessions.find('b'.repeat(64))).toBeNull();
      });

      it('ends every session of an account, optionally but one', async () => {
        const owner = account({ departmentId: 'store-sessions' });
        await storage.accounts.create(owner);
        for (const c of ['c', 'd', 'e']) {
          await storage.sessions.create({
            tokenHash: c.repeat(64),
            accountId: owner.id,
            createdAt: T0,
            lastSeenAt: T0,
            ip: null,
            userAgent: null,
          });
        }
        expect(await storage.sessions.deleteForAccount(owner.id, 'c'.repeat(64))).toBe(2);
        expect(await storage.sessions.find('c'.repeat(64))).not.toBeNull();
        expect(await storage.sessions.deleteForAccount(owner.id)).toBe(1);
        expect(await storage.sessions.find('c'.repeat(64))).toBeNull();
      });

      it('deletes sessions past the idle or absolute limit', async () => {
        const owner = account({ departmentId: 'store-sessions' });
        await storage.accounts.create(owner);
        const idle = 30 * 60_000;
        const absolute = 12 * 3_600_000;
        const now = T0 + absolute + 1;
        await storage.sessions.create({
          tokenHash: 'f'.repeat(64),
          accountId: owner.id,
          createdAt: now - 1000,
          lastSeenAt: now - 1000,
          ip: null,
          userAgent: null,
        });
        await storage.sessions.create({
          tokenHash: '1'.repeat(64),
          accountId: owner.id,
          createdAt: now - 2 * idle,
          lastSeenAt: now - idle,
          ip: null,
          userAgent: null,
        });
        await storage.sessions.create({
          tokenHash: '2'.repeat(64),
          accountId: owner.id,
          createdAt: T0,
          lastSeenAt: now - 1,
          ip: null,
          userAgent: null,
        });
        expect(await storage.sessions.deleteExpired(now, idle, absolute)).toBeGreaterThanOrEqual(2);
        expect(await storage.sessions.find('f'.repeat(64))).not.toBeNull();
        expect(await storage.sessions.find('1'.repeat(64))).toBeNull();
        expect(await storage.sessions.find('2'.repeat(64))).toBeNull();
      });
    });

    describe('sign-in throttle', () => {
      it('stores, updates and clears state per key', async () => {
        const key = `account:${randomUUID()}`;
        expect(await storage.throttle.get(key)).toBeNull();
        const decision = await storage.throttle.apply(key, (current) =>
          reserveAttempt(current, key, T0, ACCOUNT_THROTTLE),
        );
        expect(decision).toEqual({ allowed: true });
        expect(await storage.throttle.get(key)).toMatchObject({ key, failures: 1, windowCount: 1, windowStart: T0 });
        await storage.throttle.apply(key, () => ({ next: null, decision: { allowed: true } }));
        expect(await storage.throttle.get(key)).toBeNull();
      });

      it('never lets parallel attempts past the cap', async () => {
        const key = `account:${randomUUID()}`;
        const policy = { ...ACCOUNT_THROTTLE, freeFailures: 1000, maxPerWindow: 10 };
        const decisions = await Promise.all(
          Array.from({ length: 40 }, () =>
            storage.throttle.apply(key, (current) => reserveAttempt(current, key, T0, policy)),
          ),
        );
        expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
        expect((await storage.throttle.get(key))?.windowCount).toBe(10);
      });
    });

    describe('audit log', () => {
      it('appends entries and lists them newest first, per department', async () => {
        const base = {
          actorId: null,
          actorUsername: 'he-thong',
          targetId: null,
          targetUsername: 'nvan',
          ip: '10.0.0.9',
        };
        const a = await storage.audit.append({
          ...base,
          at: T0,
          action: 'account-created',
          departmentId: 'store-audit',
          details: { role: 'editor', tên: 'Nguyễn Văn An' },
        });
        const b = await storage.audit.append({
          ...base,
          at: T0 + 1,
          action: 'account-disabled',
          departmentId: 'store-audit',
          details: {},
        });
        await storage.audit.append({
          ...base,
          at: T0 + 2,
          action: 'sign-in-failed',
          departmentId: 'store-audit-other',
          details: {},
        });
        const c = await storage.audit.append({
          ...base,
          at: T0 + 3,
          action: 'sign-in',
          departmentId: null,
          details: {},
        });
        expect(b.id).toBeGreaterThan(a.id);
        expect(a.details).toEqual({ role: 'editor', tên: 'Nguyễn Văn An' });
        expect(await storage.audit.list({ departmentId: 'store-audit', limit: 10 })).toEqual([b, a]);
        expect(await storage.audit.list({ departmentId: 'store-audit', limit: 1 })).toEqual([b]);
        expect(await storage.audit.list({ departmentId: 'store-audit', limit: 10, beforeId: b.id })).toEqual([a]);
        expect((await storage.audit.list({ departmentId: null, limit: 100 })).map((e) => e.id)).toContain(c.id);
        expect((await storage.audit.list({ limit: 2 }))[0]).toEqual(c);
      });

      it('lists one account’s entries of chosen actions, and what came after an entry, oldest first', async () => {
        const target = randomUUID();
        const base = {
          actorId: null,
          actorUsername: 'tvhung',
          targetId: target,
          targetUsername: 'nvan',
          ip: '10.0.0.9',
          departmentId: 'store-audit-target',
          details: {},
        };
        const reset = await storage.audit.append({ ...base, at: T0, action: 'password-reset' });
        await storage.audit.append({ ...base, at: T0 + 1, action: 'sign-in-failed' });
        const first = await storage.audit.append({ ...base, at: T0 + 2, action: 'sign-in' });
        const second = await storage.audit.append({ ...base, at: T0 + 3, action: 'sign-in' });
        await storage.audit.append({ ...base, targetId: randomUUID(), at: T0 + 4, action: 'sign-in' });
        expect(
          await storage.audit.list({ targetId: target, actions: ['password-reset', 'sign-in'], limit: 10 }),
        ).toEqual([second, first, reset]);
        expect(
          await storage.audit.list({
            targetId: target,
            actions: ['sign-in'],
            afterId: reset.id,
            order: 'oldest-first',
            limit: 1,
          }),
        ).toEqual([first]);
        expect(
          await storage.audit.list({
            targetId: target,
            actions: ['sign-in'],
            afterId: reset.id,
            beforeId: first.id,
            limit: 5,
          }),
        ).toEqual([]);
        expect(
          await storage.audit.list({ departmentId: 'store-audit-target', actions: ['password-reset'], limit: 5 }),
        ).toEqual([reset]);
        expect(await storage.audit.list({ targetId: target, actions: [], limit: 5 })).toEqual([]);
      });
    });

    describe('instance coordination (docs/adr/0102)', () => {
      it('runs the holders of one lock one at a time, each to its end, and other locks freely', async () => {
        const name = `lock-${randomUUID()}`;
        const events: string[] = [];
        const hold = (who: string, ms: number) =>
          storage.locks.withLock(name, async () => {
            events.push(`${who}+`);
            await sleep(ms);
            events.push(`${who}-`);
            return who;
          });
        const other = storage.locks.withLock(`other-${name}`, async () => {
          events.push('other');
          return 'other';
        });
        expect(await Promise.all([hold('a', 60), hold('b', 5), hold('c', 5), other])).toEqual(['a', 'b', 'c', 'other']);
        // "other" did not wait for "a" to finish.
        expect(events.indexOf('other')).toBeLessThan(events.indexOf('a-'));
        const held = events.filter((e) => e !== 'other');
        for (let i = 0; i < held.length; i += 2) expect(held[i + 1]).toBe(held[i]!.replace('+', '-'));
      });

      it('frees a lock whose task failed', async () => {
        const name = `lock-${randomUUID()}`;
        await expect(storage.locks.withLock(name, async () => Promise.reject(new Error('hỏng')))).rejects.toThrow(
          'hỏng',
        );
        expect(await storage.locks.withLock(name, async () => 'sau')).toBe('sau');
      });

      it('lets exactly one instance claim an occurrence of a scheduled job', async () => {
        const job = `job-${randomUUID()}`;
        const claims = await Promise.all(
          ['a', 'b', 'c', 'd'].map((instance) => storage.jobClaims.claim(job, T0, instance, T0)),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await storage.jobClaims.claim(job, T0 + 60_000, 'b', T0 + 60_000)).toBe(true);
        expect(await storage.jobClaims.deleteBefore(T0 + 1)).toBeGreaterThanOrEqual(1);
        expect(await storage.jobClaims.claim(job, T0 + 60_000, 'c', T0 + 60_000)).toBe(false);
      });

      it('applies token-bucket steps atomically per key, even when raced', async () => {
        const key = `bucket:${randomUUID()}`;
        const take = (current: RateBucket | null) =>
          current && current.tokens < 1
            ? { next: current, decision: false }
            : { next: { tokens: (current?.tokens ?? 5) - 1, updatedAt: T0 + 1 }, decision: true };
        const decisions = await Promise.all(Array.from({ length: 12 }, () => storage.rateBuckets.apply(key, take)));
        expect(decisions.filter(Boolean)).toHaveLength(5);
        expect(await storage.rateBuckets.apply(key, (current) => ({ next: current!, decision: current }))).toEqual({
          tokens: 0,
          updatedAt: T0 + 1,
        });
        expect(await storage.rateBuckets.deleteIdle(T0 + 2)).toBeGreaterThanOrEqual(1);
        expect(
          await storage.rateBuckets.apply(key, (current) => ({
            next: { tokens: 1, updatedAt: T0 },
            decision: current,
          })),
        ).toBeNull();
      });
    });
  });
}
