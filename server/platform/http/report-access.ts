import type { Role } from '#src/schema/roles.ts';
import { OutsideDepartmentError, PermissionDeniedError } from '../errors.ts';

/**
 * Who reads the usage reports (Điều 16) and the operations pages: the
 * department's leaders (head, deputies), who receive the weekly report and
 * sign the monthly one, and the IT officer who compiles it and runs the site
 * (Điều 17.4), each for their own department; the province administrator
 * for every department and the province as a whole. Editors and
 * contributors write content and have no part in the report.
 */
const READERS: readonly Role[] = ['admin', 'head', 'deputy', 'it-officer'];

export interface ReportReader {
  role: Role;
  departmentId: string | null;
}

/** Throws unless `reader` may read reports of `departmentId` (null: province-wide). */
export function authorizeReportRead(reader: ReportReader, departmentId: string | null): void {
  if (!READERS.includes(reader.role)) {
    throw new PermissionDeniedError({ action: 'read-report', actorRole: reader.role, targetRole: null });
  }
  if (reader.role === 'admin') return;
  if (departmentId === null || departmentId !== reader.departmentId)
    throw new OutsideDepartmentError({ action: 'read-report' });
}

export function mayReadReports(role: Role): boolean {
  return READERS.includes(role);
}
