import { formatDateTime } from '#src/text/format-date.ts';
import type { AuditEntry } from '#server/platform/storage/records.ts';
import { t, tOr } from '#server/platform/ui/vi.ts';

export interface DelegationGrantRow {
  at: string;
  by: string;
  to: string;
  before: string;
  after: string;
}

const rights = (value: unknown) =>
  Array.isArray(value) && value.length > 0
    ? value.map((r) => tOr(`delegation.${String(r)}`, String(r))).join(', ')
    : t('delegation.none');

/**
 * Who was given the right to verify or publish, by whom and when (Điều 19;
 * docs/adr/0017): a right granted to an account someone else could sign in
 * as is how four eyes become two, so the grants are shown with the checks.
 */
export function delegationGrantsView(entries: readonly AuditEntry[]): DelegationGrantRow[] {
  return entries.map((e) => ({
    at: formatDateTime(e.at, { seconds: true }),
    by: e.actorUsername ?? t('common.none'),
    to: e.targetUsername ?? t('common.none'),
    before: rights(e.details.from),
    after: rights(e.details.to),
  }));
}
