import { ServicesSchema, type Services } from '#src/schema/service-process.ts';
import { foldVietnamese } from '#src/text/fold.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';

/** What the case services need of a department: its name, its tracking-code prefix, its declared processes. */
export interface CaseDepartment {
  id: string;
  name: string;
  /** "STP" for Sở Tư pháp: the initials of the name, without "và". */
  prefix: string;
  services: Services;
  /** `https://` and the first official domain: where links in mails point; null for a department without one. */
  origin: string | null;
}

const MINOR_WORDS = new Set(['va']);

export function trackingPrefix(name: string): string {
  const initials = foldVietnamese(name)
    .split(/[^A-Za-z]+/)
    .filter((word) => word && !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('');
  return (initials.length >= 2 ? initials : `${initials}XX`).slice(0, 6);
}

/**
 * From the departments the server loaded. A full `Department` carries its
 * `services` declaration; a bare reference (tests, the accounts fixtures)
 * gets the legal defaults.
 */
export function caseDepartments(departments: readonly DepartmentRef[]): Map<string, CaseDepartment> {
  return new Map(
    departments.map((d) => {
      const declared = (d as DepartmentRef & { services?: Services }).services;
      const origin = d.domains[0] ? `https://${d.domains[0]}` : null;
      return [
        d.id,
        {
          id: d.id,
          name: d.name,
          prefix: trackingPrefix(d.name),
          services: declared ?? ServicesSchema.parse({}),
          origin,
        },
      ];
    }),
  );
}
