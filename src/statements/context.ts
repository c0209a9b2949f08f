import type { Department } from '../schema/department.ts';
import type { Province } from '../schema/province.ts';
import type { StatementContext } from './statement.ts';

/** What a statement says about the department it belongs to, from its site file. */
export function statementContext(department: Department, province: Province): StatementContext {
  return {
    departmentName: `${department.name} tỉnh ${province.name}`,
    address: department.contact.address,
    phone: department.contact.phone,
    email: department.contact.email,
    operator: province.operator,
  };
}
