import type { Site } from '#server/platform/http/site-for-host.ts';
import { type CaseEvent, type CaseRecord, FRESH_CASE } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';

/** Records for view-model tests: what storage would return, with only what a test cares about changed. */
export const DEPARTMENT_SITE: Site = {
  kind: 'department',
  department: { id: 'sotuphap', name: 'Sở Tư pháp', domains: ['sotuphap.thuathienhue.gov.vn'] },
};
export const PORTAL_SITE: Site = { kind: 'portal' };

export function anAccount(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: `id-${overrides.username ?? 'nvan'}`,
    username: 'nvan',
    fullName: 'Nguyễn Văn An',
    role: 'head',
    departmentId: 'sotuphap',
    sections: [],
    delegations: [],
    status: 'active',
    passwordHash: 'x',
    mustChangePassword: false,
    passwordExpiresAt: null,
    createdAt: 0,
    updatedAt: 0,
    createdBy: null,
    email: null,
    credentialsSeenBy: null,
    ...overrides,
  };
}

/** A complaint received on 16/11/2026 at 09:00 in Huế, accepted by the 20th. */
export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    ...FRESH_CASE,
    id: 'case-1',
    departmentId: 'sotuphap',
    service: 'khieu-nai-to-cao',
    kind: 'khieu-nai',
    trackingCode: 'STP-2026-7KQ4-M9',
    secretHash: 'x',
    subject: 'Khiếu nại quyết định xử phạt',
    subjectRef: null,
    payload: {},
    contactEmail: null,
    receivedAt: Date.parse('2026-11-16T02:00:00Z'),
    acceptDueAt: Date.parse('2026-11-20T10:00:00Z'),
    dueAt: Date.parse('2026-11-20T10:00:00Z'),
    updatedAt: 0,
    ...overrides,
  };
}

export function anEvent(overrides: Partial<CaseEvent> = {}): CaseEvent {
  return {
    id: 1,
    caseId: 'case-1',
    at: Date.parse('2026-11-16T02:00:00Z'),
    actorId: null,
    actorName: null,
    action: 'submit',
    status: 'submitted',
    publicText: null,
    internalNote: null,
    details: {},
    ...overrides,
  };
}

/** The first event of every case, as a submission records it: what the storage tests create cases with. */
export function aSubmitEvent(at: number): Omit<CaseEvent, 'id' | 'caseId'> {
  const { id: _id, caseId: _caseId, ...event } = anEvent({ at });
  return event;
}
