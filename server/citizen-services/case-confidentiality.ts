import type { CaseRelation } from './case-workflow.ts';

/**
 * Luật Tố cáo 2018 Điều 9.1b and 47: the denouncer's identity is kept
 * secret. It is not only in the named fields: the letter's text and the
 * files (a scan of the signed letter above all) carry the name, the address
 * and the signature as often as not. So for a denunciation the identity,
 * the free text and the attachments are for the head (who resolves it) and
 * the officer the head assigned to it; the reception queue, colleagues and
 * every public page see the subject matter only: what kind of letter, and
 * whom or what it concerns (docs/adr/0059).
 */
export const IDENTITY_FIELDS = ['fullName', 'address', 'idNumber', 'phone', 'email', 'organisation'] as const;

/** Where a denouncer writes in their own words, and so very often their name. */
export const FREE_TEXT_FIELDS = ['content', 'reasons', 'request'] as const;

export const PROTECTED_FIELDS: readonly string[] = [...IDENTITY_FIELDS, ...FREE_TEXT_FIELDS];

export const WITHHELD = 'Đã được giữ bí mật (Luật Tố cáo 2018, Điều 9)';

/** Whether this case's protected fields and files exist at all for confidentiality: denunciations only. */
export function isProtected(kind: string | null): boolean {
  return kind === 'to-cao';
}

/** Whether this viewer may see a case's protected fields and files. */
export function revealsIdentity(kind: string | null, relations: ReadonlySet<CaseRelation>): boolean {
  if (!isProtected(kind)) return true;
  return relations.has('head') || relations.has('assignee');
}

/** The payload as this viewer may see it: protected fields replaced by a notice when withheld. */
export function visiblePayload(
  payload: Record<string, unknown>,
  kind: string | null,
  relations: ReadonlySet<CaseRelation>,
): Record<string, unknown> {
  if (revealsIdentity(kind, relations)) return payload;
  const copy: Record<string, unknown> = { ...payload };
  for (const field of PROTECTED_FIELDS) if (field in copy) copy[field] = WITHHELD;
  return copy;
}

/** The protected fields a viewer is shown, for the audit line of that view; empty when nothing protected is shown. */
export function protectedFieldsShown(
  payload: Record<string, unknown>,
  kind: string | null,
  relations: ReadonlySet<CaseRelation>,
): string[] {
  if (!isProtected(kind) || !revealsIdentity(kind, relations)) return [];
  return PROTECTED_FIELDS.filter((field) => field in payload);
}
