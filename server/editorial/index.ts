/**
 * What other capabilities and the platform use of editorial: its public face.
 * Anything not exported here is this capability's own business (docs/adr/0080-code-layout.md).
 */
export { complianceRecord } from './compliance-record.ts';
export {
  contentRepositoryDir,
  contentRepositoryExists,
  ensureContentRepository,
} from './content-repository/ensure-content-repository.ts';
export { RepositoryUnavailableError } from './errors.ts';
export { type ContentRepository, openContentRepository } from './content-repository/repository.ts';
export { cloneFromMirror, type ContentMirror, createContentMirror, mirrorRemote } from './content-repository/mirror.ts';
export { type Editorial, editorialRuntime } from './editorial-runtime.ts';
export type { Actor } from './editorial-workflow.ts';
export { type AdminRouteOptions, adminRoutes } from './http/decap.ts';
export { ENTRY_HISTORY_PATH } from './http/entry-history.ts';
export { createPublicationGate, type PublicationGate } from './publication-gate.ts';
export { siteBuilder } from './publish-queue-build.ts';
export { createPublishQueue } from './publish-queue.ts';
export { createTimedPublication } from './timed-publication.ts';
export { editorialWork } from './board-work.ts';
