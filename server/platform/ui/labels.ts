import type { AccountStatus, AuditAction } from '../storage/records.ts';

export const STATUS_LABELS: Record<AccountStatus, string> = {
  active: 'Đang hoạt động',
  disabled: 'Đã vô hiệu hóa',
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'sign-in': 'Đăng nhập',
  'sign-in-failed': 'Đăng nhập không thành công',
  'sign-in-throttled': 'Đăng nhập bị tạm chặn',
  'sign-out': 'Đăng xuất',
  'password-changed': 'Đổi mật khẩu',
  'account-created': 'Tạo tài khoản',
  'account-disabled': 'Vô hiệu hóa tài khoản',
  'account-enabled': 'Kích hoạt lại tài khoản',
  'password-reset': 'Cấp lại mật khẩu',
  'role-changed': 'Đổi vai trò',
  'sections-assigned': 'Phân công chuyên mục',
  'rights-delegated': 'Ủy quyền',
  'email-changed': 'Đổi hộp thư công vụ',
  'action-refused': 'Thao tác bị từ chối',
  'department-created': 'Lập trang đơn vị',
  'department-renamed': 'Đổi tên đơn vị',
  'department-removed': 'Gỡ trang đơn vị',
};

export const DELEGATION_LABELS = { verify: 'Xác thực tin (bước 2)', publish: 'Đăng tải tin (bước 3)' } as const;

/** "29/11/2026 10:40:05", in Vietnam's time zone whatever the server's. */
export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(ms));
}
