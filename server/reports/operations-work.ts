import { readBuildHistory } from '#src/build/build-history.ts';
import { checkCompliance, type EditorialRecord } from '#src/checks/compliance.ts';
import type { WorkItem, WorkSource } from '#server/platform/work-items.ts';
import { t } from '#server/platform/ui/vi.ts';

/** The operations page and the compliance dashboard: where these items are handled. */
const OPERATIONS_PATH = '/quan-tri/van-hanh/';
const COMPLIANCE_PATH = '/quan-tri/tuan-thu/';

export interface OperationsWorkOptions {
  distDir: string;
  /** The content repository's folder; without it, no compliance warnings. */
  contentRoot?: string;
  /** What the workflow records (entries stuck in review), when a content repository is open. */
  workflow?: () => Promise<EditorialRecord>;
  clock: () => number;
}

/**
 * For the head and the IT officer (Điều 17.4, 18e; docs/adr/0091): the
 * site's last build when it failed, and each finding of the compliance check
 * the dashboard shows.
 */
export function operationsWork(options: OperationsWorkOptions): WorkSource {
  return async (account) => {
    const site = account.departmentId;
    if (!site || (account.role !== 'head' && account.role !== 'it-officer')) return [];
    const items: WorkItem[] = [];
    const [last] = await readBuildHistory(options.distDir, site, 1);
    if (last?.result === 'failure') {
      items.push({
        kind: 'build-failed',
        title: last.errorCode ?? last.triggeredBy,
        href: OPERATIONS_PATH,
        since: last.at,
        dueAt: null,
        late: false,
      });
    }
    if (options.contentRoot) {
      const report = await checkCompliance({
        root: options.contentRoot,
        sites: [site],
        asOf: new Date(options.clock()),
        workflow: options.workflow ? await options.workflow() : undefined,
      });
      // One line per rule, so thirty days without news read as one thing to fix, not thirty.
      const byRule = Map.groupBy(
        report.sites.flatMap((s) => s.findings),
        (f) => f.rule,
      );
      for (const findings of byRule.values()) {
        const [first] = findings;
        const title =
          findings.length > 1
            ? t('work.sameKind', { first: first!.message, count: findings.length - 1 })
            : first!.message;
        items.push({
          kind: 'compliance',
          title,
          href: COMPLIANCE_PATH,
          since: null,
          dueAt: null,
          late: findings.some((f) => f.severity === 'violation'),
        });
      }
    }
    return items;
  };
}
