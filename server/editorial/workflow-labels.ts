/**
 * The words of the editorial workflow (Điều 19) as a board member reads them:
 * each step an entry goes through, and each state it can be in. The
 * refusals (errors.ts) and the entry's history page say them the same way.
 */

export const EVENT_LABELS = {
  create: 'nhập mới',
  edit: 'chỉnh sửa',
  submit: 'gửi xác thực',
  withdraw: 'rút lại bài đã gửi',
  verify: 'xác thực',
  return: 'trả lại để sửa',
  publish: 'đăng tải',
  'publish-urgently': 'đăng tải khẩn',
  'review-urgent': 'rà soát bài đăng khẩn',
  unpublish: 'gỡ bài đã đăng',
  discard: 'huỷ bài chưa đăng',
  delete: 'xoá bài đã đăng',
  // docs/adr/0049: the server's own step, at a moment the entry carries; no person acts.
  'change-on-time': 'cập nhật trang đúng thời điểm đã định',
  'upload-media': 'tải tệp lên trang',
  'delete-media': 'xoá tệp của trang',
  read: 'xem bài chưa đăng',
} as const;
export type EventName = keyof typeof EVENT_LABELS;

export const STATE_LABELS = {
  draft: 'Nhập mới',
  'in-review': 'Chờ xác thực',
  ready: 'Đã xác thực',
  published: 'Đã đăng tải',
} as const;
export type WorkflowState = keyof typeof STATE_LABELS;
