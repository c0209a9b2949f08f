import { t } from './vi.ts';

/** Short confirmations carried in a redirect's query string; only these fixed texts can appear. */
const NOTICE_KEYS = ['da-dang-xuat', 'da-doi-mat-khau', 'da-vo-hieu-hoa', 'da-kich-hoat', 'da-luu'] as const;
type NoticeKey = (typeof NOTICE_KEYS)[number];

export function noticeFor(key: string | undefined, username: string | undefined): string | undefined {
  const safeUsername = username && /^[a-z0-9]{1,64}$/.test(username) ? username : '';
  return key && (NOTICE_KEYS as readonly string[]).includes(key)
    ? t(`notice.${key as NoticeKey}`, { username: safeUsername })
    : undefined;
}

export function withNotice(path: string, key: NoticeKey, username?: string): string {
  return `${path}?thong-bao=${key}${username ? `&tk=${encodeURIComponent(username)}` : ''}`;
}
