import { casePath, type CaseServices } from '#server/citizen-services/index.ts';
import type { WorkItem, WorkSource } from '../work-items.ts';

/**
 * Open cases assigned to the person, with the deadline the case's service
 * sets (Điều 14; docs/adr/0056) — read through the officer's own queue, so
 * nothing is shown here that the case pages would refuse.
 */
export function caseWork(cases: CaseServices): WorkSource {
  return async (account) => {
    if (!account.departmentId) return [];
    const { cases: lines } = await cases.office.queue(account, { mine: true });
    return lines
      .filter(({ record }) => record.assignedTo === account.id && record.closedAt === null)
      .map(
        ({ record, deadline }): WorkItem => ({
          kind: 'case',
          title: `${record.trackingCode} — ${record.subject}`,
          href: casePath(record.id),
          since: new Date(record.receivedAt).toISOString(),
          dueAt: record.dueAt === null ? null : new Date(record.dueAt).toISOString(),
          late: deadline === 'overdue',
        }),
      );
  };
}
