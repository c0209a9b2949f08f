import { SERVICE_IDS, SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import type { Site } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { CheckboxGroupView } from '#server/platform/ui/components/checkbox-group.ts';
import { type FrameView, frameView } from '#server/platform/ui/frame-view.ts';
import { t } from '#server/platform/ui/vi.ts';
import { CASES_PATH } from './case-paths.ts';

export interface ServiceGrantsPageView {
  frame: FrameView;
  /** One form per officer: the services whose unassigned cases they see. */
  officers: Array<{ action: string; services: CheckboxGroupView }>;
}

/** The head gives each officer the services they handle (Điều 15); the head needs no grant. */
export function serviceGrantsPageView(props: {
  site: Site;
  account: AccountRecord;
  officers: ReadonlyArray<{ account: AccountRecord; services: readonly ServiceId[] }>;
}): ServiceGrantsPageView {
  return {
    frame: frameView({ title: t('serviceGrants.title'), site: props.site, account: props.account }),
    officers: props.officers
      .filter((o) => o.account.role !== 'head')
      .map((o) => ({
        action: `${CASES_PATH}/phan-quyen/${o.account.id}`,
        services: {
          legend: t('common.person', { name: o.account.fullName, username: o.account.username }),
          name: 'services',
          idPrefix: `dich-vu-${o.account.id}`,
          options: SERVICE_IDS.map((s) => ({ value: s, label: SERVICE_LABELS[s], checked: o.services.includes(s) })),
        },
      })),
  };
}
