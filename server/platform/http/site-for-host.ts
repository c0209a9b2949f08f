/** Just what host resolution needs from a department, so it works before the full schema loads. */
export interface DepartmentRef {
  id: string;
  name: string;
  domains: readonly string[];
}

export type Site = { kind: 'portal' } | { kind: 'department'; department: DepartmentRef };

export interface HostIndex {
  byHost: ReadonlyMap<string, DepartmentRef>;
  byId: ReadonlyMap<string, DepartmentRef>;
  portalHosts: ReadonlySet<string>;
}

const LOCAL_PORTAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function buildHostIndex(departments: readonly DepartmentRef[], portalHosts: readonly string[] = []): HostIndex {
  const byHost = new Map<string, DepartmentRef>();
  const byId = new Map<string, DepartmentRef>();
  for (const department of departments) {
    byId.set(department.id, department);
    for (const domain of department.domains) byHost.set(domain.toLowerCase(), department);
  }
  return { byHost, byId, portalHosts: new Set([...LOCAL_PORTAL_HOSTS, ...portalHosts.map((h) => h.toLowerCase())]) };
}

/** The Host header without port or trailing dot, lower case: "SoTuPhap.localhost:4321" → "sotuphap.localhost". */
export function hostName(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  const withoutPort = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return withoutPort.replace(/\.$/, '');
}

/**
 * `<id>.localhost` for development, each official domain in production, and
 * the bare local names (or configured portal domains) for the province portal.
 */
export function siteForHost(hostHeader: string, index: HostIndex): Site | null {
  const host = hostName(hostHeader);
  if (index.portalHosts.has(host)) return { kind: 'portal' };
  const official = index.byHost.get(host);
  if (official) return { kind: 'department', department: official };
  const local = /^([a-z0-9-]+)\.localhost$/.exec(host);
  const byId = local ? index.byId.get(local[1]) : undefined;
  return byId ? { kind: 'department', department: byId } : null;
}
