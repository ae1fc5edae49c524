import { createSecureServer, createServer, type Http2Server, type Http2Session, type ServerHttp2Stream, type IncomingHttpHeaders } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { cassetteHeader } from './cassette/format.js';
import { openCassetteWriter, type CassetteWriter } from './cassette/writer.js';
import { gatewayMethods } from './codec.js';
import { metadataRedactor } from './redact.js';
import { createRecorder } from './recorder.js';
import { relayCall } from './relay.js';
import { createUpstream, type TargetOptions } from './upstream.js';

/** Resolved options of the recording proxy. */
export interface ProxyOptions {
  /** Listening address; the CLI defaults to loopback. Port 0 picks a free one. */
  readonly host: string;
  readonly port: number;
  /** PEM certificate chain and key: serve TLS to clients. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer } | undefined;
  readonly target: TargetOptions;
  /** Cassette path; undefined relays without recording. */
  readonly record?: string | undefined;
  /** Header names redacted in addition to the defaults. */
  readonly redact?: readonly string[] | undefined;
}

/** A listening proxy. */
export interface RunningProxy {
  /** `host:port` it listens on. */
  readonly address: string;
  readonly port: number;
  /** Stops listening, resets calls still open (recorded as ended by the proxy) and closes the cassette. */
  stop(): Promise<void>;
}

/** A bind failure: the CLI prints it as one line. */
export class ProxyListenError extends Error {
  override readonly name = 'ProxyListenError';
}

/** Starts the proxy: every call on `host:port` is relayed to the target and, with `record`, written to the cassette. */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const upstream = createUpstream(options.target);
  const writer = options.record === undefined ? undefined : openWriter(options);
  const recorder = writer === undefined ? undefined : createRecorder({ writer: writer.writer, methods: gatewayMethods(), redact: metadataRedactor(options.redact), origin: writer.origin });
  const server: Http2Server = options.tls ? createSecureServer({ cert: options.tls.cert, key: options.tls.key }) : createServer();
  const sessions = new Set<Http2Session>();
  let stopping = false;
  server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.on('error', () => undefined);
    session.on('close', () => sessions.delete(session));
  });
  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    relayCall(stream, headers, upstream, recorder?.startCall(String(headers[':path']), headers), () => stopping);
  });
  const port = await listen(server, options.host, options.port).catch((e: unknown) => {
    writer?.writer.close();
    throw e;
  });
  return {
    address: `${options.host}:${port}`,
    port,
    stop: async () => {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const session of sessions) session.destroy();
      await closed;
      upstream.close();
      // Let the relays' last events (ends of reset calls) reach the queue before the file closes.
      await new Promise((resolve) => setImmediate(resolve));
      writer?.writer.close();
    },
  };
}

function openWriter(options: ProxyOptions): { writer: CassetteWriter; origin: number } {
  const origin = performance.now();
  const target = `${options.target.host}:${options.target.port}`;
  try {
    return { writer: openCassetteWriter(options.record ?? '', cassetteHeader(target, new Date())), origin };
  } catch (e) {
    throw new ProxyListenError(`cannot write the cassette ${options.record ?? ''}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function listen(server: Http2Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(new ProxyListenError(`cannot listen on ${host}:${port}: ${e.code ?? e.message}`)));
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
