/**
 * Puts the app on a socket. Loopback only by default: the API accepts new pages without
 * authentication, so exposing it is a decision the user makes with `host`.
 */
import { serve as nodeServe } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppOptions } from './app.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export interface ServeOptions extends AppOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 8080); 0 picks a free one. */
  port?: number;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  host: string;
  port: number;
  /** Stops accepting connections, ends idle keep-alive ones, finishes posted pages, and resolves when all is closed. The store stays open. */
  close(): Promise<void>;
}

/**
 * Starts the server and resolves once it listens (rejects when the port is taken or the host is unknown).
 *
 * @example
 *   const server = await serve({ store, port: 0 });
 *   console.log(`Storyweave on ${server.url}`);
 *   await server.close();
 */
export function serve(options: ServeOptions): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? DEFAULT_HOST;
  return new Promise((resolve, reject) => {
    const server = nodeServe({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shown}:${address.port}`,
        host: address.address,
        port: address.port,
        close: async () => {
          await new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeIdleConnections();
          });
          await app.close();
        },
      });
    });
  });
}
