import { constants, type IncomingHttpHeaders, type OutgoingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { CallTap } from './recorder.js';
import { decodeGrpcMessage, encodeGrpcMessage, metadataOf, statusOf } from './metadata.js';
import type { Upstream } from './upstream.js';

const UNAVAILABLE = 14;
const CANCELLED = 1;

/** Request headers the relay sets itself (HTTP/2 pseudo-headers the client session fills in). */
const NOT_FORWARDED = new Set([':scheme']);

function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!NOT_FORWARDED.has(name) && value !== undefined) out[name] = value;
  return out;
}

/**
 * Relays one gRPC call between a client stream and the target, byte for byte and as the bytes arrive: request
 * headers (grpc-timeout included, so deadlines propagate), DATA both ways with back-pressure, response headers and
 * trailers. A client reset cancels the upstream call; an upstream failure ends the client's call UNAVAILABLE.
 */
export function relayCall(client: ServerHttp2Stream, headers: IncomingHttpHeaders, upstream: Upstream, tap: CallTap | undefined): void {
  let finished = false;
  let trailers: IncomingHttpHeaders | undefined;
  let closing: OutgoingHttpHeaders = {};
  client.on('error', () => undefined);
  const fail = (details: string): void => {
    if (finished) return;
    finished = true;
    tap?.end({ status: UNAVAILABLE, details, trailers: {}, by: 'proxy' });
    if (client.destroyed || client.closed) return;
    const status = { 'grpc-status': String(UNAVAILABLE), 'grpc-message': encodeGrpcMessage(details) };
    if (client.headersSent) {
      closing = status;
      client.end();
    } else client.respond({ ':status': 200, 'content-type': 'application/grpc', ...status }, { endStream: true });
  };
  let call;
  try {
    call = upstream.session().request(forwardable(headers));
  } catch (e) {
    fail(`proxy: cannot reach the target: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const out = call;
  out.on('error', () => undefined);
  client.on('data', (chunk: Buffer) => {
    tap?.request(chunk);
    if (!out.write(chunk)) client.pause();
  });
  out.on('drain', () => client.resume());
  client.on('end', () => out.end());
  client.on('wantTrailers', () => client.sendTrailers(closing));
  client.on('close', () => {
    if (finished) return;
    finished = true;
    tap?.end({ status: CANCELLED, details: 'cancelled by the client', trailers: {}, by: 'client' });
    if (!out.closed) out.close(constants.NGHTTP2_CANCEL);
  });
  out.on('response', (h: IncomingHttpHeaders) => {
    if (finished) return;
    if (statusOf(h) !== undefined) {
      trailers = h;
      return; // Trailers-only: answered once the upstream stream closes.
    }
    tap?.responseHeaders(h);
    client.respond(forwardable(h), { waitForTrailers: true });
  });
  out.on('data', (chunk: Buffer) => {
    tap?.response(chunk);
    if (!client.write(chunk)) out.pause();
  });
  client.on('drain', () => out.resume());
  out.on('trailers', (t: IncomingHttpHeaders) => (trailers = t));
  out.on('close', () => {
    if (finished) return;
    const status = trailers === undefined ? undefined : statusOf(trailers);
    if (trailers === undefined || status === undefined) {
      fail(`proxy: the target closed the call without a status (HTTP/2 code ${out.rstCode})`);
      return;
    }
    finished = true;
    tap?.end({ status, details: decodeGrpcMessage(trailers['grpc-message']), trailers: metadataOf(trailers, true), by: 'target' });
    if (client.destroyed || client.closed) return;
    if (client.headersSent) {
      closing = forwardable(trailers);
      client.end();
    } else client.respond(forwardable(trailers), { endStream: true });
  });
}
