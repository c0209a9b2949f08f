import type { Actor } from './permissions.ts';

/** Who performs an action: a signed-in account, or the operator at the server's shell (CLI, seeding). */
export interface Principal extends Actor {
  username: string;
  /**
   * The shell operator already controls the server and database, so
   * permission rules would protect nothing from them; their actions are
   * still written to the audit log.
   */
  system?: true;
}

/** The shell operator: one-time passwords are printed for them (docs/adr/0017). */
export type OperatorPrincipal = Principal & { system: true };

export function systemPrincipal(name: string): OperatorPrincipal {
  return { id: `system:${name}`, username: `system:${name}`, role: 'admin', departmentId: null, system: true };
}
