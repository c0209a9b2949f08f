import type { Department } from '../schema/department.ts';
import { INFORMATION_ACCESS_KINDS, type InformationListEntry } from '../schema/content/information-list.ts';
import { type SectionId, VIETNAMESE_SECTIONS } from '../schema/sections.ts';
import { INFORMATION_REQUEST_LIMITS } from '../schema/service-process.ts';
import { formatDateShort } from '../text/format-date.ts';

/**
 * The page "Tiếp cận thông tin" of a department site (Luật Tiếp cận thông tin
 * 2016 Điều 17–19, 24; Nghị định 13/2018/NĐ-CP Điều 6, 8, 11; docs/adr/0048),
 * as plain data: what the site itself publishes, one row per section with
 * entries, generated at each build so the list is never behind the site; the
 * section's own entries for what is not online; the contact point; the form.
 */
export interface PublishedRow {
  label: string;
  what: string;
  count: number;
  /** "16/11/2026": the latest change in the section. */
  updated: string | null;
  href: string;
}

export interface OfflineRow {
  title: string;
  access: string;
  holder: string;
  where: string;
  legalBasis: string | null;
  href: string;
}

export interface InformationContactView {
  unit: string;
  person: string | null;
  address: string;
  phone: string;
  email: string;
  hours: string | null;
}

export interface InformationPageView {
  published: PublishedRow[];
  offline: OfflineRow[];
  contact: InformationContactView;
  /** The request form: the sixth online service. */
  requestHref: string;
  /** Whether the department runs the request form; when not, the contact point alone. */
  requestOnline: boolean;
  /** The department's declared limits in working days (the law's at most, docs/adr/0048), written as on official letters: "03". */
  limits: { available: string; answer: string; extension: string };
}

export const INFORMATION_SECTION = 'tiep-can-thong-tin' satisfies SectionId;
export const INFORMATION_REQUEST_PATH = '/dich-vu/tiep-can-thong-tin';

interface SectionSummary {
  count: number;
  updated: Date | undefined;
}

export function informationPageView(
  department: Department,
  sections: Partial<Record<SectionId, SectionSummary>>,
  own: ReadonlyArray<{ url: string; data: InformationListEntry }>,
): InformationPageView {
  const published = VIETNAMESE_SECTIONS.filter(
    (s) => s.id !== INFORMATION_SECTION && (sections[s.id]?.count ?? 0) > 0,
  ).map((s) => {
    const summary = sections[s.id]!;
    return {
      label: s.label,
      what: s.title,
      count: summary.count,
      updated: summary.updated ? formatDateShort(summary.updated) : null,
      href: `/${s.id}/`,
    };
  });
  const offline = own.map(({ url, data }) => ({
    title: data.title,
    access: INFORMATION_ACCESS_KINDS[data.access],
    holder: data.holder,
    where: data.where,
    legalBasis: data.legalBasis ?? null,
    href: url,
  }));
  const declared = department.informationContact;
  const service = department.services['tiep-can-thong-tin'];
  const days = (n: number) => String(n).padStart(2, '0');
  return {
    published,
    offline,
    contact: {
      unit: declared?.unit ?? department.name,
      person: declared?.person ?? null,
      address: declared?.address ?? department.contact.address,
      phone: declared?.phone ?? department.contact.phone,
      email: declared?.email ?? department.contact.email,
      hours: declared?.hours ?? null,
    },
    requestHref: INFORMATION_REQUEST_PATH,
    requestOnline: service.enabled,
    limits: {
      available: days(service.acceptLimit.value),
      answer: days(service.resolveLimit.value),
      // The one extension brings the whole to at most the law's 20 working days, never more than 10.
      extension: days(Math.min(10, INFORMATION_REQUEST_LIMITS.complexResolve.value - service.resolveLimit.value)),
    },
  };
}
