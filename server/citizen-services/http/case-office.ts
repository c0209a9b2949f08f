import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '#server/platform/app-env.ts';
import { NotFoundError, ValidationError } from '#server/platform/errors.ts';
import { parseFormBody, requestMeta } from '#server/platform/http/request-input.ts';
import { SERVICE_IDS, type ServiceId } from '#src/schema/service-process.ts';
import { TRANSITION_NAMES, type TransitionName } from '../case-workflow.ts';
import { contentDisposition, type FileKind } from '../uploads.ts';
import { limitBody } from '#server/platform/http/limit-body.ts';
import type { CaseServices } from '../create-case-services.ts';
import { CASE_STATUSES, type CaseStatus } from '#server/platform/storage/case-records.ts';
import { LETTER_VIA, type LetterVia } from '../case-office-service.ts';
import { CASES_PATH, casePath, DISPOSALS_PATH, TRANSITION_SLUGS } from './case-paths.ts';
import { disposalsPage } from './disposals-page.ts';
import { disposalsPageView } from './disposals-page-view.ts';
import { casePage } from './case-page.ts';
import { casePageView } from './case-page-view.ts';
import { queuePage } from './queue-page.ts';
import { queuePageView } from './queue-page-view.ts';
import { serviceGrantsPage } from './service-grants-page.ts';
import { serviceGrantsPageView } from './service-grants-page-view.ts';
import { readSubmission } from './read-submission.ts';

const TRANSITION_BY_SLUG = new Map(TRANSITION_NAMES.map((name) => [TRANSITION_SLUGS[name], name] as const));

/** Far beyond any department's queue; bounds the offset the database is asked for. */
const MAX_PAGE = 100_000;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  value && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * `/quan-tri/ho-so/*`: the queues, the case page, transitions, downloads and
 * the head's grants (Điều 15). Mounted behind the back office's session,
 * origin and password-change checks; every decision is in case-office-service.
 */
export function caseOfficeRoutes(cases: CaseServices) {
  const office = cases.office;
  const account = (c: Context<AppEnv>) => c.var.session!.account;

  async function officersFor(c: Context<AppEnv>) {
    if (account(c).role !== 'head') return [];
    return (await office.officers(account(c))).map((o) => o.account);
  }

  async function queue(c: Context<AppEnv>, overdue: boolean) {
    const me = account(c);
    const filters = {
      service: oneOf<ServiceId>(SERVICE_IDS, c.req.query('dich-vu')),
      status: oneOf<CaseStatus>(CASE_STATUSES, c.req.query('trang-thai')),
      mine: c.req.query('cua-toi') === '1',
      overdue,
      page: Math.min(MAX_PAGE, Math.max(0, Math.trunc(Number(c.req.query('trang'))) || 0)),
    };
    const { cases: rows } = await office.queue(me, filters);
    return c.html(queuePage(queuePageView({ site: c.var.site, account: me, overdue, rows, filters })));
  }

  return new Hono<AppEnv>()
    .get(CASES_PATH, (c) => c.redirect(`${CASES_PATH}/`, 301))
    .get(`${CASES_PATH}/`, (c) => queue(c, false))
    .get(`${CASES_PATH}/qua-han`, (c) => queue(c, true))
    .get(`${CASES_PATH}/phan-quyen`, async (c) =>
      c.html(
        serviceGrantsPage(
          serviceGrantsPageView({ site: c.var.site, account: account(c), officers: await office.officers(account(c)) }),
        ),
      ),
    )
    .post(`${CASES_PATH}/phan-quyen/:accountId`, async (c) => {
      const body = await parseFormBody(c);
      const services = ([] as unknown[]).concat(body.services ?? []).filter((s): s is string => typeof s === 'string');
      await office.setGrants(account(c), c.req.param('accountId')!, services);
      return c.redirect(`${CASES_PATH}/phan-quyen`, 303);
    })
    .get(DISPOSALS_PATH, async (c) => {
      const lists = await cases.disposals.lists(account(c));
      return c.html(
        disposalsPage(
          disposalsPageView({
            site: c.var.site,
            account: account(c),
            lists,
            notice: c.req.query('thong-bao') === 'da-huy',
          }),
        ),
      );
    })
    .post(`${DISPOSALS_PATH}/:listId`, async (c) => {
      await parseFormBody(c);
      await cases.disposals.approve(account(c), c.req.param('listId')!, requestMeta(c));
      return c.redirect(`${DISPOSALS_PATH}?thong-bao=da-huy`, 303);
    })
    .get(`${CASES_PATH}/:id`, async (c) => {
      const view = await office.view(account(c), c.req.param('id')!, requestMeta(c));
      return c.html(
        casePage(casePageView({ site: c.var.site, account: account(c), view, officers: await officersFor(c) })),
      );
    })
    .get(`${CASES_PATH}/:id/tep/:attachmentId`, async (c) => {
      const { attachment, stream } = await office.attachment(
        account(c),
        c.req.param('id')!,
        c.req.param('attachmentId')!,
        requestMeta(c),
      );
      // Always a download, never rendered: a file is whatever its bytes are, and the browser must not guess otherwise.
      return new Response(Readable.toWeb(stream) as ReadableStream, {
        headers: {
          'content-type': attachment.mediaType,
          'content-length': String(attachment.size),
          'content-disposition': contentDisposition(attachment.displayName, attachment.kind as FileKind),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        },
      });
    })
    .post(`${CASES_PATH}/:id/:action`, limitBody(cases.uploadLimits.maxTotalBytes + 512 * 1024), async (c) => {
      const name: TransitionName | undefined = TRANSITION_BY_SLUG.get(c.req.param('action')!);
      if (!name) throw new NotFoundError({ path: c.req.path.slice(0, 200) });
      const id = c.req.param('id')!;
      const input = await readSubmission(c);
      if (!input.wantsJson) {
        c.set('formErrorView', async (error) => {
          const view = await office.view(account(c), id, requestMeta(c));
          return raw(
            await casePage(
              casePageView({
                site: c.var.site,
                account: account(c),
                view,
                officers: await officersFor(c),
                error: error.message,
              }),
            ),
          );
        });
      }
      const version = Number(input.fields.version);
      if (!Number.isInteger(version) || version < 1)
        throw new ValidationError({ issues: [{ field: 'version', problem: 'invalid-format' }] });
      const text = (v: unknown) => (typeof v === 'string' ? v : null);
      const updated = await office.act(account(c), id, name, {
        expectedVersion: version,
        publicText: text(input.fields.publicText),
        internalNote: text(input.fields.internalNote),
        assigneeId: text(input.fields.assigneeId),
        files: input.files,
        remoteArea: input.fields.remoteArea === 'on' || input.fields.remoteArea === true,
        letterVia: oneOf<LetterVia>(LETTER_VIA, text(input.fields.letterVia) ?? undefined) ?? null,
      });
      if (input.wantsJson) return c.json({ id: updated.id, status: updated.status, version: updated.version });
      return c.redirect(casePath(id), 303);
    });
}
