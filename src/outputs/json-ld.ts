import type { Lang } from '../i18n/lang.ts';
import { englishName } from '../i18n/en.ts';
import type { Person } from '../schema/common.ts';
import type { LegalDocumentEntry, DocumentStatus } from '../schema/content/legal-document.ts';
import { DOCUMENT_TYPES } from '../schema/content/legal-document.ts';
import type { ProcedureEntry } from '../schema/content/procedure.ts';
import { ONLINE_LEVELS } from '../schema/content/procedure.ts';
import type { Department } from '../schema/department.ts';
import { isoDate } from '../text/site-format.ts';

/**
 * schema.org descriptions of the pages search engines and other agencies
 * read (docs/adr/0025-open-data.md): the department as a
 * `GovernmentOrganization`, a legal document as `Legislation`, a procedure as
 * a `GovernmentService`. Built from the validated entry, never from its HTML.
 */

/**
 * The text of a `<script type="application/ld+json">` data block. `<` is
 * written `\u003c`, so no value (a title an editor typed) can close the
 * element or open a comment: the block stays data.
 */
export function jsonLdText(data: object): string {
  return JSON.stringify({ '@context': 'https://schema.org', ...data }).replace(/</g, '\\u003c');
}

type Ld = Record<string, unknown>;

const PROVINCE_COMMITTEE = { '@type': 'GovernmentOrganization', name: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế' };

function person(p: Person): Ld {
  return {
    '@type': 'Person',
    name: p.name,
    jobTitle: p.position,
    ...(p.email ? { email: p.email } : {}),
    ...(p.phone ? { telephone: p.phone } : {}),
  };
}

/** The department, in the language of the page that describes it, with the leaders that page lists. */
export function organisationJsonLd(department: Department, lang: Lang, leaders: readonly Person[] = []): Ld {
  const english = englishName(department);
  return {
    '@type': 'GovernmentOrganization',
    name: lang === 'en' ? english : department.name,
    ...(english !== department.name ? { alternateName: lang === 'en' ? department.name : english } : {}),
    url: `${department.url}${lang === 'en' ? '/en/' : '/'}`,
    email: department.contact.email,
    telephone: department.contact.phone,
    address: { '@type': 'PostalAddress', streetAddress: department.contact.address, addressCountry: 'VN' },
    parentOrganization: PROVINCE_COMMITTEE,
    ...(leaders.length ? { employee: leaders.map(person) } : {}),
  };
}

const LEGAL_FORCE: Record<DocumentStatus, string> = {
  'con-hieu-luc': 'https://schema.org/InForce',
  'chua-co-hieu-luc': 'https://schema.org/NotInForce',
  'het-hieu-luc-mot-phan': 'https://schema.org/PartiallyInForce',
  'het-hieu-luc': 'https://schema.org/NotInForce',
};

export function legislationJsonLd(document: LegalDocumentEntry, url: string, fileUrl?: string): Ld {
  return {
    '@type': 'Legislation',
    name: document.title,
    legislationIdentifier: document.number,
    legislationType: DOCUMENT_TYPES[document.documentType],
    legislationDate: isoDate(document.issued),
    ...(document.effective ? { legislationDateOfApplicability: isoDate(document.effective) } : {}),
    legislationLegalForce: LEGAL_FORCE[document.status],
    legislationPassedBy: { '@type': 'GovernmentOrganization', name: document.issuer },
    legislationResponsible: { '@type': 'Person', name: document.signer },
    legislationJurisdiction: 'VN',
    about: document.field,
    abstract: document.summary,
    inLanguage: 'vi',
    url,
    ...(fileUrl ? { encoding: { '@type': 'MediaObject', contentUrl: fileUrl } } : {}),
  };
}

export function governmentServiceJsonLd(procedure: ProcedureEntry, url: string, department: Department): Ld {
  const online = procedure.onlineLevel !== 'truc-tiep';
  return {
    '@type': 'GovernmentService',
    name: procedure.title,
    identifier: procedure.code,
    serviceType: procedure.field,
    ...(procedure.summary ? { description: procedure.summary } : {}),
    provider: { '@type': 'GovernmentOrganization', name: procedure.agency },
    serviceOperator: { '@type': 'GovernmentOrganization', name: department.name, url: `${department.url}/` },
    audience: { '@type': 'Audience', audienceType: procedure.applicants },
    areaServed: { '@type': 'AdministrativeArea', name: 'Tỉnh Thừa Thiên Huế' },
    availableChannel: {
      '@type': 'ServiceChannel',
      name: ONLINE_LEVELS[procedure.onlineLevel],
      ...(online
        ? { serviceUrl: `${department.url}/dich-vu/ho-so?thu-tuc=${encodeURIComponent(procedure.code)}` }
        : {}),
      serviceLocation: { '@type': 'Place', address: department.contact.address },
    },
    inLanguage: 'vi',
    url,
  };
}
