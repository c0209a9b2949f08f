import type { CaseQuery, CaseRecord, CaseSource } from './case-record.ts';

/**
 * Storage-facing entry point of the reports. The routes and the CLI call
 * this, never a storage table directly, so the report code does not change
 * when the citizen-services storage grows.
 */
export function listCasesForReport(source: CaseSource, query: CaseQuery): Promise<CaseRecord[]> {
  return source.listCasesForReport(query);
}

/** Whether a case can matter to a report over [from, to): see CaseSource. */
export function relevantToPeriod(record: CaseRecord, from: number, to: number): boolean {
  if (record.receivedAt >= to) return false;
  const touched = (at: number | undefined) => at !== undefined && at >= from && at < to;
  if (touched(record.receivedAt) || touched(record.acceptedAt) || touched(record.resolvedAt)) return true;
  return record.resolvedAt === undefined || record.resolvedAt >= from;
}

/**
 * Cases held in memory: the source for tests, for the CLI's `--cases <file>`
 * and for a server started before the case storage exists (no cases yet).
 */
export function inMemoryCaseSource(records: readonly CaseRecord[]): CaseSource {
  return {
    async listCasesForReport({ sites, from, to }) {
      const wanted = new Set(sites);
      return records.filter(
        (r) => (wanted.size === 0 || wanted.has(r.site)) && relevantToPeriod(r, from.getTime(), to.getTime()),
      );
    },
  };
}
