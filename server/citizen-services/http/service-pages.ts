import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import { PRIVACY_NOTICE_PATH } from '#src/site-paths.ts';
import { vietnamDate } from '#src/calendar/working-days.ts';
import { fillShell } from '#server/sites/index.ts';
import type { PublicCaseView } from '../case-service.ts';
import type { ConsultationRef, ProcedureRef } from '../content-lookup.ts';
import { EVENT_LABELS, STATUS_LABELS } from './case-labels.ts';
import { FORM_FIELDS, LOOKUP_PATH, SCRIPT_PATH, SERVICE_PATH, STYLE_PATH, SUPPLEMENT_PATH, type FieldSpec } from './service-form-fields.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface FieldError {
  field: string;
  message: string;
}

/** The page around our content: the site's shell when built, else a plain page with the site's name. */
export async function servicePage(shell: string | null, siteName: string, title: string, main: Html): Promise<string> {
  const body = (await main).toString();
  const fullTitle = `${title} – ${siteName}`;
  // The shell's title already carries the site's name.
  if (shell) return fillShell(shell, (await html`${title}`).toString(), `<link rel="stylesheet" href="${STYLE_PATH}" />${body}`);
  return (
    await html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${fullTitle}</title>
    <link rel="stylesheet" href="${STYLE_PATH}" />
  </head>
  <body>
    <header class="dv-header"><p class="dv-site"><a href="/">${siteName}</a></p></header>
    <main id="noi-dung">${raw(body)}</main>
  </body>
</html>`
  ).toString();
}

const dateVN = (ms: number | null) => (ms === null ? '' : vietnamDate(new Date(ms)).split('-').reverse().join('/'));
const timeVN = (ms: number) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));

function fieldInput(spec: FieldSpec, value: unknown, error: string | undefined): Html {
  const id = `truong-${spec.name}`;
  const described = [spec.hint ? `${id}-goi-y` : '', error ? `${id}-loi` : ''].filter(Boolean).join(' ') || undefined;
  const text = typeof value === 'string' ? value : '';
  const invalid = error ? 'true' : undefined;
  if (spec.type === 'hidden') return html`<input type="hidden" name="${spec.name}" value="${text}" />`;
  const hint = spec.hint ? html`<p class="dv-hint" id="${id}-goi-y">${spec.hint}</p>` : '';
  const message = error ? html`<p class="dv-error" id="${id}-loi">${error}</p>` : '';
  const label = html`<label for="${id}">${spec.label}${spec.required ? html` <span class="dv-required">(bắt buộc)</span>` : ''}</label>`;
  if (spec.type === 'checkbox') {
    const checked = value === true || value === 'on';
    return html`<div class="dv-field dv-check">
      <input type="checkbox" id="${id}" name="${spec.name}" ${checked ? 'checked' : ''} aria-describedby="${described}" aria-invalid="${invalid}" />
      ${label}${hint}${message}
    </div>`;
  }
  let control: Html;
  if (spec.type === 'textarea') {
    control = html`<textarea id="${id}" name="${spec.name}" rows="6" aria-describedby="${described}" aria-invalid="${invalid}" ${spec.required ? 'required' : ''}>${text}</textarea>`;
  } else if (spec.type === 'select') {
    control = html`<select id="${id}" name="${spec.name}" aria-describedby="${described}" aria-invalid="${invalid}" ${spec.required ? 'required' : ''}>
      <option value="">— Chọn —</option>
      ${Object.entries(spec.options ?? {}).map(([v, l]) => html`<option value="${v}" ${v === text ? 'selected' : ''}>${l}</option>`)}
    </select>`;
  } else {
    control = html`<input type="${spec.type}" id="${id}" name="${spec.name}" value="${text}" autocomplete="${spec.autocomplete}" aria-describedby="${described}" aria-invalid="${invalid}" ${spec.required ? 'required' : ''} />`;
  }
  return html`<div class="dv-field">${label}${hint}${control}${message}</div>`;
}

export interface FormPageInput {
  service: ServiceId;
  siteName: string;
  values: Record<string, unknown>;
  errors: FieldError[];
  /** A sentence above the form for errors that belong to no field (files, proof of work, limits). */
  formError?: string;
  idempotencyKey: string;
  procedure?: ProcedureRef | null;
  consultation?: ConsultationRef | null;
  withFiles: boolean;
}

/** Works with no script at all; `bieu-mau.js` adds the proof of work and submits in place. */
export function formMain(input: FormPageInput): Html {
  const byField = new Map(input.errors.map((e) => [e.field, e.message]));
  const fields = FORM_FIELDS[input.service];
  const summary =
    input.errors.length > 0 || input.formError
      ? html`<div class="dv-error-summary" role="alert" tabindex="-1" id="loi-bieu-mau">
          <h2>Biểu mẫu chưa gửi được</h2>
          ${input.formError ? html`<p>${input.formError}</p>` : ''}
          <ul>${input.errors.map((e) => html`<li><a href="#truong-${e.field}">${e.message}</a></li>`)}</ul>
        </div>`
      : '';
  const checklist = input.procedure
    ? html`<section class="dv-checklist" aria-labelledby="thanh-phan">
        <h2 id="thanh-phan">Thành phần hồ sơ cần đính kèm</h2>
        <p>Thủ tục: ${input.procedure.code} – ${input.procedure.title}</p>
        <ol>${input.procedure.documents.map((d) => html`<li>${d.name} (${d.copies} ${d.original ? 'bản chính' : 'bản sao'})</li>`)}</ol>
      </section>`
    : '';
  const consultation = input.consultation ? html`<p>Góp ý cho: <strong>${input.consultation.title}</strong></p>` : '';
  return html`<article class="dv-form-page">
    <h1>${SERVICE_LABELS[input.service]}</h1>
    ${summary}${checklist}${consultation}
    <form method="post" action="${SERVICE_PATH(input.service)}" enctype="${input.withFiles ? 'multipart/form-data' : 'application/x-www-form-urlencoded'}"
      data-congso-dich-vu="${input.service}" novalidate>
      <input type="hidden" name="idempotency-key" value="${input.idempotencyKey}" />
      <input type="hidden" name="pow-challenge" value="" />
      <input type="hidden" name="pow-nonce" value="" />
      ${fields.map((spec) => fieldInput(spec, input.values[spec.name], byField.get(spec.name)))}
      ${input.withFiles
        ? html`<div class="dv-field">
            <label for="truong-files">Tệp đính kèm</label>
            <p class="dv-hint" id="truong-files-goi-y">PDF, JPEG, PNG, DOCX hoặc ODT; mỗi tệp tối đa 10 MB, tổng cộng tối đa 30 MB, tối đa 10 tệp.</p>
            <input type="file" id="truong-files" name="files" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.odt" aria-describedby="truong-files-goi-y" />
            ${byField.get('files') ? html`<p class="dv-error">${byField.get('files')}</p>` : ''}
          </div>`
        : ''}
      <div class="dv-honeypot" aria-hidden="true">
        <label for="truong-homepage">Không điền vào ô này</label>
        <input type="text" id="truong-homepage" name="homepage" tabindex="-1" autocomplete="off" value="" />
      </div>
      <section class="dv-privacy" aria-labelledby="bao-mat">
        <h2 id="bao-mat">Thông báo về xử lý dữ liệu cá nhân</h2>
        <p>Thông tin Ông/Bà cung cấp chỉ được dùng để tiếp nhận, giải quyết và trả lời yêu cầu này (Nghị định 13/2023/NĐ-CP),
          chỉ cán bộ được phân công xử lý xem được, không công bố trên trang thông tin điện tử, và được lưu trữ trong thời hạn
          quy định rồi xoá. Thông tin của người tố cáo được giữ bí mật theo Luật Tố cáo 2018.</p>
        <p><a href="${PRIVACY_NOTICE_PATH}">Đọc đầy đủ thông báo về xử lý dữ liệu cá nhân</a> (bên kiểm soát dữ liệu, mục đích, thời hạn lưu, quyền của Ông/Bà và cách thực hiện).</p>
      </section>
      ${fieldInput({ name: 'consent', label: 'Tôi đã đọc và đồng ý với thông báo về xử lý dữ liệu cá nhân', type: 'checkbox', required: true }, input.values.consent, byField.get('consent'))}
      <p class="dv-hint">Trang dùng JavaScript để xác minh trình duyệt thay cho mã captcha; nếu trình duyệt tắt JavaScript, biểu mẫu vẫn gửi được.
        Ông/Bà cũng có thể gửi qua đường bưu điện hoặc trực tiếp tại trụ sở cơ quan.</p>
      <button type="submit">Gửi</button>
    </form>
    <script src="${SCRIPT_PATH}" defer></script>
  </article>`;
}

export function confirmationMain(input: {
  service: ServiceId;
  trackingCode: string;
  secret: string;
  acceptDueAt: number;
  hasEmail: boolean;
  conversions?: Array<{ field: string; message: string }>;
}): Html {
  const labels = new Map(FORM_FIELDS[input.service].map((f) => [f.name, f.label]));
  return html`<article class="dv-confirmation" aria-labelledby="da-nhan">
    <h1 id="da-nhan" tabindex="-1">Cơ quan đã nhận ${SERVICE_LABELS[input.service].toLowerCase()}</h1>
    <p>Vui lòng ghi lại hai mã dưới đây để tra cứu tình trạng giải quyết.</p>
    <dl class="dv-codes">
      <dt>Mã hồ sơ</dt><dd><code data-ma-ho-so>${input.trackingCode}</code></dd>
      <dt>Mã bí mật</dt><dd><code data-ma-bi-mat>${input.secret}</code></dd>
    </dl>
    <p><strong>Mã bí mật chỉ hiển thị một lần</strong>${input.hasEmail ? ' và đã được gửi vào thư điện tử của Ông/Bà' : ''}. Cơ quan không lưu và không bao giờ hỏi lại mã bí mật.</p>
    <p>Hạn xem xét thụ lý: ${dateVN(input.acceptDueAt)}.</p>
    ${input.conversions?.length
      ? html`<div class="dv-notice" role="note"><p>Về bảng mã chữ Việt (Điều 8):</p><ul>${input.conversions.map((c) => html`<li>${labels.get(c.field) ?? c.field}: ${c.message} Bản gốc được lưu trong hồ sơ.</li>`)}</ul></div>`
      : ''}
    <p><a href="${LOOKUP_PATH}">Tra cứu tình trạng giải quyết</a></p>
  </article>`;
}

export function lookupFormMain(input: { code?: string; error?: string }): Html {
  return html`<article class="dv-lookup">
    <h1>Tra cứu tình trạng giải quyết</h1>
    ${input.error ? html`<div class="dv-error-summary" role="alert"><p>${input.error}</p></div>` : ''}
    <form method="post" action="${LOOKUP_PATH}">
      <div class="dv-field"><label for="ma-ho-so">Mã hồ sơ</label>
        <input id="ma-ho-so" name="code" value="${input.code ?? ''}" autocomplete="off" required /></div>
      <div class="dv-field"><label for="ma-bi-mat">Mã bí mật</label>
        <input id="ma-bi-mat" name="secret" type="password" autocomplete="off" required /></div>
      <button type="submit">Tra cứu</button>
    </form>
  </article>`;
}

export function lookupResultMain(view: PublicCaseView, secret: string, deadline: string | null, supplementError?: string): Html {
  const { record } = view;
  const answer = [...view.events].reverse().find((e) => e.publicText && ['resolve', 'returnResult', 'approve', 'reject'].includes(e.action));
  const approvedAnswer = record.service === 'hoi-dap' && record.status === 'resolved' ? [...view.events].reverse().find((e) => e.action === 'answer') : undefined;
  const shownAnswer = approvedAnswer ?? answer;
  return html`<article class="dv-lookup-result">
    <h1 tabindex="-1">Hồ sơ ${record.trackingCode}</h1>
    <dl class="dv-summary">
      <dt>Dịch vụ</dt><dd>${SERVICE_LABELS[record.service]}</dd>
      <dt>Ngày nhận</dt><dd>${timeVN(record.receivedAt)}</dd>
      <dt>Trạng thái</dt><dd data-trang-thai="${record.status}">${STATUS_LABELS[record.status]}</dd>
      <dt>Hạn xem xét thụ lý</dt><dd>${dateVN(record.acceptDueAt)}</dd>
      ${record.resolveDueAt !== null ? html`<dt>Hạn giải quyết</dt><dd>${dateVN(record.resolveDueAt)}</dd>` : ''}
      ${deadline ? html`<dt>Tình trạng thời hạn</dt><dd>${deadline}</dd>` : ''}
    </dl>
    ${shownAnswer?.publicText ? html`<section class="dv-answer" aria-labelledby="tra-loi"><h2 id="tra-loi">Trả lời của cơ quan</h2><p class="dv-pre">${shownAnswer.publicText}</p></section>` : ''}
    <h2>Quá trình giải quyết</h2>
    <ol class="dv-timeline">
      ${view.events
        .filter((e) => !(record.service === 'hoi-dap' && e.action === 'answer' && record.status !== 'resolved'))
        .map((e) => html`<li><time>${timeVN(e.at)}</time> – ${EVENT_LABELS[e.action] ?? e.action}${e.publicText && e.action !== 'answer' ? html`<p class="dv-pre">${e.publicText}</p>` : ''}</li>`)}
    </ol>
    ${view.attachments.length
      ? html`<h2>Tệp đã nộp và kết quả</h2><ul>${view.attachments.map((a) => html`<li>${a.displayName} (${Math.ceil(a.size / 1024)} KB, ${a.source === 'citizen' ? 'công dân nộp' : 'cơ quan gửi'})</li>`)}</ul>`
      : ''}
    ${record.status === 'supplement-requested'
      ? html`<section aria-labelledby="bo-sung"><h2 id="bo-sung">Bổ sung hồ sơ</h2>
          ${supplementError ? html`<div class="dv-error-summary" role="alert"><p>${supplementError}</p></div>` : ''}
          <form method="post" action="${SUPPLEMENT_PATH}" enctype="multipart/form-data">
            <input type="hidden" name="code" value="${record.trackingCode}" />
            <input type="hidden" name="secret" value="${secret}" />
            <div class="dv-field"><label for="tep-bo-sung">Tệp bổ sung</label>
              <input type="file" id="tep-bo-sung" name="files" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.odt" required /></div>
            <button type="submit">Gửi tệp bổ sung</button>
          </form></section>`
      : ''}
  </article>`;
}
