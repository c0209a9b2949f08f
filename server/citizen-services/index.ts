/**
 * What other capabilities and the platform use of citizen-services: its public face.
 * Anything not exported here is this capability's own business (docs/adr/0080-code-layout.md).
 */
export {
  attachmentsDirectory,
  caseOptionsFromEnv,
  type CaseServiceOptions,
  type CaseServices,
  createCaseServices,
} from './create-case-services.ts';
export { caseOfficeRoutes } from './http/case-office.ts';
export { citizenServiceRoutes } from './http/citizen.ts';
export { servicePage } from './http/service-layout.ts';
export { createQuestionPublisher } from './question-publisher.ts';
export { RATED_SERVICES } from './case-rating.ts';
export type { DigestLine } from './case-reminders.ts';
export { casePath, DISPOSALS_PATH } from './http/case-paths.ts';
