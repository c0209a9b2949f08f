import { COMPLAINT_KIND_LABELS, FEEDBACK_CATEGORIES, INFORMATION_DELIVERY } from '#src/schema/submission/index.ts';
import { COMPLAINT_INSTANCE_LABELS } from '#src/schema/legal-deadlines.ts';
import type { ServiceId } from '#src/schema/service-process.ts';

/**
 * The inputs of each citizen form, in the order a person fills them in. Names
 * are the schema's keys (src/schema/submission): the server validates exactly
 * what the form sends, and the messages come back keyed by the same names.
 */
export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'email' | 'tel' | 'select' | 'checkbox' | 'url' | 'hidden';
  required?: boolean;
  options?: Record<string, string>;
  hint?: string;
  autocomplete?: string;
}

const contact: FieldSpec[] = [
  {
    name: 'phone',
    label: 'Số điện thoại',
    type: 'tel',
    autocomplete: 'tel',
    hint: 'Nhập số điện thoại hoặc thư điện tử để cơ quan liên hệ.',
  },
  {
    name: 'email',
    label: 'Thư điện tử',
    type: 'email',
    autocomplete: 'email',
    hint: 'Nếu có, mỗi lần hồ sơ thay đổi trạng thái cơ quan sẽ gửi thư báo.',
  },
];

export const FORM_FIELDS: Record<ServiceId, FieldSpec[]> = {
  'khieu-nai-to-cao': [
    { name: 'kind', label: 'Loại đơn', type: 'select', required: true, options: COMPLAINT_KIND_LABELS },
    {
      name: 'instance',
      label: 'Khiếu nại lần đầu hay lần hai',
      type: 'select',
      options: COMPLAINT_INSTANCE_LABELS,
      hint: 'Chỉ với đơn khiếu nại; để trống là khiếu nại lần đầu.',
    },
    { name: 'fullName', label: 'Họ và tên', type: 'text', required: true, autocomplete: 'name' },
    { name: 'address', label: 'Địa chỉ', type: 'text', required: true, autocomplete: 'street-address' },
    {
      name: 'idNumber',
      label: 'Số định danh cá nhân (số căn cước)',
      type: 'text',
      hint: 'Bắt buộc với đơn khiếu nại và tố cáo: 12 chữ số.',
    },
    ...contact,
    { name: 'respondentName', label: 'Cơ quan, tổ chức, cá nhân bị khiếu nại, tố cáo hoặc liên quan', type: 'text' },
    { name: 'respondentAddress', label: 'Địa chỉ của cơ quan, tổ chức, cá nhân đó', type: 'text' },
    {
      name: 'contestedAct',
      label: 'Quyết định hoặc hành vi hành chính bị khiếu nại',
      type: 'text',
      hint: 'Ví dụ: Quyết định số 123/QĐ-UBND ngày 05/3/2026.',
    },
    { name: 'content', label: 'Nội dung', type: 'textarea', required: true },
    { name: 'reasons', label: 'Lý do, căn cứ', type: 'textarea', hint: 'Bắt buộc với đơn khiếu nại.' },
    { name: 'request', label: 'Yêu cầu, đề nghị', type: 'textarea', hint: 'Bắt buộc với đơn khiếu nại.' },
  ],
  'hoi-dap': [
    { name: 'fullName', label: 'Họ và tên', type: 'text', required: true, autocomplete: 'name' },
    { name: 'address', label: 'Địa chỉ', type: 'text', autocomplete: 'street-address' },
    ...contact,
    { name: 'field', label: 'Lĩnh vực', type: 'text', hint: 'Ví dụ: Hộ tịch, Lý lịch tư pháp.' },
    { name: 'title', label: 'Tiêu đề câu hỏi', type: 'text', required: true },
    { name: 'question', label: 'Nội dung câu hỏi', type: 'textarea', required: true },
    {
      name: 'allowPublication',
      label: 'Đồng ý công bố câu hỏi và câu trả lời (không kèm thông tin cá nhân) trên trang Hỏi đáp',
      type: 'checkbox',
    },
  ],
  'ho-so': [
    { name: 'procedureCode', label: 'Mã thủ tục hành chính', type: 'hidden', required: true },
    {
      name: 'applicantType',
      label: 'Người nộp hồ sơ',
      type: 'select',
      required: true,
      options: { 'ca-nhan': 'Cá nhân', 'to-chuc': 'Tổ chức' },
    },
    {
      name: 'fullName',
      label: 'Họ và tên người nộp (hoặc người đại diện)',
      type: 'text',
      required: true,
      autocomplete: 'name',
    },
    { name: 'idNumber', label: 'Số định danh cá nhân (với cá nhân)', type: 'text' },
    { name: 'organisationName', label: 'Tên tổ chức (với tổ chức)', type: 'text', autocomplete: 'organization' },
    { name: 'taxCode', label: 'Mã số thuế (với tổ chức)', type: 'text' },
    { name: 'address', label: 'Địa chỉ', type: 'text', required: true, autocomplete: 'street-address' },
    ...contact,
    { name: 'note', label: 'Ghi chú', type: 'textarea' },
  ],
  'gop-y-du-thao': [
    { name: 'consultation', label: 'Dự thảo', type: 'hidden', required: true },
    { name: 'fullName', label: 'Họ và tên', type: 'text', required: true, autocomplete: 'name' },
    { name: 'organisation', label: 'Cơ quan, tổ chức', type: 'text', autocomplete: 'organization' },
    ...contact,
    { name: 'provision', label: 'Điều, khoản góp ý', type: 'text', hint: 'Ví dụ: Điều 5, khoản 2.' },
    { name: 'comment', label: 'Nội dung góp ý', type: 'textarea', required: true },
    { name: 'publishName', label: 'Đồng ý công khai họ tên cùng ý kiến trong bản tổng hợp', type: 'checkbox' },
  ],
  'phan-hoi-website': [
    { name: 'category', label: 'Loại góp ý', type: 'select', required: true, options: FEEDBACK_CATEGORIES },
    { name: 'pageUrl', label: 'Địa chỉ trang liên quan', type: 'url' },
    { name: 'message', label: 'Nội dung góp ý', type: 'textarea', required: true },
    { name: 'fullName', label: 'Họ và tên', type: 'text', autocomplete: 'name' },
    { name: 'email', label: 'Thư điện tử để nhận phản hồi', type: 'email', autocomplete: 'email' },
  ],
  // Luật Tiếp cận thông tin 2016 Điều 24, Nghị định 13/2018/NĐ-CP Mẫu số 01.
  'tiep-can-thong-tin': [
    { name: 'fullName', label: 'Họ và tên người yêu cầu', type: 'text', required: true, autocomplete: 'name' },
    { name: 'address', label: 'Nơi cư trú', type: 'text', required: true, autocomplete: 'street-address' },
    { name: 'idNumber', label: 'Số định danh cá nhân (số căn cước)', type: 'text', required: true, hint: '12 chữ số.' },
    ...contact,
    {
      name: 'information',
      label: 'Thông tin được yêu cầu',
      type: 'textarea',
      required: true,
      hint: 'Tên văn bản, hồ sơ, tài liệu; số, ký hiệu, ngày ban hành, cơ quan ban hành nếu biết.',
    },
    {
      name: 'purpose',
      label: 'Mục đích yêu cầu',
      type: 'textarea',
      hint: 'Bắt buộc khi yêu cầu thông tin được tiếp cận có điều kiện (Điều 7 Luật Tiếp cận thông tin).',
    },
    {
      name: 'delivery',
      label: 'Hình thức nhận thông tin',
      type: 'select',
      required: true,
      options: INFORMATION_DELIVERY,
    },
  ],
};

/** URL segments of the services: the ids are already Vietnamese. */
export const SERVICE_PATH = (service: ServiceId) => `/dich-vu/${service}`;
export const LOOKUP_PATH = '/tra-cuu/';
export const SUPPLEMENT_PATH = '/tra-cuu/bo-sung';
/** The scan of the signed letter (docs/adr/0057). */
export const SIGNED_LETTER_PATH = '/tra-cuu/don-ky';
/** The rating form of the look-up page (docs/adr/0058). */
export const LOOKUP_RATING_PATH = '/tra-cuu/danh-gia';
export const CHALLENGE_PATH = '/dich-vu/thu-thach';
export const SCRIPT_PATH = '/dich-vu/tai-nguyen/bieu-mau.js';
export const STYLE_PATH = '/dich-vu/tai-nguyen/dich-vu.css';
