import type { TransitionName } from '../case-workflow.ts';
import type { CaseStatus } from '#server/platform/storage/case-records.ts';

/** Vietnamese names of what citizens and officers see of a case: statuses, actions, deadline flags. */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: 'Đã nhận đơn, chờ xem xét',
  received: 'Đã tiếp nhận hồ sơ',
  'supplement-requested': 'Đề nghị bổ sung hồ sơ',
  accepted: 'Đã thụ lý',
  rejected: 'Không thụ lý / từ chối',
  'in-progress': 'Đang xác minh, xử lý',
  'awaiting-approval': 'Đã soạn trả lời, chờ lãnh đạo duyệt',
  resolved: 'Đã giải quyết, có trả lời',
};

/** Lines of the citizen's timeline (received, accepted or not, assigned, verifying, resolved, answer). */
export const EVENT_LABELS: Record<string, string> = {
  submit: 'Đã nhận đơn trực tuyến',
  receive: 'Cán bộ đã tiếp nhận hồ sơ',
  requestSupplement: 'Đề nghị bổ sung hồ sơ',
  supplement: 'Công dân đã bổ sung hồ sơ',
  accept: 'Đã thụ lý',
  reject: 'Không thụ lý',
  assign: 'Đã phân công cán bộ xử lý',
  startVerification: 'Đang xác minh nội dung',
  declareComplex: 'Vụ việc phức tạp: gia hạn thời hạn giải quyết',
  answer: 'Đã soạn câu trả lời',
  approve: 'Lãnh đạo đã duyệt câu trả lời',
  sendBack: 'Lãnh đạo yêu cầu chỉnh sửa câu trả lời',
  resolve: 'Đã giải quyết, có trả lời',
  returnResult: 'Đã trả kết quả',
  note: 'Ghi chú nội bộ',
};

export const TRANSITION_BUTTONS: Record<TransitionName, string> = {
  receive: 'Tiếp nhận hồ sơ',
  requestSupplement: 'Yêu cầu bổ sung',
  supplement: 'Bổ sung hồ sơ',
  accept: 'Thụ lý / chấp nhận',
  reject: 'Không thụ lý / từ chối (nêu lý do)',
  assign: 'Phân công',
  startVerification: 'Bắt đầu xác minh',
  declareComplex: 'Xác định vụ việc phức tạp (gia hạn)',
  answer: 'Gửi câu trả lời để lãnh đạo duyệt',
  approve: 'Duyệt và công bố',
  sendBack: 'Trả lại để chỉnh sửa',
  resolve: 'Giải quyết và trả lời',
  returnResult: 'Trả kết quả',
  note: 'Thêm ghi chú nội bộ',
};

/** URL segments of the transitions, Vietnamese like every other address. */
export const TRANSITION_SLUGS: Record<TransitionName, string> = {
  receive: 'tiep-nhan',
  requestSupplement: 'yeu-cau-bo-sung',
  supplement: 'bo-sung',
  accept: 'thu-ly',
  reject: 'tu-choi',
  assign: 'phan-cong',
  startVerification: 'xac-minh',
  declareComplex: 'phuc-tap',
  answer: 'tra-loi',
  approve: 'duyet',
  sendBack: 'tra-lai',
  resolve: 'giai-quyet',
  returnResult: 'tra-ket-qua',
  note: 'ghi-chu',
};

export const DEADLINE_LABELS = { 'on-time': 'Trong hạn', 'due-soon': 'Sắp đến hạn', overdue: 'Quá hạn' } as const;
