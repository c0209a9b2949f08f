/**
 * What other capabilities and the platform use of reports: its public face.
 * Anything not exported here is this capability's own business (docs/adr/0080-code-layout.md).
 */
export type { CaseRecord, CaseSource } from './case-record.ts';
export { inMemoryCaseSource, listCasesForReport } from './case-source.ts';
export { complianceRoutes } from './http/compliance.ts';
export { healthzRoutes } from './http/healthz.ts';
export { metricsRoutes } from './http/metrics.ts';
export { publicStatisticsRoutes } from './http/public-statistics.ts';
export { reportDocument } from './http/report-figures.ts';
export { reportFiguresView } from './http/report-figures-view.ts';
export { operationsRoutes } from './http/reports-operations.ts';
export { reportRoutes } from './http/reports.ts';
export { InvalidPeriodError } from './errors.ts';
export { parsePeriod } from './period.ts';
export { storageCaseSource } from './storage-case-source.ts';
export { usageReportCsv } from './usage-csv.ts';
export { computeUsageReport } from './usage-report.ts';
export { operationsWork } from './operations-work.ts';
