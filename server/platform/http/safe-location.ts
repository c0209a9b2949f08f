/**
 * Whether a redirect target stays on the site that sends it: a path with one
 * leading slash. `//host/…` and `/\host/…` are other hosts to a browser, and
 * so is anything with a scheme (`https:`, `javascript:`). Browsers drop tabs
 * and newlines before reading a URL (`/\t/host` is `//host`), so no control
 * character may appear at all. Past the first two characters the host can no
 * longer change: a backslash in a query is only text (OWASP ASVS 5.0 V1.2,
 * CWE-601 open redirect).
 */
export function isSameSiteLocation(location: string): boolean {
  return /^\/(?![/\\])/.test(location) && !/[\u0000-\u001f\u007f]/.test(location);
}
