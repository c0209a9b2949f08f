/**
 * Whether a redirect target stays on the site that sends it: a path with one
 * leading slash. `//host/…` and `/\host/…` are other hosts to a browser, any
 * scheme (`https:`, `javascript:`) is somewhere else, and browsers drop tabs
 * and newlines and read `\` as `/`, so none of those may appear anywhere
 * (OWASP ASVS 5.0 V1.2 injection prevention, CWE-601 open redirect).
 */
export function isSameSiteLocation(location: string): boolean {
  return /^\/(?![/\\])/.test(location) && !/[\u0000-\u0020\u007f\\]/.test(location);
}
