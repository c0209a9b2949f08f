import type { CaseRecord as StoredCase, CaseEvent } from '#server/platform/storage/case-records.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import type { CaseRecord, CaseSource, CaseStatus } from './case-record.ts';
import { relevantToPeriod } from './case-source.ts';

/**
 * Reports (Điều 16) over the citizen-services case storage. Only the
 * figures a report needs leave storage: no names, contents or files.
 * Pages through each department's cases; a report is an occasional read,
 * so clarity wins over one tailored query.
 */
const PAGE = 500;

export function storageCaseSource(
  storage: Pick<Storage, 'cases' | 'caseRatings'>,
  allSites: readonly string[],
): CaseSource {
  return {
    async listCasesForReport({ sites, from, to }) {
      const wanted = sites.length ? sites : allSites;
      const out: CaseRecord[] = [];
      for (const departmentId of wanted) {
        for (let offset = 0; ; offset += PAGE) {
          const page = await storage.cases.list({ departmentId, limit: PAGE, offset });
          for (const stored of page) {
            if (stored.receivedAt >= to.getTime()) continue;
            const record = toReportRecord(stored, await storage.cases.events(stored.id));
            if (!relevantToPeriod(record, from.getTime(), to.getTime())) continue;
            // The score only: the comment stays with the case (docs/adr/0058).
            const rating = stored.closedAt !== null ? await storage.caseRatings.find(stored.id) : null;
            out.push(rating ? { ...record, rating: rating.score } : record);
          }
          if (page.length < PAGE) break;
        }
      }
      return out;
    },
  };
}

export function toReportRecord(stored: StoredCase, events: readonly CaseEvent[]): CaseRecord {
  const acceptedAt = events.find((e) => e.action === 'accept')?.at;
  const closed = stored.closedAt !== null;
  const status: CaseStatus = closed
    ? stored.status === 'rejected'
      ? 'refused'
      : 'resolved'
    : acceptedAt !== undefined
      ? 'accepted'
      : 'received';
  return {
    id: stored.id,
    service: stored.service,
    site: stored.departmentId,
    receivedAt: stored.receivedAt,
    ...(acceptedAt !== undefined ? { acceptedAt } : {}),
    ...(closed ? { resolvedAt: stored.closedAt! } : {}),
    // Once closed the running deadline is cleared; the report judges against the last one in force, extensions included.
    dueAt: stored.resolveDueAt ?? stored.acceptDueAt,
    status,
    complex: stored.complex,
  };
}
