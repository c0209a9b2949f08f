import { execFile } from 'node:child_process';
import { OperationToolFailedError } from '../errors.ts';

/**
 * Runs git, pg_dump or pg_restore without a shell: no argument, a database
 * address above all, is ever parsed by one. Fails with the tool's own words
 * for the operator.
 */
export function runTool(
  tool: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      [...args],
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const detail =
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? `không tìm thấy chương trình ${tool} trên máy`
            : (stderr || error.message).trim();
        reject(new OperationToolFailedError({ tool, detail }));
      },
    );
  });
}
