/**
 * The engine's REST endpoint: the user-task routes of real Zeebe 8.5's REST API, so clients can complete, assign
 * and update Camunda user tasks (the gRPC API has no RPC for them). Same tokens and tenants as the gRPC API.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Authenticator } from '../identity/authenticate.js';
import { listenHttp } from '../http-listen.js';
import { err, ok, type Result } from '../result.js';
import type { EngineStateMachine } from '../state/engine-machine.js';
import { badRequest, rejectionProblem, sendProblem, type Problem } from './problem.js';
import { userTaskRequest } from './user-task-requests.js';

/** A running REST endpoint. */
export interface RestEndpoint {
  readonly url: string;
  stop(): Promise<void>;
}

export interface RestSettings {
  readonly host: string;
  readonly port: number;
  readonly tls: { readonly cert: Buffer; readonly key: Buffer } | undefined;
  readonly multiTenancy: boolean;
  readonly authenticate: Authenticator;
  readonly machine: Pick<EngineStateMachine, 'userTask'>;
}

/** As the gRPC API: larger bodies are refused. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The body as a JSON object ({} when empty), or the problem with it. */
async function readBody(req: IncomingMessage): Promise<Result<Readonly<Record<string, unknown>>, Problem>> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit (discarding it), so the client gets the 413 rather than a reset connection.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) return err({ status: 413, title: 'RESOURCE_EXHAUSTED', detail: `The request body is larger than ${MAX_BODY_BYTES} bytes` });
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return ok({});
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? ok(parsed as Record<string, unknown>) : err(badRequest('The request body must be a JSON object'));
  } catch (e) {
    return err(badRequest(`The request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/**
 * One request: caller first (an unknown caller learns nothing of routes or bodies), then route, body, command;
 * undefined when the engine accepted it, else the problem.
 */
async function problemOf(settings: RestSettings, req: IncomingMessage, path: string): Promise<Problem | undefined> {
  const caller = await settings.authenticate(req.headers.authorization);
  if (!caller.ok) return { status: 401, title: 'UNAUTHENTICATED', detail: caller.error.details };
  if (settings.multiTenancy && caller.value.tenants === undefined) {
    // As the gRPC API's Gateway/tenant/mt-on-no-identity: with multi-tenancy on, a caller needs known tenants.
    return { status: 401, title: 'UNAUTHENTICATED', detail: `Expected to handle REST API request ${req.method ?? ''} ${path}, but tenant could not be retrieved from the request context` };
  }
  const body = await readBody(req);
  if (!body.ok) return body.error;
  const request = userTaskRequest(req.method ?? '', path, body.value);
  if (!request) return { status: 404, title: 'NOT_FOUND', detail: `No route for ${req.method ?? ''} ${path}` };
  if (!request.ok) return request.error;
  const done = settings.machine.userTask({ ...request.value, caller: caller.value });
  return done.ok ? undefined : rejectionProblem(done.error);
}

async function handle(settings: RestSettings, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const problem = await problemOf(settings, req, path);
  if (problem) sendProblem(res, problem, path);
  else res.writeHead(204).end();
}

/** Starts the REST endpoint (HTTPS with the engine's certificate when it serves TLS). */
export async function startRestEndpoint(settings: RestSettings): Promise<RestEndpoint> {
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(settings, req, res).catch((e: unknown) => {
      if (res.headersSent) res.destroy();
      else sendProblem(res, { status: 500, title: 'INTERNAL', detail: e instanceof Error ? e.message : String(e) }, req.url ?? '/');
    });
  };
  const server = settings.tls ? createHttpsServer(settings.tls, listener) : createHttpServer(listener);
  const bound = await listenHttp(server, 'the REST endpoint', settings.host, settings.port);
  return { url: `${settings.tls ? 'https' : 'http'}://${bound.authority}`, stop: bound.stop };
}
