import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { planSite } from '#src/build/new-site.ts';
import { deriveAbbreviation } from '#src/schema/department-address.ts';
import type { IssuedPassword, Services } from '#server/accounts/index.ts';
import { systemPrincipal } from '#server/accounts/index.ts';
import type { ContentRepository, PublicationGate } from '#server/editorial/index.ts';
import type { Clock } from '#server/platform/clock.ts';
import { systemClock } from '#server/platform/clock.ts';
import { PermissionDeniedError, UnknownDepartmentError } from '#server/platform/errors.ts';
import type { RequestMeta } from '#server/platform/http/request-meta.ts';
import type { AuditAction } from '#server/platform/storage/records.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { DepartmentConfirmationError, DepartmentNameInvalidError } from '../errors.ts';

/**
 * Departments have one home: the content repository (docs/adr/0104). Adding,
 * renaming and removing one is a change of `main` through the publication
 * gate like any other — checked as the build checks it, committed by the
 * person who acted — plus what only the platform can do: the board's first
 * accounts, the audit log, taking the site down. The province administrator
 * does it from the back office, the operator from `npm run new-site` and
 * `npm run site`; both end in these functions.
 */
type AccountService = Services['accounts'];

/** Who acts, as the accounts capability knows them, with the name git records. */
export type DepartmentActor = Parameters<AccountService['create']>[0] & { fullName: string };

export interface DepartmentDeps {
  repo: ContentRepository;
  gate: PublicationGate;
  storage: Storage;
  /**
   * The account service once the server knows the departments as they are
   * after the change (the running server reloads its list; a command line
   * reads it afresh).
   */
  accountsAfterChange: () => Promise<AccountService>;
  distDir: string;
  clock?: Clock;
}

export interface FirstAccount {
  fullName: string;
  email?: string;
}

export interface NewDepartmentInput {
  name: string;
  abbr?: string;
  /** Trưởng Ban Biên tập and Cán bộ chuyên trách CNTT (Điều 17): the accounts that set up the rest of the board. */
  head: FirstAccount;
  itOfficer: FirstAccount;
}

export interface CreatedDepartment {
  id: string;
  name: string;
  domains: string[];
  commit: string;
  /** Resolves when the new site is built and live (at once when nothing builds it here). */
  live: Promise<unknown>;
  accounts: IssuedPassword[];
}

const MAX_NAME = 200;

function assertAdministrator(actor: DepartmentActor, action: string): void {
  if (actor.role !== 'admin') throw new PermissionDeniedError({ action, actorRole: actor.role, targetRole: null });
}

function officialName(input: string): string {
  const name = input.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (!/\p{L}/u.test(name) || [...name].length > MAX_NAME || /[\p{Cc}\p{Cf}]/u.test(name))
    throw new DepartmentNameInvalidError({ maxLength: MAX_NAME });
  return name;
}

const person = (actor: DepartmentActor) => ({ username: actor.username, name: actor.fullName });

export function createDepartmentService(deps: DepartmentDeps) {
  const clock = deps.clock ?? systemClock;

  async function audit(
    action: AuditAction,
    actor: DepartmentActor,
    departmentId: string,
    meta: RequestMeta,
    details: Record<string, unknown>,
  ) {
    await deps.storage.audit.append({
      at: clock(),
      actorId: actor.system ? null : actor.id,
      actorUsername: actor.username,
      action,
      departmentId,
      targetId: null,
      targetUsername: null,
      ip: meta.ip,
      details,
    });
  }

  async function siteYaml(id: string): Promise<string> {
    const file = await deps.repo.readFile('main', `sites/${id}.yaml`);
    if (!file) throw new UnknownDepartmentError({ departmentId: id });
    return new TextDecoder().decode(file.bytes);
  }

  return {
    /** The site is committed (and, in the server, built); then its head and IT officer get their one-time passwords. */
    async create(actor: DepartmentActor, input: NewDepartmentInput, meta: RequestMeta): Promise<CreatedDepartment> {
      assertAdministrator(actor, 'create-department');
      const name = officialName(input.name);
      const site = await deps.repo.transaction(async () => {
        const planned = await planSite({ root: deps.repo.dir, name, abbr: input.abbr, today: new Date(clock()) });
        const applied = await deps.gate.apply({
          site: planned.id,
          entry: null,
          files: [...planned.files].map(([file, content]) => ({ path: file, content })),
          by: person(actor),
          summary: `Lập trang ${name} (${planned.id})`,
          trailers: [['Department-created-by', `${actor.fullName} <${actor.username}>`]],
        });
        return { ...planned, ...applied };
      });
      await audit('department-created', actor, site.id, meta, { name, domains: site.domains, commit: site.commit });
      const accounts = await deps.accountsAfterChange();
      const issued: IssuedPassword[] = [];
      for (const [role, first] of [
        ['head', input.head],
        ['it-officer', input.itOfficer],
      ] as const) {
        issued.push(
          await accounts.create(
            actor,
            { fullName: first.fullName, role, departmentId: site.id, email: first.email },
            meta,
          ),
        );
      }
      return { id: site.id, name, domains: site.domains, commit: site.commit, live: site.live, accounts: issued };
    },

    /**
     * A new official name; the addresses stay (Điều 3): when the new name
     * would derive another abbreviation, the current one is written into
     * the YAML, so no link, bookmark or official letter breaks.
     */
    async rename(
      actor: DepartmentActor,
      id: string,
      newName: string,
      meta: RequestMeta,
    ): Promise<{ commit: string; live: Promise<unknown> }> {
      assertAdministrator(actor, 'rename-department');
      const name = officialName(newName);
      const applied = await deps.repo.transaction(async () => {
        const doc = parseDocument(await siteYaml(id));
        const previous = String(doc.get('name'));
        const abbr = (doc.get('abbr') as string | undefined) ?? deriveAbbreviation(previous);
        doc.set('name', name);
        if (!doc.has('abbr') && deriveAbbreviation(name) !== abbr) doc.set('abbr', abbr);
        if (doc.has('shortName')) doc.delete('shortName');
        const change = await deps.gate.apply({
          site: id,
          entry: null,
          files: [{ path: `sites/${id}.yaml`, content: String(doc) }],
          by: person(actor),
          summary: `Đổi tên đơn vị ${previous} thành ${name}`,
          trailers: [['Department-renamed-by', `${actor.fullName} <${actor.username}>`]],
        });
        return { ...change, previous };
      });
      await audit('department-renamed', actor, id, meta, { from: applied.previous, to: name, commit: applied.commit });
      await deps.accountsAfterChange();
      return { commit: applied.commit, live: applied.live };
    },

    /**
     * Takes the site down: its YAML and content leave `main` (they stay in
     * git's history and in backups), its accounts are disabled, its built
     * site removed. Its cases stay in the database for their retention
     * period (CASE_RETENTION_DAYS): the law keeps them, not the website.
     */
    async remove(
      actor: DepartmentActor,
      id: string,
      confirmation: string,
      meta: RequestMeta,
    ): Promise<{ commit: string; disabled: string[] }> {
      assertAdministrator(actor, 'remove-department');
      if (confirmation.trim() !== id) throw new DepartmentConfirmationError({ departmentId: id });
      const commit = await deps.repo.transaction(async () => {
        await siteYaml(id);
        const files = [
          { path: `sites/${id}.yaml`, content: null },
          ...(await deps.repo.listFolder('main', `content/${id}`, 20)).map((f) => ({ path: f.path, content: null })),
        ];
        return (
          await deps.gate.apply({
            site: id,
            entry: null,
            files,
            by: person(actor),
            summary: `Gỡ trang đơn vị ${id}`,
            trailers: [['Department-removed-by', `${actor.fullName} <${actor.username}>`]],
            retiresSite: true,
          })
        ).commit;
      });
      const accounts = await deps.accountsAfterChange();
      const disabled: string[] = [];
      const operator = systemPrincipal('department-removal');
      for (const account of await accounts.list(operator, id)) {
        if (account.status !== 'active') continue;
        await accounts.disable(operator, account.username, meta);
        disabled.push(account.username);
      }
      await rm(path.join(deps.distDir, id), { recursive: true, force: true });
      await audit('department-removed', actor, id, meta, { commit, disabledAccounts: disabled });
      return { commit, disabled };
    },
  };
}

export type DepartmentService = ReturnType<typeof createDepartmentService>;
