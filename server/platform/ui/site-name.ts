import type { Site } from '../http/site-for-host.ts';
import { t } from './vi.ts';

export function siteName(site: Site): string {
  return site.kind === 'department' ? site.department.name : t('frame.portal');
}
