import type { ShareLinkOutcome, ShareLinkRecord, ShareLinkUse } from './records.ts';

/** The columns of `share_links` in the order both adapters insert them (docs/adr/0093). */
export const SHARE_LINK_COLUMNS = [
  'id',
  'department_id',
  'section',
  'slug',
  'commit_oid',
  'created_by',
  'created_by_name',
  'created_at',
  'expires_at',
  'revoked_at',
  'revoked_by',
] as const;

export function shareLinkValues(link: ShareLinkRecord): Array<string | number | null> {
  return [
    link.id,
    link.departmentId,
    link.section,
    link.slug,
    link.commit,
    link.createdBy,
    link.createdByName,
    link.createdAt,
    link.expiresAt,
    link.revokedAt,
    link.revokedBy,
  ];
}

export function toShareLink(row: Record<string, unknown>): ShareLinkRecord {
  return {
    id: String(row.id),
    departmentId: String(row.department_id),
    section: String(row.section),
    slug: String(row.slug),
    commit: String(row.commit_oid),
    createdBy: String(row.created_by),
    createdByName: String(row.created_by_name),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    revokedAt: row.revoked_at === null || row.revoked_at === undefined ? null : Number(row.revoked_at),
    revokedBy: row.revoked_by === null || row.revoked_by === undefined ? null : String(row.revoked_by),
  };
}

export function toShareLinkUse(row: Record<string, unknown>): ShareLinkUse {
  return { linkId: String(row.link_id), at: Number(row.used_at), outcome: String(row.outcome) as ShareLinkOutcome };
}
