import type { ServiceId } from '#src/schema/service-process.ts';

/**
 * What a usage report (Điều 16) needs to know of one citizen request, and
 * nothing more: reports never see the citizen's name, content or files.
 * The case storage of the citizen services maps its rows to this shape
 * (`case-source.ts`); times are integer milliseconds since the epoch, as
 * everywhere in storage.
 */
export const CASE_STATUSES = ['received', 'accepted', 'resolved', 'refused', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseRecord {
  id: string;
  service: ServiceId;
  /** The department (site id) that received it. */
  site: string;
  /** When the request reached the department (online submission time). */
  receivedAt: number;
  /** When it was accepted for handling (thụ lý); absent for services without that step (questions, comments). */
  acceptedAt?: number;
  /**
   * When the case was closed: resolved (answered, decided), refused or
   * withdrawn; `status` says which. Absent while it is open.
   */
  resolvedAt?: number;
  /** The deadline in force for the final answer, extensions and the complex-case limit included. */
  dueAt: number;
  status: CaseStatus;
  /** Declared complex, which allows the longer legal limit. */
  complex?: boolean;
  /** The citizen's satisfaction, 1 (very unhappy) to 5 (very satisfied), when they rated the answer. */
  rating?: number;
}

export interface CaseQuery {
  /** Site ids; empty means every department (province-wide). */
  sites: readonly string[];
  /** Report period [from, to). */
  from: Date;
  to: Date;
}

/** The one thing reports ask of the case storage. */
export interface CaseSource {
  /**
   * Every case of these sites that matters to the period: received, accepted
   * or closed in [from, to), or still open at `from` (for "overdue now").
   * Returning more is harmless; the computation filters again.
   */
  listCasesForReport(query: CaseQuery): Promise<CaseRecord[]>;
}
