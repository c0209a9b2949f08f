import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '#tests/support/refusals.ts';
import { type CaseRecord, FRESH_CASE, type NewCase } from './case-records.ts';
import type { AccountRecord } from './records.ts';
import type { Storage } from './repository.ts';

/**
 * What every adapter must do with cases (docs/adr/0010): the same records
 * back, all-or-nothing writes, idempotency under concurrency, stale writes
 * refused, the officer's view enforced in the query.
 */
export function describeCaseStorageContract(adapter: string, open: () => Promise<Storage>): void {
  describe(`case storage contract: ${adapter}`, () => {
    let storage: Storage;
    const T0 = 1_767_225_600_000;
    let officer: AccountRecord;
    let colleague: AccountRecord;

    beforeAll(async () => {
      storage = await open();
      await storage.migrate();
      officer = await storage.accounts.create(account('cbxl'));
      colleague = await storage.accounts.create(account('cbkhac'));
    });
    afterAll(async () => {
      await storage?.close();
    });

    function account(prefix: string): AccountRecord {
      const id = randomUUID();
      return {
        id,
        username: `${prefix}${id.slice(0, 8)}`,
        fullName: 'Lê Quang Minh',
        role: 'editor',
        departmentId: 'sotuphap',
        sections: [],
        delegations: [],
        status: 'active',
        passwordHash: 'x',
        mustChangePassword: false,
        passwordExpiresAt: null,
        createdAt: T0,
        updatedAt: T0,
        createdBy: null,
        email: null,
        credentialsSeenBy: null,
      };
    }

    let counter = 0;
    function newCase(overrides: Partial<CaseRecord> = {}, key: string | null = null): NewCase {
      counter += 1;
      const record: CaseRecord = {
        ...FRESH_CASE,
        id: randomUUID(),
        departmentId: 'sotuphap',
        service: 'khieu-nai-to-cao',
        kind: 'to-cao',
        trackingCode: `STP-2026-${randomUUID().slice(0, 4).toUpperCase()}-${counter}`,
        secretHash: 'v1$abc',
        subject: 'Tố cáo',
        subjectRef: null,
        payload: { fullName: 'Tôn Nữ Thị Hà', content: 'Nội dung tố cáo rất dài…', nested: { a: [1, 2] } },
        contactEmail: 'ha@example.com',
        receivedAt: T0 + counter,
        acceptDueAt: T0 + 7 * 86_400_000,
        dueAt: T0 + 7 * 86_400_000,
        updatedAt: T0,
        ...overrides,
      };
      return {
        record,
        event: {
          at: T0,
          actorId: null,
          actorName: null,
          action: 'submit',
          status: 'submitted',
          publicText: null,
          internalNote: null,
          details: {},
        },
        attachments: [
          {
            id: randomUUID(),
            storedName: `${randomUUID()}.bin`,
            displayName: 'Đơn tố cáo.pdf',
            mediaType: 'application/pdf',
            kind: 'pdf',
            size: 1234,
            sha256: 'f'.repeat(64),
            source: 'citizen',
            addedAt: T0,
          },
        ],
        idempotencyKeyHash: key,
      };
    }

    it('stores a case with its first event and attachments, and reads every field back', async () => {
      const input = newCase({ departmentId: 'round-trip' });
      const { record, created } = await storage.cases.create(input);
      expect(created).toBe(true);
      expect(await storage.cases.findById(record.id)).toEqual(input.record);
      expect(await storage.cases.findByTrackingCode(record.trackingCode)).toEqual(input.record);
      const [event] = await storage.cases.events(record.id);
      expect(event).toMatchObject({ ...input.event, caseId: record.id });
      expect(await storage.cases.attachments(record.id)).toEqual(
        input.attachments.map((a) => ({ ...a, caseId: record.id })),
      );
    });

    it('creates one case for many concurrent submissions with the same idempotency key', async () => {
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 8 }, () => storage.cases.create(newCase({ departmentId: 'idem' }, key))),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
      expect(await storage.cases.list({ departmentId: 'idem', limit: 100 })).toHaveLength(1);
    });

    it('gives a retried idempotency key the submission digest of the first submission, and writes nothing of the retry', async () => {
      const key = randomUUID();
      const first = await storage.cases.create({
        ...newCase({ departmentId: 'idem-digest' }, key),
        submissionDigest: 'v1$first',
      });
      expect(first).toMatchObject({ created: true, submissionDigest: 'v1$first' });
      const retry = { ...newCase({ departmentId: 'idem-digest' }, key), submissionDigest: 'v1$other' };
      const again = await storage.cases.create(retry);
      expect(again).toMatchObject({ created: false, submissionDigest: 'v1$first' });
      expect(again.record).toEqual(first.record);
      expect(await storage.cases.findById(retry.record.id)).toBeNull();
      expect(await storage.cases.attachments(retry.record.id)).toEqual([]);
      // A case stored without a digest answers null.
      const bare = newCase({ departmentId: 'idem-digest' }, randomUUID());
      await storage.cases.create(bare);
      expect(
        (await storage.cases.create({ ...bare, record: { ...bare.record, id: randomUUID() } })).submissionDigest,
      ).toBeNull();
    });

    it('keeps idempotency keys per department', async () => {
      const key = randomUUID();
      await storage.cases.create(newCase({ departmentId: 'idem-a' }, key));
      expect((await storage.cases.create(newCase({ departmentId: 'idem-b' }, key))).created).toBe(true);
    });

    it('refuses a duplicate tracking code and writes nothing of the second case', async () => {
      const first = newCase();
      await storage.cases.create(first);
      const second = newCase({ trackingCode: first.record.trackingCode });
      expect(await codeOf(storage.cases.create(second))).toBe('E_TRACKING_CODE_TAKEN');
      expect(await storage.cases.findById(second.record.id)).toBeNull();
      expect(await storage.cases.attachments(second.record.id)).toEqual([]);
    });

    it('commits the good submissions of a concurrent burst even when one of them fails', async () => {
      const good = Array.from({ length: 5 }, () => newCase({ departmentId: 'burst' }));
      const bad = newCase({ departmentId: 'burst', trackingCode: good[0]!.record.trackingCode });
      const results = await Promise.allSettled([...good, bad].map((c) => storage.cases.create(c)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
      expect(await storage.cases.list({ departmentId: 'burst', limit: 100 })).toHaveLength(5);
    });

    it('updates with the version read, appends the event, and refuses a stale version', async () => {
      const { record } = await storage.cases.create(newCase());
      const event = {
        at: T0 + 5,
        actorId: officer.id,
        actorName: 'Lê Quang Minh',
        action: 'accept',
        status: 'accepted' as const,
        publicText: 'Đã thụ lý.',
        internalNote: 'ghi chú',
        details: { x: 1 },
      };
      const updated = await storage.cases.update({
        id: record.id,
        expectedVersion: 1,
        patch: { status: 'accepted', complex: true, resolveDueAt: T0 + 99, dueAt: T0 + 99, updatedAt: T0 + 5 },
        event,
      });
      expect(updated).toEqual({
        ...record,
        status: 'accepted',
        complex: true,
        resolveDueAt: T0 + 99,
        dueAt: T0 + 99,
        updatedAt: T0 + 5,
        version: 2,
      });
      expect(
        await codeOf(
          storage.cases.update({
            id: record.id,
            expectedVersion: 1,
            patch: { status: 'rejected', updatedAt: T0 },
            event,
          }),
        ),
      ).toBe('E_CASE_CONFLICT');
      expect((await storage.cases.findById(record.id))?.status).toBe('accepted');
      expect((await storage.cases.events(record.id)).map((e) => e.action)).toEqual(['submit', 'accept']);
      expect(
        await codeOf(storage.cases.update({ id: randomUUID(), expectedVersion: 1, patch: { updatedAt: T0 }, event })),
      ).toBe('E_CASE_NOT_FOUND');
    });

    it('lets only one of two concurrent officer actions win', async () => {
      const { record } = await storage.cases.create(newCase());
      const event = {
        at: T0,
        actorId: null,
        actorName: null,
        action: 'accept',
        status: 'accepted' as const,
        publicText: null,
        internalNote: null,
        details: {},
      };
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () =>
          storage.cases.update({
            id: record.id,
            expectedVersion: 1,
            patch: { status: 'accepted', updatedAt: T0 },
            event,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await storage.cases.events(record.id)).toHaveLength(2);
    });

    it("shows an officer their own cases and the unassigned queue of their services, never a colleague's case", async () => {
      const dept = `view-${counter}`;
      const mine = await storage.cases.create(newCase({ departmentId: dept, assignedTo: officer.id }));
      const theirs = await storage.cases.create(newCase({ departmentId: dept, assignedTo: colleague.id }));
      const queue = await storage.cases.create(newCase({ departmentId: dept }));
      const otherService = await storage.cases.create(newCase({ departmentId: dept, service: 'hoi-dap', kind: null }));
      const seen = await storage.cases.list({
        departmentId: dept,
        visibleTo: { accountId: officer.id, services: ['khieu-nai-to-cao'] },
        limit: 100,
      });
      expect(seen.map((c) => c.id).sort()).toEqual([mine.record.id, queue.record.id].sort());
      expect(seen.map((c) => c.id)).not.toContain(theirs.record.id);
      expect(seen.map((c) => c.id)).not.toContain(otherService.record.id);
      const none = await storage.cases.list({
        departmentId: dept,
        visibleTo: { accountId: officer.id, services: [] },
        limit: 100,
      });
      expect(none.map((c) => c.id)).toEqual([mine.record.id]);
    });

    it('filters by service, status, assignee, deadline and subject, oldest first, with paging', async () => {
      const dept = `filter-${counter}`;
      const late = await storage.cases.create(newCase({ departmentId: dept, dueAt: T0 + 10, receivedAt: T0 + 1 }));
      const onTime = await storage.cases.create(
        newCase({ departmentId: dept, dueAt: T0 + 1_000_000, receivedAt: T0 + 2, status: 'accepted' }),
      );
      const closed = await storage.cases.create(
        newCase({ departmentId: dept, dueAt: null, status: 'resolved', closedAt: T0, receivedAt: T0 + 3 }),
      );
      const comment = await storage.cases.create(
        newCase({ departmentId: dept, service: 'gop-y-du-thao', subjectRef: 'du-thao-a', receivedAt: T0 + 4 }),
      );
      const ids = (list: CaseRecord[]) => list.map((c) => c.id);
      expect(
        ids(
          await storage.cases.list({
            departmentId: dept,
            dueBefore: T0 + 100,
            services: ['khieu-nai-to-cao'],
            limit: 10,
          }),
        ),
      ).toEqual([late.record.id]);
      expect(ids(await storage.cases.list({ departmentId: dept, statuses: ['accepted'], limit: 10 }))).toEqual([
        onTime.record.id,
      ]);
      expect(
        ids(
          await storage.cases.list({ departmentId: dept, assignedTo: null, services: ['khieu-nai-to-cao'], limit: 10 }),
        ),
      ).toEqual([late.record.id, onTime.record.id, closed.record.id]);
      expect(ids(await storage.cases.list({ departmentId: dept, subjectRef: 'du-thao-a', limit: 10 }))).toEqual([
        comment.record.id,
      ]);
      expect(ids(await storage.cases.list({ departmentId: dept, limit: 2, offset: 1 }))).toEqual([
        onTime.record.id,
        closed.record.id,
      ]);
      expect(await storage.cases.list({ departmentId: dept, statuses: [], limit: 10 })).toEqual([]);
    });

    it('purges closed cases past retention with their events and tells which files to delete', async () => {
      const old = newCase({ departmentId: 'purge', status: 'resolved', closedAt: T0 - 10, dueAt: null });
      await storage.cases.create(old);
      const open = await storage.cases.create(newCase({ departmentId: 'purge' }));
      const files = await storage.cases.purgeClosedBefore(T0);
      expect(files).toContain(old.attachments[0]!.storedName);
      expect(await storage.cases.findById(old.record.id)).toBeNull();
      expect(await storage.cases.events(old.record.id)).toEqual([]);
      expect(await storage.cases.findById(open.record.id)).not.toBeNull();
    });

    it('counts cases per department, service and state', async () => {
      const dept = `count-${counter}`;
      await storage.cases.create(newCase({ departmentId: dept }));
      await storage.cases.create(newCase({ departmentId: dept }));
      await storage.cases.create(newCase({ departmentId: dept, status: 'resolved', closedAt: T0, dueAt: null }));
      await storage.cases.create(newCase({ departmentId: dept, service: 'hoi-dap', kind: null }));
      const mine = (await storage.cases.countByStatus()).filter((c) => c.departmentId === dept);
      expect(mine).toEqual([
        { departmentId: dept, service: 'hoi-dap', status: 'submitted', count: 1 },
        { departmentId: dept, service: 'khieu-nai-to-cao', status: 'resolved', count: 1 },
        { departmentId: dept, service: 'khieu-nai-to-cao', status: 'submitted', count: 2 },
      ]);
    });

    it('stores and patches the deadline facts: signed letter, remote area, extensions, suspension', async () => {
      const input = newCase({
        departmentId: 'deadlines',
        signedLetterAt: T0 + 7,
        remoteArea: true,
        extensions: 1,
        suspendedAt: T0 + 9,
        status: 'suspended',
      });
      await storage.cases.create(input);
      expect(await storage.cases.findById(input.record.id)).toEqual(input.record);
      const event = {
        at: T0 + 10,
        actorId: null,
        actorName: null,
        action: 'resume',
        status: 'in-progress' as const,
        publicText: 'Tiếp tục',
        internalNote: null,
        details: {},
      };
      const updated = await storage.cases.update({
        id: input.record.id,
        expectedVersion: 1,
        patch: {
          status: 'in-progress',
          suspendedAt: null,
          remoteArea: false,
          extensions: 2,
          acceptDueAt: T0 + 11,
          signedLetterAt: null,
          updatedAt: T0 + 10,
        },
        event,
      });
      expect(updated).toMatchObject({
        status: 'in-progress',
        suspendedAt: null,
        remoteArea: false,
        extensions: 2,
        acceptDueAt: T0 + 11,
        signedLetterAt: null,
        version: 2,
      });
      expect(await storage.cases.findById(input.record.id)).toEqual(updated);
    });

    it('keeps one rating per case, even when raced, and reads it back', async () => {
      const { record } = await storage.cases.create(
        newCase({ departmentId: 'rating', status: 'resolved', closedAt: T0, dueAt: null }),
      );
      const rating = (score: number) => ({
        caseId: record.id,
        departmentId: 'rating',
        service: record.service,
        score,
        comment: score === 4 ? 'Cán bộ trả lời rõ ràng.' : null,
        channel: 'lookup' as const,
        ratedAt: T0 + score,
      });
      const results = await Promise.all([4, 1, 5, 2].map((score) => storage.caseRatings.add(rating(score))));
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await storage.caseRatings.find(record.id);
      expect(stored).toEqual(rating(stored!.score));
      expect(await storage.caseRatings.find(randomUUID())).toBeNull();
    });

    it('proposes the closed cases past retention as one list, and destroys them only when it is approved', async () => {
      const dept = `disposal-${counter}`;
      const old = [
        newCase({ departmentId: dept, status: 'resolved', closedAt: T0 - 20, dueAt: null }),
        newCase({ departmentId: dept, status: 'rejected', closedAt: T0 - 10, dueAt: null }),
      ];
      for (const c of old) await storage.cases.create(c);
      const recent = await storage.cases.create(
        newCase({ departmentId: dept, status: 'resolved', closedAt: T0 + 10, dueAt: null }),
      );
      const open = await storage.cases.create(newCase({ departmentId: dept }));
      await storage.caseRatings.add({
        caseId: old[0]!.record.id,
        departmentId: dept,
        service: 'khieu-nai-to-cao',
        score: 5,
        comment: null,
        channel: 'lookup',
        ratedAt: T0,
      });
      expect(
        await storage.caseDisposals.propose({
          id: randomUUID(),
          departmentId: `${dept}-none`,
          closedBefore: T0,
          proposedAt: T0,
          max: 100,
        }),
      ).toBeNull();
      const list = await storage.caseDisposals.propose({
        id: randomUUID(),
        departmentId: dept,
        closedBefore: T0,
        proposedAt: T0 + 1,
        max: 100,
      });
      expect(list).toMatchObject({ departmentId: dept, status: 'proposed', closedBefore: T0, approvedBy: null });
      expect(list!.entries).toEqual(
        old.map((c) => ({
          caseId: c.record.id,
          trackingCode: c.record.trackingCode,
          service: 'khieu-nai-to-cao',
          closedAt: c.record.closedAt,
        })),
      );
      // Nothing is destroyed by proposing, and a second proposal returns the list already waiting.
      expect(await storage.cases.findById(old[0]!.record.id)).not.toBeNull();
      const again = await storage.caseDisposals.propose({
        id: randomUUID(),
        departmentId: dept,
        closedBefore: T0 + 100,
        proposedAt: T0 + 2,
        max: 100,
      });
      expect(again!.id).toBe(list!.id);
      expect(again!.entries).toHaveLength(2);

      const files = await storage.caseDisposals.approve({
        id: list!.id,
        approvedBy: officer.id,
        approvedByName: 'Lê Quang Minh',
        approvedAt: T0 + 3,
      });
      expect(files.sort()).toEqual(old.map((c) => c.attachments[0]!.storedName).sort());
      for (const c of old) {
        expect(await storage.cases.findById(c.record.id)).toBeNull();
        expect(await storage.cases.events(c.record.id)).toEqual([]);
        expect(await storage.caseRatings.find(c.record.id)).toBeNull();
      }
      expect(await storage.cases.findById(recent.record.id)).not.toBeNull();
      expect(await storage.cases.findById(open.record.id)).not.toBeNull();
      const kept = await storage.caseDisposals.find(list!.id);
      expect(kept).toMatchObject({
        status: 'approved',
        approvedBy: officer.id,
        approvedByName: 'Lê Quang Minh',
        approvedAt: T0 + 3,
      });
      expect(kept!.entries.map((e) => e.trackingCode)).toEqual(old.map((c) => c.record.trackingCode));
      expect(
        await codeOf(
          storage.caseDisposals.approve({
            id: list!.id,
            approvedBy: officer.id,
            approvedByName: 'x',
            approvedAt: T0 + 4,
          }),
        ),
      ).toBe('E_DISPOSAL_DECIDED');
      expect((await storage.caseDisposals.list(dept, 10)).map((l) => l.id)).toEqual([list!.id]);
    });

    it('caps a disposal list, leaving the rest for the next one', async () => {
      const dept = `disposal-cap-${counter}`;
      for (let i = 0; i < 3; i += 1)
        await storage.cases.create(
          newCase({ departmentId: dept, status: 'resolved', closedAt: T0 - 100 + i, dueAt: null }),
        );
      const first = await storage.caseDisposals.propose({
        id: randomUUID(),
        departmentId: dept,
        closedBefore: T0,
        proposedAt: T0,
        max: 2,
      });
      expect(first!.entries).toHaveLength(2);
      await storage.caseDisposals.approve({
        id: first!.id,
        approvedBy: officer.id,
        approvedByName: 'Lê Quang Minh',
        approvedAt: T0 + 1,
      });
      const second = await storage.caseDisposals.propose({
        id: randomUUID(),
        departmentId: dept,
        closedBefore: T0,
        proposedAt: T0 + 2,
        max: 2,
      });
      expect(second!.entries).toHaveLength(1);
      expect((await storage.caseDisposals.list(dept, 10)).map((l) => l.id)).toEqual([second!.id, first!.id]);
    });

    it('spends a proof-of-work challenge once, even when raced', async () => {
      const id = randomUUID();
      const results = await Promise.all(Array.from({ length: 6 }, () => storage.replays.consume(id, T0 + 1000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await storage.replays.deleteExpired(T0 + 1000)).toBeGreaterThanOrEqual(1);
      expect(await storage.replays.consume(id, T0 + 2000)).toBe(true);
    });

    it('replaces an officer’s service grants and lists them per department', async () => {
      await storage.serviceGrants.set('sotuphap', officer.id, ['khieu-nai-to-cao', 'hoi-dap', 'hoi-dap']);
      await storage.serviceGrants.set('sotuphap', officer.id, ['ho-so', 'hoi-dap']);
      const grants = (await storage.serviceGrants.list('sotuphap')).filter((g) => g.accountId === officer.id);
      expect(grants.map((g) => g.service).sort()).toEqual(['ho-so', 'hoi-dap']);
      expect(await storage.serviceGrants.list('soyte')).toEqual([]);
    });
  });
}
