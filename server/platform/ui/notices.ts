/** Short confirmations carried in a redirect's query string; only these fixed texts can appear. */
const NOTICES: Record<string, (username: string) => string> = {
  'da-dang-xuat': () => 'Bạn đã đăng xuất.',
  'da-doi-mat-khau': () => 'Đã đổi mật khẩu.',
  'da-vo-hieu-hoa': (u) => `Đã vô hiệu hóa tài khoản ${u}; mọi phiên đăng nhập của tài khoản đã kết thúc.`,
  'da-kich-hoat': (u) => `Đã kích hoạt lại tài khoản ${u}.`,
  'da-luu': (u) => `Đã lưu thay đổi cho tài khoản ${u}.`,
};

export function noticeFor(key: string | undefined, username: string | undefined): string | undefined {
  const safeUsername = username && /^[a-z0-9]{1,64}$/.test(username) ? username : '';
  return key && Object.hasOwn(NOTICES, key) ? NOTICES[key](safeUsername) : undefined;
}

export function withNotice(path: string, key: string, username?: string): string {
  return `${path}?thong-bao=${key}${username ? `&tk=${encodeURIComponent(username)}` : ''}`;
}
