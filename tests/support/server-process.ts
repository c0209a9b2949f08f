import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * `node server/platform/main.ts` as an operator runs it, in a folder of the test's
 * own: its data, content repository and sample accounts land there.
 */
const MAIN = path.resolve(import.meta.dirname, '../../server/platform/main.ts');

export interface StartedServer {
  output: string;
  port: number;
  stop(): Promise<void>;
}

export function startServerProcess(cwd: string, extraEnv: Record<string, string> = {}): Promise<StartedServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      cwd,
      env: {
        ...process.env,
        PORT: '0',
        DATABASE_URL: '',
        SQLITE_PATH: path.join(cwd, 'data', 'congso.sqlite'),
        CONTENT_REPO_DIR: '',
        CONGSO_DIST: path.join(cwd, 'dist'),
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /congso: http:\/\/localhost:(\d+)\//.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      resolve({
        output,
        port: Number(ready[1]),
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
