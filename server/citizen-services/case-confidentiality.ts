import type { CaseRelation } from './case-workflow.ts';

/**
 * Luật Tố cáo 2018 Điều 9.1b and 47: the denouncer's name, address, identity
 * number and contact details are kept secret. Only the head (who resolves the
 * denunciation) and the officer assigned to verify it see them; the
 * reception queue, colleagues and every page shown to the public do not.
 */
export const IDENTITY_FIELDS = ['fullName', 'address', 'idNumber', 'phone', 'email', 'organisation'] as const;

export const WITHHELD = 'Đã được giữ bí mật (Luật Tố cáo 2018, Điều 9)';

export function revealsIdentity(kind: string | null, relations: ReadonlySet<CaseRelation>): boolean {
  if (kind !== 'to-cao') return true;
  return relations.has('head') || relations.has('assignee');
}

/** The payload as this viewer may see it: identity fields replaced by a notice when withheld. */
export function visiblePayload(
  payload: Record<string, unknown>,
  kind: string | null,
  relations: ReadonlySet<CaseRelation>,
): Record<string, unknown> {
  if (revealsIdentity(kind, relations)) return payload;
  const copy: Record<string, unknown> = { ...payload };
  for (const field of IDENTITY_FIELDS) if (field in copy) copy[field] = WITHHELD;
  return copy;
}
