import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { OAuthClient } from '../options.js';
import type { JwtIssuer } from './jwt-issuer.js';
import { listenHttp } from '../http-listen.js';

/** A running OAuth 2.0 token endpoint. */
export interface TokenEndpoint {
  /** The URL clients use as ZEEBE_AUTHORIZATION_SERVER_URL. */
  readonly url: string;
  stop(): Promise<void>;
}

export const TOKEN_PATH = '/oauth/token';
const MAX_BODY = 64 * 1024;

/**
 * Serves the client-credentials grant (RFC 6749 §4.4) on loopback: configured clients get a JWT that
 * carries their tenants, so real clients configured for OAuth work against the engine unchanged.
 */
export async function startTokenEndpoint(settings: {
  host: string;
  port: number;
  clients: readonly OAuthClient[];
  issuer: JwtIssuer;
  ttlSeconds: number;
}): Promise<TokenEndpoint> {
  const server = createServer((req, res) => {
    handle(req, settings).then(
      ({ status, body }) => send(res, status, body),
      () => send(res, 500, { error: 'server_error' }),
    );
  });
  const bound = await listenHttp(server, 'the OAuth token endpoint', settings.host, settings.port);
  return { url: `http://${bound.authority}${TOKEN_PATH}`, stop: bound.stop };
}

async function handle(
  req: IncomingMessage,
  settings: { clients: readonly OAuthClient[]; issuer: JwtIssuer; ttlSeconds: number },
): Promise<{ status: number; body: object }> {
  if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== TOKEN_PATH) {
    return { status: 404, body: { error: 'not_found', error_description: `POST ${TOKEN_PATH} only` } };
  }
  const form = parseBody(await readBody(req), req.headers['content-type'], req.headers.authorization);
  if (!form) return { status: 400, body: { error: 'invalid_request', error_description: 'unreadable body' } };
  if (form.get('grant_type') !== 'client_credentials') {
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }
  const client = settings.clients.find((c) => c.clientId === form.get('client_id') && c.clientSecret === form.get('client_secret'));
  if (!client) return { status: 401, body: { error: 'invalid_client' } };
  const token = await settings.issuer.issue(client.clientId, client.tenants, settings.ttlSeconds);
  return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: settings.ttlSeconds } };
}

/** Accepts form or JSON bodies, and client credentials in HTTP Basic auth (both are common in clients). */
function parseBody(body: string, contentType: string | undefined, authorization: string | undefined): URLSearchParams | undefined {
  let form: URLSearchParams;
  try {
    form = contentType?.includes('application/json')
      ? new URLSearchParams(Object.entries(JSON.parse(body) as Record<string, string>))
      : new URLSearchParams(body);
  } catch {
    return undefined;
  }
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    if (id !== undefined) form.set('client_id', decodeURIComponent(id));
    if (secret !== undefined) form.set('client_secret', decodeURIComponent(secret));
  }
  return form;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
