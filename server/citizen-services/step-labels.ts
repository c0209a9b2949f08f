import type { ServiceId } from '#src/schema/service-process.ts';
import { t, tOr } from '#server/platform/ui/vi.ts';
import type { TransitionName } from './case-workflow.ts';

/**
 * A step as its own service names it, else as every service does. The same
 * verb means different acts: `accept` is "thụ lý" for a complaint, but for a
 * request for information it is the notice that the request is valid and of
 * the time it will take (docs/adr/0048). The words are in the catalogue,
 * `case.event.<service>.<action>` beside `case.event.<action>`.
 */
export function stepLabel(service: ServiceId, action: string, fallback: string = action): string {
  return tOr(`case.event.${service}.${action}`, tOr(`case.event.${action}`, fallback));
}

/** The officer's button for a step, named the same way. */
export function transitionLabel(service: ServiceId, name: TransitionName): string {
  return tOr(`case.transition.${service}.${name}`, t(`case.transition.${name}`));
}
