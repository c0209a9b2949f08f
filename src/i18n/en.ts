import type { Department } from '../schema/department.ts';
import { fill, type UiKey } from './vi.ts';

/**
 * The strings of the English pages (Nghị định 42/2022/NĐ-CP;
 * docs/adr/0023-english-pages.md). Keys shared with `vi.ts` are those the
 * page frame (header, footer, breadcrumb) shows in both languages; `en.*`
 * keys belong to the English pages alone.
 */
const EN = {
  'site.province': 'Thua Thien Hue Provincial People’s Committee',
  'site.titleSuffix': '{department}, {province} Province',
  'site.home': 'Home',

  'skipLink.label': 'Skip to main content',
  'nav.label': 'English pages',
  'nav.toggle': 'Menu',
  'breadcrumb.label': 'Breadcrumb',

  'search.label': 'Search',
  'search.headerLabel': 'Search the English pages',
  'search.inputLabel': 'Search terms',
  'search.placeholder': 'For example: functions',
  'search.boxPlaceholder': 'Organisation, services…',
  'search.submit': 'Search',
  'search.title': 'Search',
  'search.description': 'Search the English pages of the {department}.',
  'search.filters': 'Narrow the results',
  'search.section': 'Page',
  'search.any': 'All',
  'search.results': 'Search results',
  'search.noscript':
    'Your browser has JavaScript turned off, so searching by keyword is not available. You can still read:',
  'search.found': '{count} results found.',
  'search.none': 'No results. Try a shorter word.',
  'search.loading': 'Searching…',
  'search.error': 'Search could not be loaded. Please try again in a few minutes.',
  'search.more': 'Show more results',

  'footer.contact': 'Contact',
  'footer.address': 'Address',
  'footer.phone': 'Telephone',
  'footer.fax': 'Fax',
  'footer.email': 'E-mail',
  'footer.domains': 'Website addresses',
  'footer.owner': 'Owner',
  'footer.operator': 'Operated by',
  'footer.legal':
    'Official website under Decision 2567/2007/QĐ-UBND of the Thua Thien Hue Provincial People’s Committee. The Vietnamese pages are the reference.',
  'footer.about': 'About this website',
  'footer.accessibility': 'Accessibility statement (in Vietnamese)',
  'footer.privacy': 'Personal data notice (in Vietnamese)',
  'footer.openData': 'Open data (in Vietnamese)',
  'footer.feeds': 'Atom feed of new information',

  'lang.switch': 'Tiếng Việt',

  'page.updated': 'Last updated',

  'en.pages': 'About the department',
  'en.intro':
    'Basic information in English about the {department}. The Vietnamese website is the reference; some documents and forms exist in Vietnamese only.',
  'en.vietnameseSite': 'Go to the Vietnamese website',
  'en.translationOf': 'This page translates',
  'en.leaders': 'Leadership',
  'en.contact': 'Contact details',
  'en.onlineServices': 'Online public services of this website',
  'en.servicesNote': 'The forms are in Vietnamese.',
  'en.lookup': 'Look up a request you sent',
  'en.procedures': 'Administrative procedures offered online',
  'en.procedureCode': 'Procedure code',
  'en.onlineLevel.toan-trinh': 'fully online',
  'en.onlineLevel.mot-phan': 'partly online',
  'en.noPages': 'The English pages of this department are being prepared.',

  'en.service.khieu-nai-to-cao': 'Complaints, denunciations, reports and petitions',
  'en.service.hoi-dap': 'Questions on policy and law',
  'en.service.ho-so': 'Submitting an application for an administrative procedure',
  'en.service.gop-y-du-thao': 'Comments on draft documents',
  'en.service.phan-hoi-website': 'Feedback on this website',
  'en.service.tiep-can-thong-tin': 'Requests for information (Law on Access to Information 2016)',
} as const;

export type EnKey = keyof typeof EN;
/** What a component shared by the Vietnamese and the English pages may show. */
export type SharedKey = EnKey & UiKey;

export function tEn(key: EnKey, vars?: Record<string, string | number>): string {
  return fill(EN[key], vars);
}

/** The department's name on the English pages; its Vietnamese name until the site file gives one (`npm run check` says so). */
export function englishName(department: Pick<Department, 'name' | 'english'>): string {
  return department.english?.name ?? department.name;
}
