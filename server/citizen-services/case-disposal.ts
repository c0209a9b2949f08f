import { randomUUID } from 'node:crypto';
import type { Clock } from '#server/platform/clock.ts';
import type { RequestMeta } from '#server/platform/http/request-meta.ts';
import type { DisposalList } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { CaseDepartment } from './case-departments.ts';
import { SERVER_ID } from './case-office-service.ts';
import { CasePermissionError, DisposalNotFoundError } from './errors.ts';

/**
 * Closed cases are public records: past their retention period they are
 * destroyed by a recorded decision of the head of the agency, on a list that
 * names them, not purged silently (Luật Lưu trữ; docs/adr/0059). The
 * scheduler proposes a list per department; the head reads it and approves
 * it; the list, the approver and the time are kept after the cases are gone,
 * and the approval is in the audit log with the cases' codes.
 */
export const MAX_LIST = 500;

export interface DisposalDeps {
  storage: Pick<Storage, 'caseDisposals' | 'audit'>;
  clock: Clock;
  attachments: AttachmentStore;
  departments: ReadonlyMap<string, CaseDepartment>;
  retentionMs: number;
}

export function createCaseDisposals(deps: DisposalDeps) {
  const { storage, clock } = deps;

  function headOf(account: AccountRecord): string {
    if (account.role !== 'head' || !account.departmentId) throw new CasePermissionError({ action: 'dispose-cases' });
    return account.departmentId;
  }

  return {
    /** For every department, the list of its cases past retention, unless one is already waiting for the head. */
    async propose(): Promise<DisposalList[]> {
      const now = clock();
      const lists: DisposalList[] = [];
      for (const department of deps.departments.values()) {
        const list = await storage.caseDisposals.propose({
          id: randomUUID(),
          departmentId: department.id,
          closedBefore: now - deps.retentionMs,
          proposedAt: now,
          max: MAX_LIST,
        });
        if (list) lists.push(list);
      }
      return lists;
    },

    /** The head's page: the lists of the department, the one waiting first. */
    async lists(account: AccountRecord): Promise<DisposalList[]> {
      return storage.caseDisposals.list(headOf(account), 20);
    },

    /** The waiting list of the head's department, if any: the back-office home says so. */
    async waiting(account: AccountRecord): Promise<DisposalList | null> {
      if (account.role !== 'head' || !account.departmentId) return null;
      return (await storage.caseDisposals.list(account.departmentId, 1)).find((l) => l.status === 'proposed') ?? null;
    },

    /** The head's decision: recorded with the list, logged with the codes, then the cases and files are destroyed. */
    async approve(account: AccountRecord, id: string, meta: RequestMeta): Promise<DisposalList> {
      const departmentId = headOf(account);
      // List ids are server-made; nothing else from the address reaches storage.
      const list = SERVER_ID.test(id) ? await storage.caseDisposals.find(id) : null;
      if (!list || list.departmentId !== departmentId) throw new DisposalNotFoundError({});
      const now = clock();
      const files = await storage.caseDisposals.approve({
        id,
        approvedBy: account.id,
        approvedByName: account.fullName,
        approvedAt: now,
      });
      await storage.audit.append({
        at: now,
        actorId: account.id,
        actorUsername: account.username,
        action: 'case-disposal-approved',
        departmentId,
        targetId: null,
        targetUsername: null,
        ip: meta.ip,
        details: { list: id, cases: list.entries.map((e) => e.trackingCode) },
      });
      await deps.attachments.remove(files);
      return { ...list, status: 'approved', approvedBy: account.id, approvedByName: account.fullName, approvedAt: now };
    },
  };
}

export type CaseDisposals = ReturnType<typeof createCaseDisposals>;
