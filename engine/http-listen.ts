import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListenError } from './listen-error.js';

/** A bound HTTP(S) server of the engine: `host:port` for its URLs, and a stop that also cuts open connections. */
export interface BoundHttpServer {
  readonly authority: string;
  readonly stop: () => Promise<void>;
}

/** Binds one of the engine's HTTP servers (token endpoint, REST API, control endpoint); `what` names it in errors. */
export async function listenHttp(server: Server, what: string, host: string, port: number): Promise<BoundHttpServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => {
      reject(new ListenError(what, `${host}:${port}`, e));
    });
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    authority: `${host.includes(':') ? `[${host}]` : host}:${bound}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
