import { randomBytes } from 'node:crypto';
import { Hono, type Context, type Next } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '#server/platform/app-env.ts';
import type { AppError } from '#server/platform/app-error.ts';
import { NotFoundError, ValidationError } from '#server/platform/errors.ts';
import { SERVICE_IDS, type ServiceId } from '#src/schema/service-process.ts';
import { caseDeadlineStatus } from '../case-deadlines.ts';
import type { ShellSource } from '#server/sites/index.ts';
import { checkOrigin } from '#server/platform/http/check-origin.ts';
import { limitBody } from '#server/platform/http/limit-body.ts';
import { noStore } from '#server/platform/http/no-store.ts';
import { SERVICES_WITH_FILES } from '../case-service.ts';
import type { CaseServices } from '../create-case-services.ts';
import {
  CHALLENGE_PATH,
  LOOKUP_PATH,
  LOOKUP_RATING_PATH,
  SCRIPT_PATH,
  SIGNED_LETTER_PATH,
  STYLE_PATH,
  SUPPLEMENT_PATH,
} from './service-form-fields.ts';
import { needsSignedLetter } from '../case-deadlines.ts';
import { RATING_PATH } from '../case-rating.ts';
import type { PublicCaseView } from '../case-service.ts';
import { signedLetterGuidance } from '../signed-letter.ts';
import { ratingPage } from './rating-page.ts';
import { ratingPageView } from './rating-page-view.ts';
import { lookupPage } from './lookup-page.ts';
import { lookupFormView } from './lookup-page-view.ts';
import { lookupResultPage } from './lookup-result-page.ts';
import { type LookupForm, lookupResultView, nextStep } from './lookup-result-page-view.ts';
import { receiptPage } from './receipt-page.ts';
import { receiptView } from './receipt-page-view.ts';
import { serviceFormPage } from './service-form-page.ts';
import { type FieldError, serviceFormView } from './service-form-page-view.ts';
import { servicePage } from './service-layout.ts';
import { readSubmission } from './read-submission.ts';
import { SERVICE_SCRIPT, SERVICE_STYLE } from './assets.ts';

/** Forms without files are a few kilobytes of text; 256 KB leaves room for a long complaint. */
const MAX_TEXT_BODY = 256 * 1024;
/** Multipart overhead over the files themselves. */
const MULTIPART_SLACK = 512 * 1024;

function departmentOf(c: Context<AppEnv>) {
  const site = c.var.site;
  if (site?.kind !== 'department') throw new NotFoundError({ path: c.req.path.slice(0, 200) });
  return site.department;
}

function serviceParam(c: Context<AppEnv>): ServiceId {
  const service = c.req.param('service');
  if (!(SERVICE_IDS as readonly string[]).includes(service ?? ''))
    throw new NotFoundError({ path: c.req.path.slice(0, 200) });
  return service as ServiceId;
}

const newIdempotencyKey = () => randomBytes(18).toString('base64url');

function fieldErrors(error: AppError<object>): FieldError[] {
  if (!(error instanceof ValidationError)) return [];
  const { issues } = (error as InstanceType<typeof ValidationError>).data;
  return issues.map((issue) => ({
    field: issue.field,
    message: (issue as { message?: string }).message ?? error.message,
  }));
}

/**
 * The citizen side of the online services (Điều 13): the forms (plain HTML,
 * enhanced by one script), the proof-of-work challenge, the look-up page and
 * the dossier supplement. Thin: every decision is in services/.
 */
export function citizenServiceRoutes(cases: CaseServices, shells: ShellSource) {
  const maxMultipart = cases.uploadLimits.maxTotalBytes + MULTIPART_SLACK;
  const textLimit = limitBody(MAX_TEXT_BODY);
  const multipartLimit = limitBody(maxMultipart);
  async function bodyLimit(c: Context<AppEnv>, next: Next) {
    const type = c.req.header('content-type') ?? '';
    return (type.startsWith('multipart/') ? multipartLimit : textLimit)(c, next);
  }

  async function render(c: Context<AppEnv>, title: string, main: Parameters<typeof servicePage>[3]) {
    const department = departmentOf(c);
    return servicePage(await shells.read(department.id), department.name, title, main);
  }

  async function lookupForm(c: Context<AppEnv>, props: Parameters<typeof lookupFormView>[0]) {
    const view = lookupFormView(props);
    return render(c, view.title, lookupPage(view));
  }

  async function lookupResult(
    c: Context<AppEnv>,
    props: Omit<Parameters<typeof lookupResultView>[0], 'now' | 'deadline'>,
  ) {
    const now = cases.clock();
    const view = lookupResultView({
      ...props,
      now,
      deadline: caseDeadlineStatus(props.view.record, now, cases.calendar),
    });
    return render(c, view.title, lookupResultPage(view));
  }

  /** What the look-up answers as JSON: the same facts as the page, no internal notes. */
  function lookupJson(view: PublicCaseView) {
    const { record } = view;
    return {
      trackingCode: record.trackingCode,
      service: record.service,
      status: record.status,
      receivedAt: record.receivedAt,
      acceptDueAt: record.acceptDueAt,
      resolveDueAt: record.resolveDueAt,
      closedAt: record.closedAt,
      deadline: caseDeadlineStatus(record, cases.clock(), cases.calendar),
      signedLetterRequired: needsSignedLetter(record) && record.signedLetterAt === null,
      next: nextStep(record),
      events: view.events,
      attachments: view.attachments,
      rating: view.rating,
    };
  }

  /**
   * A form of the look-up page (a supplement, the signed letter's scan, a
   * rating): the code and secret prove the case is the citizen's, under the
   * same throttle as the look-up (docs/adr/0052); a refusal shows the case
   * again with the error above that form.
   */
  async function lookupAction(
    c: Context<AppEnv>,
    form: LookupForm,
    act: (code: string, secret: string, submission: Awaited<ReturnType<typeof readSubmission>>) => Promise<unknown>,
  ) {
    departmentOf(c);
    const submission = await readSubmission(c);
    const code = String(submission.fields.code ?? '').slice(0, 40);
    const secret = String(submission.fields.secret ?? '').slice(0, 40);
    await cases.guard.beforeLookup(c.var.clientAddress, code);
    if (!submission.wantsJson) {
      const ratingValues = {
        score: String(submission.fields.score ?? ''),
        comment: String(submission.fields.comment ?? ''),
      };
      c.set('formErrorView', async (error) => {
        try {
          const view = await cases.citizen.lookup(code, secret, departmentOf(c).id);
          return raw(
            await lookupResult(c, { view, secret, formError: { form, message: error.message }, ratingValues }),
          );
        } catch {
          return raw(await lookupForm(c, { code, error: error.message }));
        }
      });
    }
    try {
      await act(code, secret, submission);
    } catch (error) {
      if ((error as AppError<object>).code === 'E_CASE_NOT_FOUND')
        await cases.guard.failedLookup(c.var.clientAddress, code);
      throw error;
    }
    const view = await cases.citizen.lookup(code, secret, departmentOf(c).id);
    if (submission.wantsJson) return c.json(lookupJson(view));
    return c.html(await lookupResult(c, { view, secret }));
  }

  /** A look-up under the throttle of docs/adr/0052: a failure counts against the address and the case. */
  async function throttled<T>(c: Context<AppEnv>, code: string, find: () => Promise<T>): Promise<T> {
    await cases.guard.beforeLookup(c.var.clientAddress, code);
    try {
      return await find();
    } catch (error) {
      await cases.guard.failedLookup(c.var.clientAddress, code);
      throw error;
    }
  }

  /** The one-time link of the closing mail (docs/adr/0058): the code and the server's token, no secret, no sign-in. */
  async function ratingByLink(c: Context<AppEnv>, rate: boolean) {
    departmentOf(c);
    const code = c.req.param('code')!.slice(0, 40);
    const token = c.req.param('token')!.slice(0, 40);
    const record = await throttled(c, code, () => cases.ratings.caseOfLink(code, token));
    const action = `${RATING_PATH}/${encodeURIComponent(code)}/${token}`;
    const page = async (props: Partial<Parameters<typeof ratingPageView>[0]>) => {
      const view = ratingPageView({
        record,
        rating: await cases.ratings.rating(record.id),
        now: cases.clock(),
        action,
        ...props,
      });
      return render(c, view.title, ratingPage(view));
    };
    if (!rate) return c.html(await page({}));
    const submission = await readSubmission(c);
    const values = { score: String(submission.fields.score ?? ''), comment: String(submission.fields.comment ?? '') };
    if (!submission.wantsJson)
      c.set('formErrorView', async (error) => raw(await page({ error: error.message, values })));
    const rating = await cases.ratings.rate(record, submission.fields, 'mail-link');
    if (submission.wantsJson) return c.json({ trackingCode: record.trackingCode, score: rating.score }, 201);
    return c.html(await page({ thanks: true }), 201);
  }

  async function formContext(c: Context<AppEnv>, service: ServiceId, values: Record<string, unknown>) {
    const department = departmentOf(c);
    const procedureCode = typeof values.procedureCode === 'string' ? values.procedureCode : undefined;
    const consultationSlug = typeof values.consultation === 'string' ? values.consultation : undefined;
    const lookup = cases.content;
    return {
      procedure: service === 'ho-so' && procedureCode ? await lookup.procedure(department.id, procedureCode) : null,
      consultation:
        service === 'gop-y-du-thao' && consultationSlug
          ? await lookup.consultation(department.id, consultationSlug)
          : null,
    };
  }

  async function formPage(
    c: Context<AppEnv>,
    service: ServiceId,
    values: Record<string, unknown>,
    error?: AppError<object>,
  ) {
    const errors = error ? fieldErrors(error) : [];
    const formError = error && errors.length === 0 ? error.message : undefined;
    const key =
      typeof values['idempotency-key'] === 'string' && error?.code !== 'E_INVALID_IDEMPOTENCY_KEY'
        ? String(values['idempotency-key'])
        : newIdempotencyKey();
    const view = serviceFormView({
      service,
      values,
      errors,
      formError,
      // A refused form gets a fresh key when nothing was stored, so the corrected form is a new submission.
      idempotencyKey: error ? newIdempotencyKey() : key,
      uploadLimits: SERVICES_WITH_FILES.includes(service) ? cases.uploadLimits : null,
      ...(await formContext(c, service, values)),
    });
    return render(c, view.title, serviceFormPage(view));
  }

  return new Hono<AppEnv>()
    .get(SCRIPT_PATH, (c) =>
      c.body(SERVICE_SCRIPT, 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=300',
      }),
    )
    .get(STYLE_PATH, (c) =>
      c.body(SERVICE_STYLE, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' }),
    )
    .use('/dich-vu/*', noStore(), checkOrigin())
    .use('/tra-cuu/*', noStore(), checkOrigin())
    .use('/tra-cuu', noStore(), checkOrigin())
    .get(CHALLENGE_PATH, async (c) => {
      const department = departmentOf(c);
      const service = (SERVICE_IDS as readonly string[]).includes(c.req.query('dich-vu') ?? '')
        ? (c.req.query('dich-vu') as ServiceId)
        : null;
      if (!service) throw new ValidationError({ issues: [{ field: 'dich-vu', problem: 'not-allowed' }] });
      return c.json(await cases.guard.challenge(department.id, service, c.var.clientAddress));
    })
    .get('/dich-vu/:service', async (c) => {
      const service = serviceParam(c);
      departmentOf(c);
      const values: Record<string, unknown> = {};
      if (c.req.query('thu-tuc')) values.procedureCode = c.req.query('thu-tuc');
      if (c.req.query('du-thao')) values.consultation = c.req.query('du-thao');
      // The accessibility statement's "report a barrier" opens the feedback form on its category (docs/adr/0026).
      if (service === 'phan-hoi-website' && c.req.query('loai')) values.category = c.req.query('loai');
      return c.html(await formPage(c, service, values));
    })
    .post('/dich-vu/:service', bodyLimit, async (c) => {
      const service = serviceParam(c);
      const department = departmentOf(c);
      const submission = await readSubmission(c);
      if (!submission.wantsJson)
        c.set('formErrorView', async (error) => raw(await formPage(c, service, submission.fields, error)));
      await cases.guard.admit(department.id, service, c.var.clientAddress, submission.pow);
      const receipt = await cases.citizen.submit(department.id, service, submission);
      const letterNeeded = needsSignedLetter(receipt.record);
      const body = {
        trackingCode: receipt.record.trackingCode,
        secret: receipt.secret,
        status: receipt.record.status,
        receivedAt: receipt.record.receivedAt,
        acceptDueAt: receipt.record.acceptDueAt,
        duplicate: !receipt.created,
        conversions: receipt.conversions,
        // What the law still asks before the case can be handled (docs/adr/0057), for the in-page receipt to say.
        signedLetterRequired: letterNeeded,
        stillToDo: letterNeeded ? signedLetterGuidance(receipt.record.kind) : [],
      };
      if (submission.wantsJson) return c.json(body, receipt.created ? 201 : 200);
      const view = receiptView({
        service,
        kind: receipt.record.kind,
        trackingCode: body.trackingCode,
        secret: body.secret,
        acceptDueAt: body.acceptDueAt,
        hasEmail: receipt.record.contactEmail !== null,
        conversions: receipt.conversions,
      });
      return c.html(await render(c, view.title, receiptPage(view)), receipt.created ? 201 : 200);
    })
    .get('/tra-cuu', (c) => c.redirect(LOOKUP_PATH, 301))
    .get(LOOKUP_PATH, async (c) => c.html(await lookupForm(c, {})))
    .post(LOOKUP_PATH, limitBody(8 * 1024), async (c) => {
      departmentOf(c);
      const submission = await readSubmission(c);
      const code = String(submission.fields.code ?? '').slice(0, 40);
      const secret = String(submission.fields.secret ?? '').slice(0, 40);
      if (!submission.wantsJson) {
        c.set('formErrorView', async (error) => raw(await lookupForm(c, { code, error: error.message })));
      }
      const view = await throttled(c, code, () => cases.citizen.lookup(code, secret, departmentOf(c).id));
      if (submission.wantsJson) return c.json(lookupJson(view));
      return c.html(await lookupResult(c, { view, secret }));
    })
    .post(SUPPLEMENT_PATH, bodyLimit, (c) =>
      lookupAction(c, 'supplement', (code, secret, s) =>
        cases.citizen.supplement(code, secret, s.files, departmentOf(c).id),
      ),
    )
    .post(SIGNED_LETTER_PATH, bodyLimit, (c) =>
      lookupAction(c, 'signed-letter', (code, secret, s) =>
        cases.citizen.sendSignedLetter(code, secret, s.files, departmentOf(c).id),
      ),
    )
    .post(LOOKUP_RATING_PATH, limitBody(16 * 1024), (c) =>
      lookupAction(c, 'rating', (code, secret, s) => cases.citizen.rate(code, secret, s.fields, departmentOf(c).id)),
    )
    .use(`${RATING_PATH}/*`, noStore(), checkOrigin())
    .get(`${RATING_PATH}/:code/:token`, (c) => ratingByLink(c, false))
    .post(`${RATING_PATH}/:code/:token`, limitBody(16 * 1024), (c) => ratingByLink(c, true))
    .get('/dich-vu/gop-y-du-thao/tong-hop/:slug', async (c) => {
      const department = departmentOf(c);
      return c.json(await cases.citizen.consultationSummary(department.id, c.req.param('slug')));
    });
}
