import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Listens with @hono/node-server; port 0 picks a free one (tests). The app may be swapped behind `fetch` (live-departments.ts). */
export function startServer(
  app: Pick<Hono<AppEnv>, 'fetch'>,
  { port, hostname }: { port: number; hostname?: string },
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would otherwise hold close() open.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
