import type { ComplianceReport, SiteCompliance } from '#src/checks/compliance.ts';
import { REQUIRED_SECTIONS } from '#src/schema/sections.ts';
import { formatDateShort, formatDateTime } from '#src/text/format-date.ts';
import { type DelegationGrantRow, delegationGrantsView } from '#server/accounts/index.ts';
import { ENTRY_HISTORY_PATH } from '#server/editorial/index.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord, AuditEntry } from '#server/platform/storage/records.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t, tOr } from '#server/platform/ui/vi.ts';

export const COMPLIANCE_PATH = '/quan-tri/tuan-thu/';

/** What the publication side adds to a site's block: entries the last rebuild left out, urgent publications waiting for review. */
export interface PublicationWatch {
  /** Entries that failed the build's check and are not on the live site (ADR 0045). */
  excluded: Array<{ file: string; message: string }>;
  /** Urgent publications by the head alone, not yet reviewed by a second person (ADR 0044). */
  urgent: Array<{ entry: string; by: string; at: string; reason: string }>;
}

interface EntryLink {
  href: string;
  text: string;
}

export interface SiteComplianceView {
  id: string;
  heading: string;
  sections: Array<{ clause: number; title: string; entries: number }>;
  news: string;
  /** null when the content repository could not be read. */
  waiting: Array<{ entry: EntryLink; step: string; since: string; workingDays: number }> | null;
  excluded: Array<{ file: string; message: string }>;
  /** null when the publication side was not asked (no watch for this site). */
  urgent: Array<{ entry: EntryLink; by: string; at: string; reason: string }> | null;
  emails: string;
  todo: Array<{ severity: string; message: string; file?: string }>;
}

export interface CompliancePageView {
  frame: FrameView;
  summary: string;
  sites: SiteComplianceView[];
  /** Shown to those who may read the grants of verify and publish (docs/adr/0017). */
  delegations: DelegationGrantRow[] | null;
}

const entryLink = (entry: string): EntryLink => ({ href: `${ENTRY_HISTORY_PATH}/${entry}`, text: entry });

function siteView(s: SiteCompliance, watch: PublicationWatch | undefined): SiteComplianceView {
  const violations = s.findings.filter((f) => f.severity === 'violation');
  const warnings = s.findings.filter((f) => f.severity === 'warning');
  return {
    id: s.site,
    heading: violations.length
      ? t('compliance.siteViolations', { site: s.name, count: violations.length })
      : t('compliance.siteOk', { site: s.name }),
    sections: s.sections.map((x) => ({
      clause: x.clause,
      title: REQUIRED_SECTIONS.find((r) => r.id === x.id)?.title ?? x.id,
      entries: x.entries,
    })),
    news: t('compliance.news', {
      onTime: s.newsDays.filter((d) => d.status === 'on-time').length,
      days: s.newsDays.length,
      late: s.newsDays.filter((d) => d.status === 'late').length,
    }),
    waiting:
      s.waiting?.map((w) => ({
        entry: entryLink(w.entry),
        step: tOr(`compliance.state.${w.state}`, w.state),
        since: formatDateShort(w.since),
        workingDays: w.workingDays,
      })) ?? null,
    excluded: watch?.excluded ?? [],
    urgent: watch
      ? watch.urgent.map((u) => ({
          entry: entryLink(u.entry),
          by: u.by,
          at: formatDateTime(u.at, { seconds: true }),
          reason: u.reason,
        }))
      : null,
    emails: t('compliance.emails', s.emails),
    // Violations first: they break the regulation; warnings are advice.
    todo: [...violations, ...warnings].map((f) => ({
      severity: t(f.severity === 'violation' ? 'compliance.violation' : 'compliance.warning'),
      message: f.message,
      file: f.file,
    })),
  };
}

/** The compliance dashboard (Điều 7, 9, 18): one block per site, then the grants of verify and publish. */
export function compliancePageView(props: {
  site: Site;
  actor: AccountRecord;
  report: ComplianceReport;
  watch?: Record<string, PublicationWatch>;
  delegations?: readonly AuditEntry[];
}): CompliancePageView {
  const { window: w, violations, warnings } = props.report;
  return {
    frame: frameView({ title: t('compliance.title'), site: props.site, account: props.actor }),
    summary: t('compliance.window', {
      days: w.workingDays,
      from: formatDateShort(w.from),
      to: formatDateShort(w.to),
      violations,
      warnings,
    }),
    sites: props.report.sites.map((s) => siteView(s, props.watch?.[s.site])),
    delegations: props.delegations ? delegationGrantsView(props.delegations) : null,
  };
}
