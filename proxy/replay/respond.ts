import type { OutgoingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CassetteMetadata, RecordedCall } from '../cassette/types.js';
import { bytesOf, type MethodCodec } from '../codec.js';
import { encodeFrame } from '../frames.js';
import { encodeGrpcMessage, headersOf } from '../metadata.js';

/** Response headers the replay sets itself rather than copying from the recording. */
const OWN_HEADERS = new Set(['content-length', 'date', 'grpc-encoding']);

function recordedHeaders(metadata: CassetteMetadata): OutgoingHttpHeaders {
  return headersOf(Object.fromEntries(Object.entries(metadata).filter(([name]) => !OWN_HEADERS.has(name))));
}

/** Sends a bare status (trailers-only): how replay answers a miss. */
export function answerStatus(stream: ServerHttp2Stream, code: number, details: string, extra: OutgoingHttpHeaders = {}): void {
  if (stream.destroyed || stream.closed) return;
  stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(code), 'grpc-message': encodeGrpcMessage(details), ...extra }, { endStream: true });
}

/**
 * Plays a recorded answer: headers, each response message (after its recorded delay unless `fast`), then the
 * status and trailers. A call the client had cancelled stays open, like the original, until the client leaves.
 */
export async function playAnswer(stream: ServerHttp2Stream, call: RecordedCall, codec: MethodCodec | undefined, fast: boolean): Promise<void> {
  const end = call.end;
  if (end === undefined) return;
  const trailers = { ...recordedHeaders(end.trailers), 'grpc-status': String(end.status), 'grpc-message': encodeGrpcMessage(end.details) };
  if (call.headers === undefined && end.by !== 'client') {
    answerStatus(stream, end.status, end.details, recordedHeaders(end.trailers));
    return;
  }
  stream.respond({ ':status': 200, 'content-type': 'application/grpc', ...recordedHeaders(call.headers?.metadata ?? {}) }, { waitForTrailers: true });
  stream.on('wantTrailers', () => stream.sendTrailers(trailers));
  let clock = call.requests.at(-1)?.at ?? call.at;
  for (const response of call.responses) {
    if (!fast && response.at > clock) await sleep(response.at - clock);
    clock = response.at;
    if (stream.destroyed || stream.closed) return;
    const { bytes, compressed } = bytesOf(response.payload, codec?.encodeResponse);
    stream.write(encodeFrame(bytes, compressed));
  }
  if (end.by === 'client') return;
  if (!fast && end.at > clock) await sleep(end.at - clock);
  if (!stream.destroyed && !stream.closed) stream.end();
}
