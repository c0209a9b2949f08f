import type { DelegableRight, Role } from '#src/schema/roles.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';
import type { AccountService, IssuedPassword } from './account-service.ts';
import { systemPrincipal } from './principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';

export interface SeededAccount {
  departmentId: string | null;
  role: Role;
  fullName: string;
  username: string;
  oneTimePassword: string;
}

interface BoardMember {
  name: string;
  role: Role;
  sections?: string[];
  delegations?: DelegableRight[];
}

/** A department as loaded from `sites/<id>.yaml`; the board is optional so fixtures stay small. */
export type SeedDepartment = DepartmentRef & { board?: { members: readonly BoardMember[] } };

const SAMPLE_BOARD: readonly BoardMember[] = [
  { role: 'head', name: 'Trần Văn Hùng' },
  { role: 'deputy', name: 'Lê Thị Thu Hà' },
  { role: 'editor', name: 'Nguyễn Văn An', sections: ['tin-tuc', 'van-ban'] },
  { role: 'it-officer', name: 'Phạm Minh Tuấn' },
  { role: 'contributor', name: 'Đặng Thị Mai', sections: ['tin-tuc'] },
];

/** The first member of each role from the site file, a sample name where the file has none. */
function boardFor(department: SeedDepartment): BoardMember[] {
  const listed = department.board?.members ?? [];
  return SAMPLE_BOARD.map((sample) => listed.find((member) => member.role === sample.role) ?? sample);
}

/**
 * The province admin plus one account per Điều 17 role in each department,
 * for a demo or a first start; returns the one-time passwords so the set-up
 * can print them. Skips whatever already has accounts, so calling it at every
 * start-up is safe.
 */
export async function seedSampleAccounts(
  accounts: AccountService,
  departments: readonly SeedDepartment[],
): Promise<SeededAccount[]> {
  const seeder = systemPrincipal('seed');
  const seeded: SeededAccount[] = [];
  // The operator's channel (docs/adr/0017): the password is printed for whoever runs the server, and nobody is its witness.
  const record = (departmentId: string | null, role: Role, issued: IssuedPassword & { oneTimePassword: string }) =>
    seeded.push({
      departmentId,
      role,
      fullName: issued.account.fullName,
      username: issued.account.username,
      oneTimePassword: issued.oneTimePassword,
    });

  if ((await accounts.list(seeder, null)).length === 0) {
    record(
      null,
      'admin',
      await accounts.create(seeder, { fullName: 'Quản Trị Viên', role: 'admin', departmentId: null }, NO_REQUEST),
    );
  }
  for (const department of departments) {
    if ((await accounts.list(seeder, department.id)).length > 0) continue;
    for (const member of boardFor(department)) {
      const issued = await accounts.create(
        seeder,
        { fullName: member.name, role: member.role, departmentId: department.id, sections: member.sections },
        NO_REQUEST,
      );
      if (member.delegations?.length)
        await accounts.delegate(seeder, issued.account.username, member.delegations, NO_REQUEST);
      record(department.id, member.role, issued);
    }
  }
  return seeded;
}
