/**
 * What the platform and the command lines use of operations: backups and
 * restores (docs/adr/0100), departments (docs/adr/0104). Anything not
 * exported here is this capability's own business (docs/adr/0080-code-layout.md).
 */
export { createBackup, pruneBackups, type Backup } from './backup/create-backup.ts';
export { restoreBackup, type Restored } from './backup/restore-backup.ts';
export { installationFromEnv, type Installation } from './installation.ts';
export {
  createDepartmentService,
  type CreatedDepartment,
  type DepartmentActor,
  type DepartmentService,
} from './departments/department-service.ts';
export { departmentRoutes } from './http/departments-routes.ts';
export { buildDepartmentSite, openDepartmentCommand, serverRunning } from './departments/department-command.ts';
