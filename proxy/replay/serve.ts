import { createSecureServer, createServer, type Http2Server, type Http2Session, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { Cassette, Payload, RecordedCall } from '../cassette/types.js';
import { gatewayMethods, payloadOf, type MethodTable } from '../codec.js';
import { frameParser } from '../frames.js';
import { ProxyListenError } from '../proxy-server.js';
import { createMatcher, type MatchRules } from './match.js';
import { answerStatus, playAnswer } from './respond.js';

/** gRPC status of a call no recorded call matches (UNIMPLEMENTED: the mock has no answer for it). */
export const MISS_STATUS = 12;

/** Trailer set on a miss, so tests and users can tell a replay miss from a recorded UNIMPLEMENTED. */
export const MISS_TRAILER = 'zeebe-conformance-replay-miss';

/** Options of `replay serve`. */
export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer } | undefined;
  readonly rules: MatchRules;
  /** Answer at once instead of with the recorded pacing. */
  readonly fast: boolean;
}

/** A mock gateway answering from a cassette. */
export interface ReplayServer {
  readonly address: string;
  readonly port: number;
  /** Recorded calls no live call has used (yet). */
  unused(): readonly RecordedCall[];
  /** Live calls that matched nothing, as `Rpc: reason` lines. */
  misses(): readonly string[];
  stop(): Promise<void>;
}

/** Serves `cassette` on `host:port`: each call is matched when the client ends its request stream. */
export async function serveCassette(cassette: Cassette, options: ServeOptions): Promise<ReplayServer> {
  const methods = gatewayMethods();
  const matcher = createMatcher(cassette.calls, options.rules);
  const misses: string[] = [];
  const server: Http2Server = options.tls ? createSecureServer({ cert: options.tls.cert, key: options.tls.key }) : createServer();
  const sessions = new Set<Http2Session>();
  server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.on('error', () => undefined);
    session.on('close', () => sessions.delete(session));
  });
  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    stream.on('error', () => undefined);
    const method = String(headers[':path']);
    void collectRequests(stream, headers, methods).then((requests) => {
      const found = matcher.match(method, requests);
      if (found.ok) return playAnswer(stream, found.call, methods.get(method), options.fast);
      misses.push(`${method.slice(method.lastIndexOf('/') + 1)}: ${found.reason}`);
      answerStatus(stream, MISS_STATUS, `replay: no recorded call matches: ${found.reason}`, { [MISS_TRAILER]: '1' });
      return undefined;
    }).catch(() => undefined);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(new ProxyListenError(`cannot listen on ${options.host}:${options.port}: ${e.code ?? e.message}`)));
    server.listen(options.port, options.host, () => resolve((server.address() as AddressInfo).port));
  });
  return {
    address: `${options.host}:${port}`,
    port,
    unused: () => matcher.unused(),
    misses: () => misses,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const session of sessions) session.destroy();
      await closed;
    },
  };
}

/** Reads the request messages until the client half-closes, decoded like the recorder decodes them. */
function collectRequests(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, methods: MethodTable): Promise<Payload[]> {
  const codec = methods.get(String(headers[':path']));
  const encoding = String(headers['grpc-encoding'] ?? 'identity');
  const parse = frameParser();
  const requests: Payload[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      for (const f of parse(chunk)) requests.push(payloadOf(f.bytes, f.compressed, codec?.decodeRequest, encoding));
    });
    stream.once('end', () => resolve(requests));
    stream.once('close', () => reject(new Error('closed before the request ended')));
  });
}
