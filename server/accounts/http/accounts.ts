import { type Context, Hono } from 'hono';
import type { AppEnv } from '#server/platform/app-env.ts';
import { ValidationError } from '#server/platform/errors.ts';
import { readForm, requestMeta } from '#server/platform/http/request-input.ts';
import { accountPath, ACCOUNT_ACTION_SLUGS, BACK_OFFICE_PATHS } from '#server/platform/http/back-office-paths.ts';
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
import type { Services } from '../create-services.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { accountPage } from './account-page.ts';
import { accountPageView } from './account-page-view.ts';
import { accountsPage } from './accounts-page.ts';
import { accountsPageView } from './accounts-page-view.ts';
import { formErrorsFrom } from '#server/platform/ui/form-errors.ts';
import { oneTimePasswordPage } from './one-time-password-page.ts';
import { oneTimePasswordPageView } from './one-time-password-page-view.ts';
import { noticeFor, withNotice } from '#server/platform/ui/notices.ts';
import { t } from '#server/platform/ui/vi.ts';

const CREATE_LABELS = {
  fullName: t('field.fullName'),
  email: t('field.officialEmail'),
  role: t('field.role'),
  departmentId: t('field.department'),
  sections: t('field.sections'),
};
const CREATE_FIELD_FOR_CODE: Record<string, string> = {
  E_INVALID_NAME: 'fullName',
  E_UNOFFICIAL_EMAIL: 'email',
  E_EMAIL_TAKEN: 'email',
  E_BOARD_LIMIT: 'role',
  E_RANK_NOT_LOWER: 'role',
  E_UNKNOWN_DEPARTMENT: 'departmentId',
  E_NOT_APPLICABLE: 'sections',
};

function usernameParam(c: Context<AppEnv>): string {
  return parseInput(UsernameInputSchema, c.req.param('username'));
}

export function accountsRoutes(services: Services) {
  const { accounts } = services;
  const departments = [...services.deps.sites.byId.values()];
  const actorOf = (c: Context<AppEnv>) => principalOf(c.var.session!.account);
  const scopeOf = (c: Context<AppEnv>) =>
    c.var.session!.account.role === 'admin' ? undefined : c.var.session!.account.departmentId;
  /** Who saw the current one-time password, and the account's credential history when the actor may read it (docs/adr/0017). */
  async function credentialsView(c: Context<AppEnv>, account: AccountRecord) {
    return {
      history: await accounts.credentialHistory(actorOf(c), account),
      witness: await accounts.witnessOf(account),
    };
  }

  return new Hono<AppEnv>()
    .get(BACK_OFFICE_PATHS.accounts, async (c) => {
      const list = await accounts.list(actorOf(c), scopeOf(c));
      const notice = noticeFor(c.req.query('thong-bao'), c.req.query('tk'));
      return c.html(
        accountsPage(
          accountsPageView({ site: c.var.site, actor: c.var.session!.account, accounts: list, departments, notice }),
        ),
      );
    })
    .post(BACK_OFFICE_PATHS.accounts, async (c) => {
      const actor = c.var.session!.account;
      const body = await readForm(c);
      const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 400) : undefined);
      const values = {
        fullName: text(body.fullName),
        email: text(body.email),
        role: text(body.role),
        departmentId: text(body.departmentId),
        sections: ([] as string[]).concat(body.sections ?? []),
      };
      // Listing first also checks the actor may manage accounts here at all.
      const list = await accounts.list(actorOf(c), scopeOf(c));
      c.set('formErrorView', (error) =>
        accountsPage(
          accountsPageView({
            site: c.var.site,
            actor,
            accounts: list,
            departments,
            values,
            errors: formErrorsFrom(error, (e) => CREATE_FIELD_FOR_CODE[e.code], CREATE_LABELS),
          }),
        ),
      );
      const input = parseInput(CreateAccountInputSchema, body);
      // A head or IT officer always creates in their own department, whatever the form says.
      const departmentId = actor.role === 'admin' ? (input.departmentId ?? null) : actor.departmentId;
      if (actor.role === 'admin' && departmentId === null)
        throw new ValidationError({ issues: [{ field: 'departmentId', problem: 'required' }] });
      const issued = await accounts.create(actorOf(c), { ...input, departmentId }, requestMeta(c));
      return c.html(
        oneTimePasswordPage(oneTimePasswordPageView({ site: c.var.site, actor, ...issued, created: true })),
        201,
      );
    })
    .get(`${BACK_OFFICE_PATHS.accounts}/:username`, async (c) => {
      const account = await accounts.get(actorOf(c), usernameParam(c));
      const notice = noticeFor(c.req.query('thong-bao'), account.username);
      return c.html(
        accountPage(
          accountPageView({
            site: c.var.site,
            actor: c.var.session!.account,
            account,
            notice,
            ...(await credentialsView(c, account)),
          }),
        ),
      );
    })
    .post(`${BACK_OFFICE_PATHS.accounts}/:username/${ACCOUNT_ACTION_SLUGS['set-email']}`, async (c) => {
      const username = usernameParam(c);
      const current = await accounts.get(actorOf(c), username);
      const view = await credentialsView(c, current);
      c.set('formErrorView', (error) =>
        accountPage(
          accountPageView({
            site: c.var.site,
            actor: c.var.session!.account,
            account: current,
            ...view,
            errors: formErrorsFrom(error, () => 'email', { email: t('field.officialEmail') }),
          }),
        ),
      );
      const { email } = parseInput(SetEmailInputSchema, await readForm(c));
      await accounts.setEmail(actorOf(c), username, email, requestMeta(c));
      return c.redirect(withNotice(accountPath(username), 'da-luu', username), 303);
    })
    .post(`${BACK_OFFICE_PATHS.accounts}/:username/${ACCOUNT_ACTION_SLUGS.disable}`, async (c) => {
      const account = await accounts.disable(actorOf(c), usernameParam(c), requestMeta(c));
      return c.redirect(withNotice(BACK_OFFICE_PATHS.accounts, 'da-vo-hieu-hoa', account.username), 303);
    })
    .post(`${BACK_OFFICE_PATHS.accounts}/:username/${ACCOUNT_ACTION_SLUGS.enable}`, async (c) => {
      const account = await accounts.enable(actorOf(c), usernameParam(c), requestMeta(c));
      return c.redirect(withNotice(BACK_OFFICE_PATHS.accounts, 'da-kich-hoat', account.username), 303);
    })
    .post(`${BACK_OFFICE_PATHS.accounts}/:username/${ACCOUNT_ACTION_SLUGS['reset-password']}`, async (c) => {
      const issued = await accounts.resetPassword(actorOf(c), usernameParam(c), requestMeta(c));
      return c.html(
        oneTimePasswordPage(
          oneTimePasswordPageView({ site: c.var.site, actor: c.var.session!.account, ...issued, created: false }),
        ),
      );
    })
    .post(`${BACK_OFFICE_PATHS.accounts}/:username/${ACCOUNT_ACTION_SLUGS['change-role']}`, async (c) => {
      const { role } = parseInput(ChangeRoleInputSchema, await readForm(c));
      const account = await accounts.changeRole(actorOf(c), usernameParam(c), role, requestMeta(c));
      return c.redirect(withNotice(accountPath(account.username), 'da-luu', account.username), 303);
    })
    .post(`${BACK_OFFICE_PATHS.accounts}/:username/${ACCOUNT_ACTION_SLUGS['assign-sections']}`, async (c) => {
      const username = usernameParam(c);
      const current = await accounts.get(actorOf(c), username);
      c.set('formErrorView', (error) =>
        accountPage(
          accountPageView({
            site: c.var.site,
            actor: c.var.session!.account,
            account: current,
            errors: formErrorsFrom(error, () => 'sections', { sections: t('field.sections') }),
          }),
        ),
      );
      const { sections } = parseInput(AssignSectionsInputSchema, await readForm(c));
      await accounts.assignSections(actorOf(c), username, sections, requestMeta(c));
      return c.redirect(withNotice(accountPath(username), 'da-luu', username), 303);
    })
    .post(`${BACK_OFFICE_PATHS.accounts}/:username/${ACCOUNT_ACTION_SLUGS.delegate}`, async (c) => {
      const { rights } = parseInput(DelegateInputSchema, await readForm(c));
      const account = await accounts.delegate(actorOf(c), usernameParam(c), rights, requestMeta(c));
      return c.redirect(withNotice(accountPath(account.username), 'da-luu', account.username), 303);
    });
}
