import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { SERVICE_IDS, SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import { FINAL_STATUSES, type TransitionName } from '../case-workflow.ts';
import type { OfficerCaseView } from '../case-office-service.ts';
import { CASE_STATUSES, type CaseRecord } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import { DEADLINE_LABELS, EVENT_LABELS, STATUS_LABELS, TRANSITION_BUTTONS, TRANSITION_SLUGS } from './case-labels.ts';
import { layout } from '#server/platform/ui/layout.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const CASES_PATH = '/quan-tri/ho-so';
export const casePath = (id: string) => `${CASES_PATH}/${encodeURIComponent(id)}`;

const time = (ms: number | null) =>
  ms === null ? '' : new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));

const FIELD_LABELS: Record<string, string> = {
  kind: 'Loại đơn', fullName: 'Họ và tên', address: 'Địa chỉ', idNumber: 'Số định danh', phone: 'Điện thoại', email: 'Thư điện tử',
  respondentName: 'Đối tượng bị khiếu nại, tố cáo / liên quan', respondentAddress: 'Địa chỉ đối tượng', contestedAct: 'Quyết định, hành vi bị khiếu nại',
  content: 'Nội dung', reasons: 'Lý do, căn cứ', request: 'Yêu cầu', field: 'Lĩnh vực', title: 'Tiêu đề', question: 'Câu hỏi',
  allowPublication: 'Đồng ý công bố', procedureCode: 'Mã thủ tục', applicantType: 'Người nộp', organisationName: 'Tổ chức', taxCode: 'Mã số thuế',
  note: 'Ghi chú', consultation: 'Dự thảo', organisation: 'Cơ quan, tổ chức', provision: 'Điều, khoản', comment: 'Góp ý',
  publishName: 'Công khai họ tên', category: 'Loại góp ý', pageUrl: 'Trang liên quan', message: 'Nội dung', consent: 'Đồng ý xử lý dữ liệu',
  consentedAt: 'Thời điểm đồng ý',
};

export interface QueuePageInput {
  site: Site;
  account: AccountRecord;
  title: string;
  rows: Array<{ record: CaseRecord; deadline: keyof typeof DEADLINE_LABELS | null }>;
  filters: { service?: string; status?: string; mine?: boolean };
  isHead: boolean;
}

export function queuePage(input: QueuePageInput): Html {
  const body = html`<h1>${input.title}</h1>
    <p><a href="${CASES_PATH}/">Tất cả</a> · <a href="${CASES_PATH}/qua-han">Quá hạn</a> · <a href="${CASES_PATH}/?cua-toi=1">Được phân công cho tôi</a>
      ${input.isHead ? html` · <a href="${CASES_PATH}/phan-quyen">Phân công dịch vụ cho cán bộ</a>` : ''}</p>
    <form method="get" action="${CASES_PATH}/" class="filters">
      <label for="loc-dich-vu">Dịch vụ</label>
      <select id="loc-dich-vu" name="dich-vu"><option value="">Tất cả</option>
        ${SERVICE_IDS.map((s) => html`<option value="${s}" ${input.filters.service === s ? 'selected' : ''}>${SERVICE_LABELS[s]}</option>`)}</select>
      <label for="loc-trang-thai">Trạng thái</label>
      <select id="loc-trang-thai" name="trang-thai"><option value="">Tất cả</option>
        ${CASE_STATUSES.map((s) => html`<option value="${s}" ${input.filters.status === s ? 'selected' : ''}>${STATUS_LABELS[s]}</option>`)}</select>
      <button type="submit">Lọc</button>
    </form>
    ${input.rows.length === 0
      ? html`<p>Không có hồ sơ nào.</p>`
      : html`<table>
          <caption>Danh sách hồ sơ (cũ nhất trước)</caption>
          <thead><tr><th scope="col">Mã</th><th scope="col">Dịch vụ</th><th scope="col">Nội dung</th><th scope="col">Trạng thái</th><th scope="col">Hạn</th></tr></thead>
          <tbody>${input.rows.map(
            ({ record, deadline }) => html`<tr data-ma="${record.trackingCode}">
              <td><a href="${casePath(record.id)}">${record.trackingCode}</a></td>
              <td>${SERVICE_LABELS[record.service]}</td>
              <td>${record.subject}</td>
              <td>${STATUS_LABELS[record.status]}</td>
              <td>${record.dueAt ? html`${time(record.dueAt)} ${deadline ? html`<strong class="deadline-${deadline}">${DEADLINE_LABELS[deadline]}</strong>` : ''}` : '—'}</td>
            </tr>`,
          )}</tbody>
        </table>`}`;
  return layout({ title: input.title, site: input.site, account: input.account }, body);
}

function actionForm(view: OfficerCaseView, name: TransitionName, officers: Array<{ id: string; name: string }>): Html {
  const action = `${casePath(view.record.id)}/${TRANSITION_SLUGS[name]}`;
  const version = html`<input type="hidden" name="version" value="${view.record.version}" />`;
  const id = (s: string) => `${name}-${s}`;
  const needsText = ['reject', 'requestSupplement', 'resolve', 'answer', 'returnResult'].includes(name);
  return html`<form method="post" action="${action}" class="case-action" ${name === 'returnResult' || name === 'resolve' ? html`enctype="multipart/form-data"` : ''}>
    <fieldset><legend>${TRANSITION_BUTTONS[name]}</legend>
      ${version}
      ${name === 'assign'
        ? html`<label for="${id('can-bo')}">Cán bộ</label>
            <select id="${id('can-bo')}" name="assigneeId" required>${officers.map((o) => html`<option value="${o.id}">${o.name}</option>`)}</select>`
        : ''}
      ${name !== 'note' && name !== 'assign'
        ? html`<label for="${id('tra-loi')}">${needsText ? 'Nội dung gửi công dân (bắt buộc)' : 'Nội dung gửi công dân (không bắt buộc)'}</label>
            <textarea id="${id('tra-loi')}" name="publicText" rows="4" ${needsText ? 'required' : ''}></textarea>`
        : ''}
      ${name === 'returnResult' || name === 'resolve'
        ? html`<label for="${id('tep')}">Tệp kết quả (không bắt buộc)</label><input type="file" id="${id('tep')}" name="files" multiple />`
        : ''}
      <label for="${id('ghi-chu')}">Ghi chú nội bộ${name === 'note' ? ' (bắt buộc)' : ' (chỉ cán bộ xem)'}</label>
      <textarea id="${id('ghi-chu')}" name="internalNote" rows="2" ${name === 'note' ? 'required' : ''}></textarea>
      <button type="submit" data-hanh-dong="${name}">${TRANSITION_BUTTONS[name]}</button>
    </fieldset>
  </form>`;
}

export function casePage(input: { site: Site; account: AccountRecord; view: OfficerCaseView; officers: Array<{ id: string; name: string }>; error?: string }): Html {
  const { view } = input;
  const { record } = view;
  const body = html`<h1>Hồ sơ ${record.trackingCode}</h1>
    ${input.error ? html`<div class="error-summary" role="alert"><p>${input.error}</p></div>` : ''}
    <dl>
      <dt>Dịch vụ</dt><dd>${SERVICE_LABELS[record.service]}</dd>
      <dt>Nội dung</dt><dd>${record.subject}</dd>
      <dt>Trạng thái</dt><dd data-trang-thai="${record.status}">${STATUS_LABELS[record.status]}</dd>
      <dt>Ngày nhận</dt><dd>${time(record.receivedAt)}</dd>
      <dt>Hạn thụ lý</dt><dd>${time(record.acceptDueAt)}</dd>
      ${record.resolveDueAt ? html`<dt>Hạn giải quyết</dt><dd>${time(record.resolveDueAt)}${record.complex ? ' (vụ việc phức tạp)' : ''}</dd>` : ''}
      ${view.deadline ? html`<dt>Thời hạn</dt><dd><strong>${DEADLINE_LABELS[view.deadline]}</strong></dd>` : ''}
    </dl>
    <h2>Thông tin trong đơn</h2>
    <dl class="case-payload">
      ${Object.entries(view.payload)
        .filter(([k]) => k !== 'consent')
        .map(([k, v]) => html`<dt>${FIELD_LABELS[k] ?? k}</dt><dd class="pre" data-truong="${k}">${k === 'consentedAt' ? time(Number(v)) : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : String(v)}</dd>`)}
    </dl>
    <h2>Tệp đính kèm</h2>
    ${view.attachments.length
      ? html`<ul>${view.attachments.map((a) => html`<li><a href="${casePath(record.id)}/tep/${a.id}" download>${a.displayName}</a> (${Math.ceil(a.size / 1024)} KB, ${a.source === 'citizen' ? 'công dân nộp' : 'cán bộ tải lên'})</li>`)}</ul>`
      : html`<p>Không có tệp.</p>`}
    <h2>Quá trình xử lý</h2>
    <ol>${view.events.map(
      (e) => html`<li><strong>${EVENT_LABELS[e.action] ?? e.action}</strong> – ${time(e.at)}${e.actorName ? ` – ${e.actorName}` : ''}
        ${e.publicText ? html`<p class="pre">Gửi công dân: ${e.publicText}</p>` : ''}
        ${e.internalNote ? html`<p class="pre">Ghi chú nội bộ: ${e.internalNote}</p>` : ''}
        ${e.details.assignee ? html`<p>Phân công: ${String(e.details.assignee)}</p>` : ''}</li>`,
    )}</ol>
    ${FINAL_STATUSES.includes(record.status) && view.transitions.length <= 1 ? html`<p>Hồ sơ đã kết thúc.</p>` : ''}
    <h2>Thao tác</h2>
    ${view.transitions.map((name) => actionForm(view, name, input.officers))}`;
  return layout({ title: `Hồ sơ ${record.trackingCode}`, site: input.site, account: input.account }, body);
}

export function grantsPage(input: { site: Site; account: AccountRecord; officers: Array<{ account: AccountRecord; services: ServiceId[] }> }): Html {
  const body = html`<h1>Phân công dịch vụ cho cán bộ</h1>
    <p>Cán bộ được giao dịch vụ nào thì thấy hàng chờ chưa phân công của dịch vụ đó và các hồ sơ được phân công cho mình (Điều 15).</p>
    ${input.officers
      .filter((o) => o.account.role !== 'head')
      .map(
        (o) => html`<form method="post" action="${CASES_PATH}/phan-quyen/${o.account.id}">
          <fieldset><legend>${o.account.fullName} (${o.account.username})</legend>
            ${SERVICE_IDS.map(
              (s) => html`<label><input type="checkbox" name="services" value="${s}" ${o.services.includes(s) ? 'checked' : ''} /> ${SERVICE_LABELS[s]}</label>`,
            )}
            <button type="submit">Lưu</button>
          </fieldset>
        </form>`,
      )}`;
  return layout({ title: 'Phân công dịch vụ', site: input.site, account: input.account }, body);
}
