import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '#server/platform/app-env.ts';
import { BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import { parseInput } from '#server/platform/http/parse-input.ts';
import { principalOf } from '../auth-service.ts';
import type { Services } from '../create-services.ts';
import { auditPage } from './audit-page.ts';
import { auditPageView } from './audit-page-view.ts';

const PAGE_SIZE = 50;
const AuditQuerySchema = z.object({
  truoc: z.coerce.number().int().positive().optional(),
  'don-vi': z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});

export function auditRoutes(services: Services) {
  return new Hono<AppEnv>().get(BACK_OFFICE_PATHS.audit, async (c) => {
    const actor = c.var.session!.account;
    const query = parseInput(AuditQuerySchema, c.req.query());
    // The admin reads everything (or one department); a head, only their own.
    const departmentId = actor.role === 'admin' ? query['don-vi'] : actor.departmentId;
    const entries = await services.accounts.readAudit(principalOf(actor), {
      departmentId,
      limit: PAGE_SIZE,
      beforeId: query.truoc,
    });
    const nextBeforeId = entries.length === PAGE_SIZE ? entries[entries.length - 1].id : null;
    return c.html(auditPage(auditPageView({ site: c.var.site, actor, entries, nextBeforeId })));
  });
}
