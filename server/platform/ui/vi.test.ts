import { describe, expect, it } from 'vitest';
import { ACCOUNT_ADMIN_TEXT } from './vi/account-admin.ts';
import { ACCOUNTS_TEXT } from './vi/accounts.ts';
import { CASE_OFFICE_TEXT } from './vi/case-office.ts';
import { CASES_TEXT } from './vi/cases.ts';
import { CITIZEN_SERVICES_TEXT } from './vi/citizen-services.ts';
import { EDITORIAL_TEXT } from './vi/editorial.ts';
import { FRAME_TEXT } from './vi/frame.ts';
import { REPORTS_TEXT } from './vi/reports.ts';
import { t, tOr } from './vi.ts';

const PARTS = {
  FRAME_TEXT,
  ACCOUNTS_TEXT,
  ACCOUNT_ADMIN_TEXT,
  CASES_TEXT,
  CASE_OFFICE_TEXT,
  CITIZEN_SERVICES_TEXT,
  REPORTS_TEXT,
  EDITORIAL_TEXT,
};

describe('the server’s Vietnamese catalogue', () => {
  it('defines each key in one part only, so no text silently replaces another', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, texts] of Object.entries(PARTS)) {
      for (const key of Object.keys(texts)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${part})`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it('is written in Unicode NFC, as every text the platform shows (Điều 8)', () => {
    const notNfc = Object.values(PARTS)
      .flatMap((texts) => Object.entries(texts))
      .filter(([, text]) => text !== text.normalize('NFC'));
    expect(notNfc).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible rather than blank', () => {
    expect(t('case.title', { code: 'STP-2026-7KQ4-M9' })).toBe('Hồ sơ STP-2026-7KQ4-M9');
    expect(t('case.title')).toBe('Hồ sơ {code}');
  });

  it('shows a stored value it has no label for as it is', () => {
    expect(tOr('audit.action.sign-in', 'sign-in')).toBe('Đăng nhập');
    expect(tOr('audit.action.retired-action', 'retired-action')).toBe('retired-action');
  });
});
