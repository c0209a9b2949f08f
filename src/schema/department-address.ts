import { foldVietnamese } from '../text/fold.ts';
import type { Province } from './province.ts';

/**
 * Điều 3: a site's address is <so + tên_đơn_vị>.thuathienhue.gov.vn or
 * <s + tên_đơn_vị>.hue.gov.vn, the unit name abbreviated without diacritics.
 * Practice in the province (sotuphap, soyte, sokhdt, sogddt, sotttt): a
 * one-concept name runs its syllables together; names joined by "và" take
 * the initial of every syllable.
 */
const UNIT_PREFIXES = ['sở', 'ban'];

/** "Sở Tư pháp" → "Tư pháp"; the type of unit is not part of the abbreviation. */
export function shortNameOf(name: string): string {
  const lower = name.toLocaleLowerCase('vi');
  for (const prefix of UNIT_PREFIXES) {
    if (lower.startsWith(`${prefix} `)) {
      return name.slice(prefix.length + 1).trim();
    }
  }
  return name.trim();
}

function syllables(text: string): string[] {
  return foldVietnamese(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function deriveAbbreviation(name: string): string {
  const parts = shortNameOf(name).split(/\s+(?:và|&)\s+/iu);
  if (parts.length > 1) {
    return parts
      .flatMap(syllables)
      .map((s) => s[0])
      .join('');
  }
  return syllables(parts[0]!).join('');
}

export function deriveDomains(abbr: string, province: Pick<Province, 'domains'>): string[] {
  return province.domains.map((p) => `${p.prefix}${abbr}.${p.suffix}`);
}

/** The site id is the canonical host's first label: "sotuphap". */
export function deriveSiteId(abbr: string, province: Pick<Province, 'domains'>): string {
  return `${province.domains[0]!.prefix}${abbr}`;
}
