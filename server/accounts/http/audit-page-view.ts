import { formatDateTime } from '#src/text/format-date.ts';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord, AuditEntry } from '#server/platform/storage/records.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t, tOr } from '#server/platform/ui/vi.ts';

interface AuditRow {
  at: string;
  actor: string;
  action: string;
  target: string;
  ip: string;
  details: string;
}

export interface AuditPageView {
  frame: FrameView;
  rows: AuditRow[];
  /** The next page of older entries, when there is one. */
  olderHref: string | null;
}

/** The details worth reading; the browser's user agent is long and says little here. */
function details(entry: AuditEntry): string {
  const { userAgent: _ignored, ...rest } = entry.details;
  return Object.entries(rest)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

export function auditPageView(props: {
  site: Site;
  actor: AccountRecord;
  entries: readonly AuditEntry[];
  nextBeforeId: number | null;
}): AuditPageView {
  const none = t('common.none');
  return {
    frame: frameView({ title: t('audit.title'), site: props.site, account: props.actor }),
    rows: props.entries.map((entry) => ({
      at: formatDateTime(entry.at, { seconds: true }),
      actor: entry.actorUsername ?? none,
      action: tOr(`audit.action.${entry.action}`, entry.action),
      target: entry.targetUsername ?? none,
      ip: entry.ip ?? none,
      details: details(entry),
    })),
    olderHref: props.nextBeforeId !== null ? `${BACK_OFFICE_PATHS.audit}?truoc=${props.nextBeforeId}` : null,
  };
}
