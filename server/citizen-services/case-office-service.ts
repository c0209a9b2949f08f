import { SERVICE_IDS, type ServiceId } from '#src/schema/service-process.ts';
import type { WorkingCalendar } from '#src/calendar/working-days.ts';
import { AccountNotFoundError } from '#server/accounts/errors.ts';
import { CaseNotFoundError, CasePermissionError } from './errors.ts';
import { ValidationError } from '#server/platform/errors.ts';
import { visiblePayload } from './case-confidentiality.ts';
import { caseDeadlineStatus, resolveDueAt } from './case-deadlines.ts';
import {
  availableTransitions,
  canView,
  checkTransition,
  isFinal,
  relationsTo,
  type CaseRelation,
  type TransitionName,
} from './case-workflow.ts';
import type { Clock } from '#server/platform/clock.ts';
import { checkFiles, type UploadLimits } from './uploads.ts';
import type { AttachmentRecord, CaseEvent, CasePatch, CaseQuery, CaseRecord, CaseStatus } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { CaseDepartment } from './case-departments.ts';
import type { CaseNotifier } from './case-notifier.ts';
import type { UploadedFile } from './case-service.ts';
import type { QuestionPublisher } from './question-publisher.ts';

/**
 * The back office of the online services (Điều 15): queues, the case page,
 * transitions, files, the head's grants. Every method starts from the
 * signed-in account and the case's relation to it (lib/case-workflow): an id
 * typed into the address bar opens nothing the department did not give.
 */
export interface OfficeDeps {
  storage: Storage;
  clock: Clock;
  calendar: WorkingCalendar;
  departments: ReadonlyMap<string, CaseDepartment>;
  attachments: AttachmentStore;
  notifier: CaseNotifier;
  publisher: QuestionPublisher | null;
  uploadLimits: UploadLimits;
}

export interface QueueFilters {
  service?: ServiceId;
  status?: CaseStatus;
  /** Only cases assigned to the viewer. */
  mine?: boolean;
  overdue?: boolean;
  page?: number;
}

export interface OfficerCaseView {
  record: CaseRecord;
  /** Identity fields withheld for a denunciation unless head or assignee. */
  payload: Record<string, unknown>;
  relations: ReadonlySet<CaseRelation>;
  transitions: TransitionName[];
  events: CaseEvent[];
  attachments: AttachmentRecord[];
  deadline: ReturnType<typeof caseDeadlineStatus>;
}

export interface ActionInput {
  expectedVersion: number;
  publicText?: string | null;
  internalNote?: string | null;
  assigneeId?: string | null;
  files?: UploadedFile[];
}

export const PAGE_SIZE = 50;

/** Case and account ids: `randomUUID()`. */
const SERVER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function createCaseOfficeService(deps: OfficeDeps) {
  const { storage, clock, calendar } = deps;

  async function grantedServices(account: AccountRecord): Promise<Set<ServiceId>> {
    if (!account.departmentId) return new Set();
    const grants = await storage.serviceGrants.list(account.departmentId);
    return new Set(grants.filter((g) => g.accountId === account.id).map((g) => g.service));
  }

  /** Not found and not yours look the same: an officer learns nothing by trying ids. */
  async function openCase(account: AccountRecord, caseId: string) {
    // Ids are server-made UUIDs; anything else from the URL is not looked up (PostgreSQL refuses NUL in text).
    const record = SERVER_ID.test(caseId) ? await storage.cases.findById(caseId) : null;
    if (!record) throw new CaseNotFoundError({});
    const relations = relationsTo(account, record, await grantedServices(account));
    if (!canView(relations)) throw new CaseNotFoundError({});
    return { record, relations };
  }

  function departmentOf(record: CaseRecord): CaseDepartment {
    return deps.departments.get(record.departmentId)!;
  }

  /** Deadline and closing effects of reaching `status` by `name`. */
  async function deadlinePatch(record: CaseRecord, name: TransitionName, status: CaseStatus, now: number): Promise<Partial<CasePatch>> {
    const services = departmentOf(record).services;
    if (isFinal(status) || (record.service === 'gop-y-du-thao' && status === 'accepted')) return { closedAt: now, dueAt: null };
    if (name === 'accept') {
      const due = resolveDueAt(services, record.service, record.kind, now, record.complex, calendar);
      return { resolveDueAt: due, dueAt: due };
    }
    if (name === 'declareComplex') {
      const accepted = (await storage.cases.events(record.id)).findLast((e) => e.action === 'accept');
      const due = resolveDueAt(services, record.service, record.kind, accepted?.at ?? now, true, calendar);
      return { complex: true, resolveDueAt: due, dueAt: due };
    }
    // The department waits for the citizen: the clock stops until the supplement arrives.
    if (name === 'requestSupplement') return { dueAt: null };
    return {};
  }

  async function checkAssignee(record: CaseRecord, assigneeId: string): Promise<AccountRecord> {
    const assignee = await storage.accounts.findById(assigneeId);
    if (!assignee || assignee.status !== 'active' || assignee.departmentId !== record.departmentId) {
      throw new AccountNotFoundError({ username: assigneeId });
    }
    const granted = await grantedServices(assignee);
    if (assignee.role !== 'head' && !granted.has(record.service)) {
      throw new ValidationError({ issues: [{ field: 'assigneeId', problem: 'not-allowed' }] });
    }
    return assignee;
  }

  return {
    grantedServices,

    /** The queue: everything for the head; for an officer, their cases and the unassigned ones of their services. */
    async queue(account: AccountRecord, filters: QueueFilters = {}) {
      if (!account.departmentId) return { cases: [], now: clock() };
      const now = clock();
      const query: CaseQuery = {
        departmentId: account.departmentId,
        services: filters.service ? [filters.service] : undefined,
        statuses: filters.status ? [filters.status] : undefined,
        assignedTo: filters.mine ? account.id : undefined,
        dueBefore: filters.overdue ? now : undefined,
        limit: PAGE_SIZE,
        offset: Math.max(0, (filters.page ?? 0) * PAGE_SIZE),
      };
      if (account.role !== 'head') query.visibleTo = { accountId: account.id, services: [...(await grantedServices(account))] };
      const cases = await storage.cases.list(query);
      return { cases: cases.map((record) => ({ record, deadline: caseDeadlineStatus(record, now, calendar) })), now };
    },

    async view(account: AccountRecord, caseId: string): Promise<OfficerCaseView> {
      const { record, relations } = await openCase(account, caseId);
      const [events, attachments] = await Promise.all([storage.cases.events(record.id), storage.cases.attachments(record.id)]);
      return {
        record,
        payload: visiblePayload(record.payload, record.kind, relations),
        relations,
        transitions: availableTransitions(record.service, record.status, relations),
        events,
        attachments,
        deadline: caseDeadlineStatus(record, clock(), calendar),
      };
    },

    /** One transition, checked against the table, written in one transaction with its event. */
    async act(account: AccountRecord, caseId: string, name: TransitionName, input: ActionInput): Promise<CaseRecord> {
      const { record, relations } = await openCase(account, caseId);
      const publicText = input.publicText?.normalize('NFC').trim() || null;
      const internalNote = input.internalNote?.normalize('NFC').trim() || null;
      const status = checkTransition(record.service, name, record.status, relations, { publicText, assigneeId: input.assigneeId });
      if (name === 'note' && !internalNote) throw new ValidationError({ issues: [{ field: 'internalNote', problem: 'required' }] });
      const now = clock();
      const patch: CasePatch = { status, updatedAt: now, ...(await deadlinePatch(record, name, status, now)) };
      const details: Record<string, unknown> = {};
      if (name === 'assign') {
        const assignee = await checkAssignee(record, input.assigneeId!);
        patch.assignedTo = assignee.id;
        details.assignee = assignee.fullName;
      }
      const files = input.files ?? [];
      if (files.length > 0 && name !== 'returnResult' && name !== 'resolve') {
        throw new ValidationError({ issues: [{ field: 'files', problem: 'not-allowed' }] });
      }
      const checked = files.length ? checkFiles(files, deps.uploadLimits) : [];
      const attachments = await deps.attachments.save(files.map((f, i) => ({ bytes: f.bytes, checked: checked[i]! })), 'officer', now);
      let updated: CaseRecord;
      try {
        updated = await storage.cases.update({
          id: record.id,
          expectedVersion: input.expectedVersion,
          patch,
          event: { at: now, actorId: account.id, actorName: account.fullName, action: name, status, publicText, internalNote, details },
          attachments,
        });
      } catch (error) {
        await deps.attachments.remove(attachments.map((a) => a.storedName)).catch(() => undefined);
        throw error;
      }
      const dept = departmentOf(record);
      if (status !== record.status) deps.notifier.notify(updated, { action: name, status, publicText }, dept.name);
      if (name === 'approve' && record.service === 'hoi-dap' && record.payload.allowPublication === true && deps.publisher) {
        const answer = (await storage.cases.events(record.id)).findLast((e) => e.action === 'answer')?.publicText ?? '';
        await deps.publisher.publishAnsweredQuestionAsMdx({ record: updated, answer, approvedBy: { username: account.username, name: account.fullName }, now });
      }
      return updated;
    },

    /** A file of a case the officer may open; the caller streams it as a download. */
    async attachment(account: AccountRecord, caseId: string, attachmentId: string) {
      const { record } = await openCase(account, caseId);
      const found = (await storage.cases.attachments(record.id)).find((a) => a.id === attachmentId);
      if (!found) throw new CaseNotFoundError({});
      return { attachment: found, stream: deps.attachments.open(found.storedName) };
    },

    /** The accounts the head may assign to, with their grants. */
    async officers(account: AccountRecord) {
      if (account.role !== 'head' || !account.departmentId) throw new CasePermissionError({ action: 'list-officers' });
      const [accounts, grants] = await Promise.all([storage.accounts.list(account.departmentId), storage.serviceGrants.list(account.departmentId)]);
      return accounts
        .filter((a) => a.status === 'active')
        .map((a) => ({ account: a, services: grants.filter((g) => g.accountId === a.id).map((g) => g.service) }));
    },

    /** Điều 15: the head decides who handles which service. */
    async setGrants(account: AccountRecord, targetId: string, services: readonly string[]): Promise<void> {
      if (account.role !== 'head' || !account.departmentId) throw new CasePermissionError({ action: 'grant-services' });
      const target = SERVER_ID.test(targetId) ? await storage.accounts.findById(targetId) : null;
      if (!target || target.departmentId !== account.departmentId) throw new AccountNotFoundError({ username: targetId });
      const valid = services.filter((s): s is ServiceId => (SERVICE_IDS as readonly string[]).includes(s));
      await storage.serviceGrants.set(account.departmentId, target.id, valid);
    },
  };
}

export type CaseOfficeService = ReturnType<typeof createCaseOfficeService>;
