import type { Site } from '../http/site-for-host.ts';

export const PORTAL_NAME = 'Cổng thông tin điện tử tỉnh Thừa Thiên Huế';

export function siteName(site: Site): string {
  return site.kind === 'department' ? site.department.name : PORTAL_NAME;
}
