import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { HolidaysSchema } from '#src/schema/holidays.ts';
import { COMPLAINT_KINDS, limitsFor, type ComplaintKind, type ServiceId, type Services } from '#src/schema/service-process.ts';
import { createCalendar, deadlineStatus, dueDate, type DeadlineStatus, type WorkingCalendar } from '#src/calendar/working-days.ts';
import type { CaseRecord } from '#server/platform/storage/case-records.ts';

/**
 * Deadlines of a case from the department's declared process (Điều 14,
 * `sites/<id>.yaml` services), the law's defaults and the working-day
 * calendar (docs/adr/0050). Acceptance is counted from receipt, resolution
 * from acceptance (Luật Khiếu nại 2011 Điều 27, 28).
 */

function complaintKind(service: ServiceId, kind: string | null): ComplaintKind | undefined {
  return service === 'khieu-nai-to-cao' && (COMPLAINT_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ComplaintKind) : undefined;
}

export function acceptDueAt(services: Services, service: ServiceId, kind: string | null, receivedAt: number, calendar: WorkingCalendar): number {
  return dueDate(new Date(receivedAt), limitsFor(services, service, complaintKind(service, kind)).accept, calendar).getTime();
}

export function resolveDueAt(
  services: Services,
  service: ServiceId,
  kind: string | null,
  acceptedAt: number,
  complex: boolean,
  calendar: WorkingCalendar,
): number {
  const limits = limitsFor(services, service, complaintKind(service, kind));
  return dueDate(new Date(acceptedAt), complex ? limits.complexResolve : limits.resolve, calendar).getTime();
}

/** The flag shown beside a case in queues and on the look-up page; null once closed. */
export function caseDeadlineStatus(record: Pick<CaseRecord, 'dueAt'>, now: number, calendar: WorkingCalendar): DeadlineStatus | null {
  return record.dueAt === null ? null : deadlineStatus(new Date(record.dueAt), new Date(now), calendar);
}

/** The national calendar with the province's announced changes (`sites/_holidays.yaml`), when the file exists. */
export async function loadCalendar(contentRoot: string): Promise<WorkingCalendar> {
  try {
    const text = await readFile(path.join(contentRoot, 'sites', '_holidays.yaml'), 'utf8');
    return createCalendar(HolidaysSchema.parse(parse(text) ?? {}));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return createCalendar();
    throw error;
  }
}
