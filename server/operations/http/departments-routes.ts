import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { principalOf } from '#server/accounts/index.ts';
import type { AppEnv } from '#server/platform/app-env.ts';
import { NotFoundError, PermissionDeniedError } from '#server/platform/errors.ts';
import { parseInput } from '#server/platform/http/parse-input.ts';
import { readForm, requestMeta } from '#server/platform/http/request-input.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';
import { formErrorsFrom } from '#server/platform/ui/form-errors.ts';
import type { DepartmentActor, DepartmentService } from '../departments/department-service.ts';
import { departmentCreatedPage, departmentsPage } from './departments-page.ts';
import { DEPARTMENTS_PATH, departmentCreatedView, departmentsPageView } from './departments-page-view.ts';

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional();
const NewDepartmentSchema = z.object({
  name: z.string().trim().min(1).max(400),
  abbr: optional(30),
  headName: z.string().trim().min(1).max(400),
  headEmail: optional(254),
  itOfficerName: z.string().trim().min(1).max(400),
  itOfficerEmail: optional(254),
});
const DepartmentIdSchema = z.string().regex(/^[a-z0-9]{2,40}$/);
const FIELD_FOR_CODE: Record<string, string> = {
  E_DEPARTMENT_NAME: 'name',
  INVALID_ABBREVIATION: 'abbr',
  SITE_EXISTS: 'abbr',
  E_UNOFFICIAL_EMAIL: 'headEmail',
};
const LABELS = {
  name: 'Tên đơn vị',
  abbr: 'Tên viết tắt',
  headName: 'Trưởng Ban',
  headEmail: 'Hộp thư Trưởng Ban',
  itOfficerName: 'Cán bộ CNTT',
  itOfficerEmail: 'Hộp thư Cán bộ CNTT',
};

/**
 * `/quan-tri/don-vi/` on the province portal: the province administrator
 * opens, renames and takes down departments (docs/adr/0104). Each action is
 * the department service's: through the publication gate, in the audit log.
 */
export function departmentRoutes(options: { service: DepartmentService; departments: readonly DepartmentRef[] }) {
  function administrator(c: Context<AppEnv>): DepartmentActor {
    if (c.var.site.kind !== 'portal') throw new NotFoundError({ path: c.req.path.slice(0, 200) });
    const account = c.var.session!.account;
    if (account.role !== 'admin')
      throw new PermissionDeniedError({ action: 'manage-departments', actorRole: account.role, targetRole: null });
    return { ...principalOf(account), fullName: account.fullName };
  }
  const page = (c: Context<AppEnv>, extra: Partial<Parameters<typeof departmentsPageView>[0]> = {}) =>
    departmentsPage(
      departmentsPageView({
        site: c.var.site,
        actor: c.var.session!.account,
        departments: options.departments,
        ...extra,
      }),
    );

  return new Hono<AppEnv>()
    .get(DEPARTMENTS_PATH, (c) => {
      administrator(c);
      return c.html(page(c, { notice: c.req.query('thong-bao') }));
    })
    .post(DEPARTMENTS_PATH, async (c) => {
      const actor = administrator(c);
      const body = await readForm(c);
      const values = Object.fromEntries(
        Object.keys(LABELS).map((k) => [
          k,
          typeof body[k] === 'string' ? (body[k] as string).slice(0, 400) : undefined,
        ]),
      );
      c.set('formErrorView', (error) =>
        page(c, { values, errors: formErrorsFrom(error, (e) => FIELD_FOR_CODE[e.code], LABELS) }),
      );
      const input = parseInput(NewDepartmentSchema, body);
      const created = await options.service.create(
        actor,
        {
          name: input.name,
          abbr: input.abbr,
          head: { fullName: input.headName, email: input.headEmail },
          itOfficer: { fullName: input.itOfficerName, email: input.itOfficerEmail },
        },
        requestMeta(c),
      );
      return c.html(
        departmentCreatedPage(departmentCreatedView({ site: c.var.site, actor: c.var.session!.account, ...created })),
        201,
      );
    })
    .post(`${DEPARTMENTS_PATH}:id/doi-ten`, async (c) => {
      const actor = administrator(c);
      const id = parseInput(DepartmentIdSchema, c.req.param('id'));
      c.set('formErrorView', (error) => page(c, { errors: formErrorsFrom(error) }));
      const { name } = parseInput(z.object({ name: z.string().max(400) }), await readForm(c));
      await options.service.rename(actor, id, name, requestMeta(c));
      return c.redirect(`${DEPARTMENTS_PATH}?thong-bao=da-doi-ten`, 303);
    })
    .post(`${DEPARTMENTS_PATH}:id/go-bo`, async (c) => {
      const actor = administrator(c);
      const id = parseInput(DepartmentIdSchema, c.req.param('id'));
      c.set('formErrorView', (error) => page(c, { errors: formErrorsFrom(error) }));
      const { confirmation } = parseInput(z.object({ confirmation: z.string().max(100) }), await readForm(c));
      await options.service.remove(actor, id, confirmation, requestMeta(c));
      return c.redirect(`${DEPARTMENTS_PATH}?thong-bao=da-go`, 303);
    });
}
