import type { Clock } from '#server/platform/clock.ts';
import type { AccountRecord, AuditAction } from '#server/platform/storage/records.ts';
import type { AuditRepository } from '#server/platform/storage/repository.ts';
import type { Principal } from './principal.ts';
import type { RequestMeta } from '#server/platform/http/request-meta.ts';

export interface AuditEvent {
  action: AuditAction;
  actor: Principal | null;
  target?: Pick<AccountRecord, 'id' | 'username' | 'departmentId'> | null;
  /** Defaults to the target's department, then the actor's. */
  departmentId?: string | null;
  /** A typed username that may match no account (failed sign-ins). */
  targetUsername?: string;
  meta: RequestMeta;
  details?: Record<string, unknown>;
}

/** Who, what, when, from where (Điều 11.4). */
export function createAuditTrail(audit: AuditRepository, clock: Clock) {
  return async function record(event: AuditEvent): Promise<void> {
    await audit.append({
      at: clock(),
      actorId: event.actor?.system ? null : (event.actor?.id ?? null),
      actorUsername: event.actor?.username ?? null,
      action: event.action,
      departmentId:
        event.departmentId !== undefined
          ? event.departmentId
          : (event.target?.departmentId ?? event.actor?.departmentId ?? null),
      targetId: event.target?.id ?? null,
      targetUsername: event.target?.username ?? event.targetUsername ?? null,
      ip: event.meta.ip,
      details: { ...event.details, ...(event.meta.userAgent ? { userAgent: event.meta.userAgent.slice(0, 200) } : {}) },
    });
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
