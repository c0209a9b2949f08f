import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '#server/platform/app-env.ts';
import { ValidationError } from '#server/platform/errors.ts';
import { readJson, requestMeta } from '#server/platform/http/request-input.ts';
import { ACCOUNT_ACTION_SLUGS, BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
import {
  AssignSectionsInputSchema,
  ChangeRoleInputSchema,
  CreateAccountInputSchema,
  DelegateInputSchema,
  SetEmailInputSchema,
  UsernameInputSchema,
} from '../input-schemas.ts';
import { parseInput } from '#server/platform/http/parse-input.ts';
import { principalOf } from '../auth-service.ts';
import type { IssuedPassword } from '../account-service.ts';
import type { Services } from '../create-services.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';

/** What an API client may see of an account: never the hash. */
function publicAccount(account: AccountRecord) {
  const { passwordHash: _hash, ...rest } = account;
  return rest;
}

const EmptySchema = z.object({}).optional();

/** A mailed one-time password is not in the answer at all; a shown one is, once (docs/adr/0017). */
function issuedJson(issued: IssuedPassword) {
  return {
    account: publicAccount(issued.account),
    delivery: issued.delivery,
    ...(issued.delivery.channel === 'email' ? {} : { oneTimePassword: issued.oneTimePassword }),
  };
}

/** JSON twin of the account pages, for scripts and a future editor UI. Same services, same rules. */
export function apiRoutes(services: Services) {
  const { accounts } = services;
  const actorOf = (c: Context<AppEnv>) => principalOf(c.var.session!.account);
  const base = `${BACK_OFFICE_PATHS.api}/tai-khoan`;

  return new Hono<AppEnv>()
    .get(`${BACK_OFFICE_PATHS.api}/phien`, (c) => c.json({ account: publicAccount(c.var.session!.account) }))
    .get(base, async (c) => {
      const actor = c.var.session!.account;
      const list = await accounts.list(actorOf(c), actor.role === 'admin' ? undefined : actor.departmentId);
      return c.json({ accounts: list.map(publicAccount) });
    })
    .post(base, async (c) => {
      const actor = c.var.session!.account;
      const input = parseInput(CreateAccountInputSchema, await readJson(c));
      const departmentId = actor.role === 'admin' ? (input.departmentId ?? null) : actor.departmentId;
      if (actor.role === 'admin' && departmentId === null)
        throw new ValidationError({ issues: [{ field: 'departmentId', problem: 'required' }] });
      return c.json(issuedJson(await accounts.create(actorOf(c), { ...input, departmentId }, requestMeta(c))), 201);
    })
    .post(`${base}/:username/:action`, async (c) => {
      const username = parseInput(UsernameInputSchema, c.req.param('username'));
      const body = await readJson(c);
      const actor = actorOf(c);
      const meta = requestMeta(c);
      switch (c.req.param('action')) {
        case ACCOUNT_ACTION_SLUGS.disable:
          parseInput(EmptySchema, body);
          return c.json({ account: publicAccount(await accounts.disable(actor, username, meta)) });
        case ACCOUNT_ACTION_SLUGS.enable:
          parseInput(EmptySchema, body);
          return c.json({ account: publicAccount(await accounts.enable(actor, username, meta)) });
        case ACCOUNT_ACTION_SLUGS['reset-password']: {
          parseInput(EmptySchema, body);
          return c.json(issuedJson(await accounts.resetPassword(actor, username, meta)));
        }
        case ACCOUNT_ACTION_SLUGS['set-email']:
          return c.json({
            account: publicAccount(
              await accounts.setEmail(actor, username, parseInput(SetEmailInputSchema, body).email, meta),
            ),
          });
        case ACCOUNT_ACTION_SLUGS['change-role']:
          return c.json({
            account: publicAccount(
              await accounts.changeRole(actor, username, parseInput(ChangeRoleInputSchema, body).role, meta),
            ),
          });
        case ACCOUNT_ACTION_SLUGS['assign-sections']:
          return c.json({
            account: publicAccount(
              await accounts.assignSections(
                actor,
                username,
                parseInput(AssignSectionsInputSchema, body).sections,
                meta,
              ),
            ),
          });
        case ACCOUNT_ACTION_SLUGS.delegate:
          return c.json({
            account: publicAccount(
              await accounts.delegate(actor, username, parseInput(DelegateInputSchema, body).rights, meta),
            ),
          });
        default:
          return c.notFound();
      }
    });
}
