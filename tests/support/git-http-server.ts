import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real git server for the mirroring tests: git's own `git http-backend`
 * (the CGI program behind most self-hosted git servers) behind a small
 * HTTP bridge, serving the bare repositories under `root`. Pushes are
 * allowed (REMOTE_USER is set, as a web server does after sign-in).
 * `down()` stops listening, so the remote refuses connections as a dead
 * server would; `up()` listens again on the same port.
 */
export interface GitHttpServer {
  /** `http://127.0.0.1:<port>/<name>` */
  url(name: string): string;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

function serveThroughBackend(root: string) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://git.invalid');
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: 'congso',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let started = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (started) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      res.write(head.subarray(end + 4));
      started = true;
    });
    child.stdout.on('end', () => {
      if (!started) res.writeHead(502);
      res.end();
    });
    child.on('error', () => res.destroy());
  };
}

export async function startGitHttpServer(root: string): Promise<GitHttpServer> {
  let server = http.createServer(serveThroughBackend(root));
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const port = await listen(0);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    down: stop,
    async up() {
      server = http.createServer(serveThroughBackend(root));
      await listen(port);
    },
    close: stop,
  };
}
