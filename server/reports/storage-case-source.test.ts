import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseRecord as StoredCase } from '#server/platform/storage/case-records.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { storageCaseSource } from './storage-case-source.ts';

const DAY = 86_400_000;
const NOV_1 = Date.parse('2026-11-01T00:00:00+07:00');

function stored(overrides: Partial<StoredCase>): StoredCase {
  return {
    id: randomUUID(),
    departmentId: 'sotuphap',
    service: 'khieu-nai-to-cao',
    kind: 'khieu-nai',
    trackingCode: `STP-2026-${randomUUID().slice(0, 6).toUpperCase()}`,
    secretHash: 'v1$x',
    status: 'submitted',
    subject: 'Khiếu nại',
    subjectRef: null,
    payload: { fullName: 'Tôn Nữ Thị Hà' },
    contactEmail: null,
    assignedTo: null,
    complex: false,
    signedLetterAt: null,
    remoteArea: false,
    extensions: 0,
    suspendedAt: null,
    receivedAt: NOV_1 + DAY,
    acceptDueAt: NOV_1 + 15 * DAY,
    resolveDueAt: null,
    dueAt: NOV_1 + 15 * DAY,
    closedAt: null,
    version: 1,
    updatedAt: NOV_1,
    ...overrides,
  };
}

const event = (at: number, action: string, status: StoredCase['status']) => ({
  at,
  actorId: null,
  actorName: null,
  action,
  status,
  publicText: null,
  internalNote: null,
  details: {},
});

describe('reports read the case storage', () => {
  it('gives each case its acceptance time from the timeline and its outcome, without personal data', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    const resolved = stored({ status: 'accepted' });
    await storage.cases.create({
      record: resolved,
      event: event(resolved.receivedAt, 'submit', 'submitted'),
      attachments: [],
      idempotencyKeyHash: null,
    });
    await storage.cases.update({
      id: resolved.id,
      expectedVersion: 1,
      patch: { status: 'accepted', resolveDueAt: NOV_1 + 40 * DAY, updatedAt: NOV_1 + 3 * DAY },
      event: event(NOV_1 + 3 * DAY, 'accept', 'accepted'),
    });
    await storage.cases.update({
      id: resolved.id,
      expectedVersion: 2,
      patch: { status: 'resolved', closedAt: NOV_1 + 20 * DAY, dueAt: null, updatedAt: NOV_1 + 20 * DAY },
      event: event(NOV_1 + 20 * DAY, 'resolve', 'resolved'),
    });
    await storage.caseRatings.add({
      caseId: resolved.id,
      departmentId: 'sotuphap',
      service: 'khieu-nai-to-cao',
      score: 4,
      comment: 'Cảm ơn chị Tôn Nữ Thị Hà ở bộ phận một cửa.',
      channel: 'lookup',
      ratedAt: NOV_1 + 21 * DAY,
    });
    const refused = stored({ status: 'rejected', closedAt: NOV_1 + 5 * DAY, dueAt: null });
    await storage.cases.create({
      record: refused,
      event: event(refused.receivedAt, 'submit', 'submitted'),
      attachments: [],
      idempotencyKeyHash: null,
    });
    const december = stored({ receivedAt: Date.parse('2026-12-01T00:00:00+07:00') });
    await storage.cases.create({
      record: december,
      event: event(december.receivedAt, 'submit', 'submitted'),
      attachments: [],
      idempotencyKeyHash: null,
    });

    const source = storageCaseSource(storage, ['sotuphap', 'soyte']);
    const cases = await source.listCasesForReport({
      sites: [],
      from: new Date(NOV_1),
      to: new Date('2026-12-01T00:00:00+07:00'),
    });

    expect(cases.map((c) => c.id).sort()).toEqual([resolved.id, refused.id].sort());
    const r = cases.find((c) => c.id === resolved.id)!;
    expect(r).toMatchObject({
      site: 'sotuphap',
      status: 'resolved',
      acceptedAt: NOV_1 + 3 * DAY,
      resolvedAt: NOV_1 + 20 * DAY,
      dueAt: NOV_1 + 40 * DAY,
      rating: 4,
    });
    expect(cases.find((c) => c.id === refused.id)!.status).toBe('refused');
    expect(cases.find((c) => c.id === refused.id)!.rating).toBeUndefined();
    expect(JSON.stringify(cases)).not.toContain('Tôn Nữ');
    await storage.close();
  });
});
