import type { AuditEntry } from '#server/platform/storage/records.ts';
import type { AuditRepository } from '#server/platform/storage/repository.ts';

/**
 * Each time an account was given a one-time password (created, reset) and
 * the first sign-in that followed (docs/adr/0017), read from the audit log:
 * the holder sees a reset they did not ask for and a first sign-in that was
 * not theirs; the head sees the same for their board.
 */
export interface CredentialIssue {
  kind: 'created' | 'reset';
  account: string | null;
  at: number;
  /** Username of who issued it (`system:cli` for the operator). */
  by: string | null;
  /** The address the issuer acted from. */
  ip: string | null;
  delivery: string | null;
  firstSignIn: { at: number; ip: string | null; userAgent: string | null } | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

async function firstSignInAfter(
  audit: AuditRepository,
  issue: AuditEntry,
  newer: AuditEntry | undefined,
): Promise<CredentialIssue['firstSignIn']> {
  if (!issue.targetId) return null;
  // Up to the next issue of the same account: a sign-in after that used the next password, not this one.
  const [signIn] = await audit.list({
    targetId: issue.targetId,
    actions: ['sign-in'],
    afterId: issue.id,
    beforeId: newer?.id,
    order: 'oldest-first',
    limit: 1,
  });
  return signIn ? { at: signIn.at, ip: signIn.ip, userAgent: text(signIn.details.userAgent) } : null;
}

export async function credentialIssues(
  audit: AuditRepository,
  scope: { targetId: string } | { departmentId: string | null | undefined },
  limit: number,
): Promise<CredentialIssue[]> {
  const issues = await audit.list({ ...scope, actions: ['account-created', 'password-reset'], limit });
  return Promise.all(
    issues.map(async (issue, index) => ({
      kind: issue.action === 'account-created' ? ('created' as const) : ('reset' as const),
      account: issue.targetUsername,
      at: issue.at,
      by: issue.actorUsername,
      ip: issue.ip,
      delivery: text(issue.details.delivery),
      // Newest first: the newer issues of the same account come before this one.
      firstSignIn: await firstSignInAfter(
        audit,
        issue,
        issues.slice(0, index).findLast((other) => other.targetId === issue.targetId),
      ),
    })),
  );
}
