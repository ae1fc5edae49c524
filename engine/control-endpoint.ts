import { createServer, type ServerResponse } from 'node:http';
import type { RunningEngine } from './engine.js';
import { listenHttp } from './http-listen.js';

/** A running control endpoint. */
export interface ControlEndpoint {
  readonly url: string;
  stop(): Promise<void>;
}

/** Always loopback: the endpoint can wipe the engine's state, so it is never reachable from elsewhere. */
const LOOPBACK = '127.0.0.1';

/**
 * The CLI engine's control endpoint for tests driving it from another process: `POST /reset` drops all state,
 * `GET /state` answers the live instance and job counts and the open incidents (their keys, which the gateway
 * API cannot list).
 */
export async function startControlEndpoint(engine: Pick<RunningEngine, 'reset' | 'inspect'>, port: number): Promise<ControlEndpoint> {
  const server = createServer((req, res) => {
    const route = `${req.method ?? ''} ${new URL(req.url ?? '/', 'http://x').pathname}`;
    if (route === 'POST /reset') {
      engine.reset();
      send(res, 200, { reset: true });
    } else if (route === 'GET /state') send(res, 200, engine.inspect());
    else send(res, 404, { error: 'POST /reset or GET /state' });
  });
  const bound = await listenHttp(server, 'the control endpoint', LOOPBACK, port);
  return { url: `http://${bound.authority}`, stop: bound.stop };
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
