/**
 * CSRF defence without tokens (docs/adr/0015-sessions-and-csrf.md).
 *
 * SameSite=Lax keeps the session cookie off cross-*site* POSTs, but every
 * department lives on the same site as its neighbours
 * (stp.thuathienhue.gov.vn and syt.thuathienhue.gov.vn share the registrable
 * domain; so do all `*.localhost`). A script injected into one department's
 * pages could otherwise post forms to another department's back office with
 * the victim's cookie. What such a page cannot do is forge the `Origin`
 * header, which every current browser sends on POST. So a state-changing
 * request is accepted only when Origin names this very origin. When Origin
 * is absent (some privacy extensions strip it), `Sec-Fetch-Site:
 * same-origin`, which scripts cannot set either, is accepted instead. A
 * request with neither is refused: a real browser form always sends one, and
 * non-browser clients are not a CSRF risk but must then send Origin too.
 */
export interface OriginEvidence {
  /** scheme://host[:port] the request was addressed to. */
  requestOrigin: string;
  origin: string | null;
  secFetchSite: string | null;
}

export function isSameOrigin({ requestOrigin, origin, secFetchSite }: OriginEvidence): boolean {
  if (origin !== null) return origin !== 'null' && origin.toLowerCase() === requestOrigin.toLowerCase();
  return secFetchSite === 'same-origin';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function changesState(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
