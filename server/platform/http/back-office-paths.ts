/** The back office's Vietnamese URLs, in one place so pages, redirects and tests agree. */
export const BACK_OFFICE_PREFIX = '/quan-tri';

export const BACK_OFFICE_PATHS = {
  home: `${BACK_OFFICE_PREFIX}/`,
  signIn: `${BACK_OFFICE_PREFIX}/dang-nhap`,
  changePassword: `${BACK_OFFICE_PREFIX}/doi-mat-khau`,
  signOut: `${BACK_OFFICE_PREFIX}/dang-xuat`,
  accounts: `${BACK_OFFICE_PREFIX}/tai-khoan`,
  audit: `${BACK_OFFICE_PREFIX}/nhat-ky`,
  stylesheet: `${BACK_OFFICE_PREFIX}/tai-nguyen/quan-tri.css`,
  api: `${BACK_OFFICE_PREFIX}/api`,
} as const;

/** Per-account action slugs, shared by the form routes and the JSON API. */
export const ACCOUNT_ACTION_SLUGS = {
  disable: 'vo-hieu-hoa',
  enable: 'kich-hoat',
  'reset-password': 'cap-lai-mat-khau',
  'change-role': 'vai-tro',
  'assign-sections': 'chuyen-muc',
  delegate: 'uy-quyen',
  'set-email': 'thu-cong-vu',
} as const;

export function accountPath(username: string, action?: keyof typeof ACCOUNT_ACTION_SLUGS): string {
  const base = `${BACK_OFFICE_PATHS.accounts}/${encodeURIComponent(username)}`;
  return action ? `${base}/${ACCOUNT_ACTION_SLUGS[action]}` : base;
}

/**
 * Only back-office paths are followed after sign-in: never an absolute URL or "//host" (open redirect),
 * nor whitespace or control characters, which browsers drop from a Location before reading it.
 */
export function safeReturnPath(candidate: string | undefined): string {
  if (
    !candidate?.startsWith(`${BACK_OFFICE_PREFIX}/`) ||
    candidate.startsWith('//') ||
    /[\\\s\u0000-\u001f\u007f]/.test(candidate)
  ) {
    return BACK_OFFICE_PATHS.home;
  }
  if (candidate.startsWith(BACK_OFFICE_PATHS.signIn) || candidate.startsWith(BACK_OFFICE_PATHS.signOut))
    return BACK_OFFICE_PATHS.home;
  return candidate.slice(0, 200);
}
