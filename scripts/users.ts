/**
 * `npm run users`: staff accounts from the server's shell (Điều 11). The
 * commands are the accounts capability's (server/accounts/users-command.ts);
 * this opens the storage the server uses and prints to the terminal.
 */
import { loadDepartments } from '#src/content-source/departments.ts';
import { runUsersCommand } from '#server/accounts/index.ts';
import { contentRepositoryDir, contentRepositoryExists } from '#server/editorial/index.ts';
import { openStorage } from '#server/platform/storage/open-storage.ts';

const storage = await openStorage(process.env);
try {
  await storage.migrate();
  // The departments the server serves: its content repository once `npm start` has created it.
  const departments = await loadDepartments(contentRepositoryExists() ? contentRepositoryDir() : process.cwd());
  process.exitCode = await runUsersCommand(process.argv.slice(2), {
    storage,
    departments,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} finally {
  await storage.close();
}
