import type { Entry } from '../content-source/entries.ts';
import type { ContentProblem } from '../content-source/problems.ts';
import type { SiteContent } from '../content-source/validate.ts';
import { ENGLISH_TOPIC_IDS, ENGLISH_TOPIC_NAMES, type EnglishPageEntry } from '../schema/content/english-page.ts';
import { ENGLISH_SECTION } from '../schema/sections.ts';
import { formatDateShort } from '../text/site-format.ts';

/**
 * The English pages against the Vietnamese they translate
 * (Nghị định 42/2022/NĐ-CP; docs/adr/0023-english-pages.md).
 *
 * A translation of a page that does not exist is a broken link, refused like
 * any other. A missing or out-of-date translation is only reported: the
 * Vietnamese page is the reference and must never wait for its English
 * version, so `npm run check` names the department without failing the build.
 */

const englishOf = (site: SiteContent) => site.entries.filter((e): e is Entry<'en'> => e.section === ENGLISH_SECTION);
const changedAt = (e: Entry) => {
  const d = e.data as { date: Date; updated?: Date };
  return d.updated ?? d.date;
};

/** The Vietnamese entries a path stands for: one entry, or every entry of a section page. */
function vietnameseOf(site: SiteContent, path: string): Entry[] | undefined {
  const [section, slug] = path.split('/').filter(Boolean);
  const inSection = site.entries.filter((e) => e.section === section && e.section !== ENGLISH_SECTION);
  if (slug === undefined) return inSection.length ? inSection : undefined;
  const entry = inSection.find((e) => e.slug === slug);
  return entry ? [entry] : undefined;
}

/** Blocking: an English page must name a Vietnamese page of its site. */
export function translationTargetProblems(sites: SiteContent[]): ContentProblem[] {
  return sites.flatMap((site) =>
    englishOf(site)
      .filter((e) => !vietnameseOf(site, e.data.translationOf))
      .map((e) => ({
        file: e.file,
        field: 'translationOf',
        kind: 'broken-translation',
        message: `Trang tiếng Việt "${e.data.translationOf}" không có trên trang này: hãy ghi địa chỉ một bài (ví dụ /gioi-thieu/lanh-dao/) hoặc một chuyên mục.`,
      })),
  );
}

export interface EnglishPagesFinding {
  site: string;
  kind: 'missing-name' | 'missing-page' | 'outdated';
  /** The English entry concerned, or the site file. */
  file: string;
  message: string;
}

/** What a department still owes in English; empty when its English pages are complete and current. */
export function englishPagesFindings(sites: SiteContent[]): EnglishPagesFinding[] {
  const findings: EnglishPagesFinding[] = [];
  for (const site of sites) {
    const id = site.department.id;
    if (!site.department.english) {
      findings.push({
        site: id,
        kind: 'missing-name',
        file: `sites/${id}.yaml`,
        message: 'chưa có tên tiếng Anh của đơn vị (mục english.name).',
      });
    }
    const english = englishOf(site);
    for (const topic of ENGLISH_TOPIC_IDS) {
      if (!english.some((e) => (e.data as EnglishPageEntry).topic === topic)) {
        findings.push({
          site: id,
          kind: 'missing-page',
          file: `content/${id}/${ENGLISH_SECTION}/`,
          message: `chưa có trang tiếng Anh "${ENGLISH_TOPIC_NAMES[topic]}".`,
        });
      }
    }
    for (const entry of english) {
      const originals = vietnameseOf(site, entry.data.translationOf) ?? [];
      const latest = originals.reduce<Entry | undefined>(
        (a, b) => (!a || changedAt(b) > changedAt(a) ? b : a),
        undefined,
      );
      if (latest && changedAt(latest) > changedAt(entry)) {
        findings.push({
          site: id,
          kind: 'outdated',
          file: entry.file,
          message: `bản tiếng Anh (${formatDateShort(changedAt(entry))}) cũ hơn trang tiếng Việt ${entry.data.translationOf} (${formatDateShort(changedAt(latest))}, ${latest.file}).`,
        });
      }
    }
  }
  return findings;
}
