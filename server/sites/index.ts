/**
 * What other capabilities and the platform use of sites: its public face.
 * Anything not exported here is this capability's own business (docs/adr/0080-code-layout.md).
 */
export { createPortalRoutes, type PortalOptions } from './http/portal.ts';
export { createStaticSitesRoutes } from './http/static-sites.ts';
export { fillShell, shellFromDist, type ShellSource } from './site-shell.ts';
