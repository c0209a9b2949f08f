import { t, type UiKey } from './vi.ts';
import { tEn, type SharedKey } from './en.ts';

/** The languages of a department site: Vietnamese, the reference, and the English pages under `/en/`. */
export type Lang = 'vi' | 'en';

export type Translate = (key: SharedKey, vars?: Record<string, string | number>) => string;

/** The strings of the page frame in the page's language. */
export function ui(lang: Lang): Translate {
  return lang === 'en' ? tEn : (key, vars) => t(key as UiKey, vars);
}

/** `og:locale` of each language. */
export const OG_LOCALE: Record<Lang, string> = { vi: 'vi_VN', en: 'en_GB' };
