/**
 * What other capabilities and the platform use of accounts: its public face.
 * Anything not exported here is this capability's own business (docs/adr/0080-code-layout.md).
 */
export type { IssuedPassword } from './account-service.ts';
export { type AuthService, principalOf } from './auth-service.ts';
export { createServices, type ServiceOptions, type Services } from './create-services.ts';
export type { CredentialIssue } from './credential-history.ts';
export { accountsRoutes } from './http/accounts.ts';
export { apiRoutes } from './http/api.ts';
export { auditRoutes } from './http/audit.ts';
export { changePasswordRoutes } from './http/change-password.ts';
export { credentialHistory } from './http/credential-history.ts';
export { type CredentialHistoryView, credentialHistoryView } from './http/credential-history-view.ts';
export { delegationGrants } from './http/delegation-grants.ts';
export { type DelegationGrantRow, delegationGrantsView } from './http/delegation-grants-view.ts';
export { loadSession } from './http/load-session.ts';
export { requirePasswordChanged, requireSignedIn } from './http/require-signed-in.ts';
export { readSessionCookie } from './http/session-cookie.ts';
export { signInRoutes } from './http/sign-in.ts';
export { signOutRoutes } from './http/sign-out.ts';
export type { PasswordHasher } from './password-hash.ts';
export { systemPrincipal } from './principal.ts';
export { writeSampleAccountsFile } from './sample-accounts-file.ts';
export { seedSampleAccounts } from './seed-sample-accounts.ts';
export { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-policy.ts';
export { SESSION_TOKEN_PATTERN } from './session-token.ts';
export { ACCOUNT_THROTTLE, reserveAttempt } from './throttle.ts';
export { runUsersCommand, type UsersCommandContext } from './users-command.ts';
