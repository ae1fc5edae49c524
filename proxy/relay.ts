import { constants, type ClientHttp2Stream, type IncomingHttpHeaders, type OutgoingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { CallTap } from './recorder.js';
import { decodeGrpcMessage, encodeGrpcMessage, metadataOf, statusOf } from './metadata.js';
import type { Upstream } from './upstream.js';

const UNAVAILABLE = 14;
const CANCELLED = 1;

/** Request headers the relay leaves to the client session (it sets `:scheme` for its own connection). */
const NOT_FORWARDED = new Set([':scheme']);

function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!NOT_FORWARDED.has(name) && value !== undefined) out[name] = value;
  return out;
}

/** One relayed call's ending: exactly one of finish, fail or cancel takes effect. */
interface Ending {
  readonly finished: () => boolean;
  /** Ends the client's call with the target's trailers (or trailers-only headers). */
  finish(trailers: IncomingHttpHeaders, status: number): void;
  /** Ends the client's call UNAVAILABLE: the target failed. */
  fail(details: string): void;
  /** The client went away first (or the proxy is stopping: `byProxy`). */
  cancel(byProxy: boolean): void;
}

function ending(client: ServerHttp2Stream, tap: CallTap | undefined): Ending {
  let finished = false;
  let closing: OutgoingHttpHeaders = {};
  client.on('wantTrailers', () => client.sendTrailers(closing));
  const close = (trailers: OutgoingHttpHeaders): void => {
    if (client.destroyed || client.closed) return;
    if (client.headersSent) {
      closing = trailers;
      client.end();
    } else client.respond({ ':status': 200, 'content-type': 'application/grpc', ...trailers }, { endStream: true });
  };
  const once = (f: () => void): void => {
    if (finished) return;
    finished = true;
    f();
  };
  return {
    finished: () => finished,
    finish: (trailers, status) =>
      once(() => {
        tap?.end({ status, details: decodeGrpcMessage(trailers['grpc-message']), trailers: metadataOf(trailers, true), by: 'target' });
        close(forwardable(trailers));
      }),
    fail: (details) =>
      once(() => {
        tap?.end({ status: UNAVAILABLE, details, trailers: {}, by: 'proxy' });
        close({ 'grpc-status': String(UNAVAILABLE), 'grpc-message': encodeGrpcMessage(details) });
      }),
    cancel: (byProxy) => once(() => tap?.end({ status: CANCELLED, details: byProxy ? 'proxy stopped' : 'cancelled by the client', trailers: {}, by: byProxy ? 'proxy' : 'client' })),
  };
}

/**
 * Relays one gRPC call between a client stream and the target, byte for byte and as the bytes arrive: request
 * headers (grpc-timeout included, so deadlines propagate), DATA both ways with back-pressure, response headers and
 * trailers. A client reset cancels the upstream call; an upstream failure ends the client's call UNAVAILABLE.
 */
export function relayCall(client: ServerHttp2Stream, headers: IncomingHttpHeaders, upstream: Upstream, tap: CallTap | undefined, stopping: () => boolean): void {
  client.on('error', () => undefined);
  const end = ending(client, tap);
  let out: ClientHttp2Stream;
  try {
    out = upstream.session().request(forwardable(headers));
  } catch (e) {
    end.fail(`proxy: cannot reach the target: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  let failure: string | undefined;
  out.on('error', (e: Error) => (failure = e.message));
  pipe(client, out, (chunk) => tap?.request(chunk));
  client.on('end', () => out.end());
  client.on('close', () => {
    if (end.finished()) return;
    end.cancel(stopping());
    if (!out.closed) out.close(constants.NGHTTP2_CANCEL);
  });
  relayResponse(client, out, tap, end, () => failure ?? upstream.lastError() ?? `HTTP/2 code ${out.rstCode}`);
}

/** Upstream to client: headers, DATA as it arrives, then trailers once the upstream stream has closed. */
function relayResponse(client: ServerHttp2Stream, out: ClientHttp2Stream, tap: CallTap | undefined, end: Ending, why: () => string): void {
  let trailers: IncomingHttpHeaders | undefined;
  out.on('response', (h: IncomingHttpHeaders) => {
    if (end.finished()) return;
    if (statusOf(h) !== undefined) {
      trailers = h; // Trailers-only: answered once the upstream stream closes.
      return;
    }
    tap?.responseHeaders(h);
    // The client may have reset its stream a moment ago; its 'close' (and the upstream cancel) is on its way.
    if (!client.destroyed && !client.closed) client.respond(forwardable(h), { waitForTrailers: true });
  });
  pipe(out, client, (chunk) => tap?.response(chunk));
  out.on('trailers', (t: IncomingHttpHeaders) => (trailers = t));
  out.on('close', () => {
    const status = trailers === undefined ? undefined : statusOf(trailers);
    if (trailers === undefined || status === undefined) end.fail(`proxy: the target closed the call without a status (${why()})`);
    else end.finish(trailers, status);
  });
}

/** Forwards DATA chunks from one stream to the other with back-pressure, showing each chunk to `see` first. */
function pipe(from: ServerHttp2Stream | ClientHttp2Stream, to: ServerHttp2Stream | ClientHttp2Stream, see: (chunk: Buffer) => void): void {
  from.on('data', (chunk: Buffer) => {
    see(chunk);
    if (!to.write(chunk)) from.pause();
  });
  to.on('drain', () => from.resume());
}
