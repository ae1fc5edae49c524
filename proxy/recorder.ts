import type { IncomingHttpHeaders } from 'node:http2';
import { performance } from 'node:perf_hooks';
import type { CassetteMetadata, EndedBy } from './cassette/types.js';
import type { CassetteWriter } from './cassette/writer.js';
import { payloadOf, type MethodTable } from './codec.js';
import { frameParser } from './frames.js';
import { metadataOf } from './metadata.js';

/** How a relayed call ended, as the proxy saw it. */
export interface CallOutcome {
  readonly status: number;
  readonly details: string;
  readonly trailers: CassetteMetadata;
  readonly by: EndedBy;
}

/** The recorder's view of one relayed call: the relay reports each chunk and the end as they happen. */
export interface CallTap {
  request(chunk: Buffer): void;
  responseHeaders(headers: IncomingHttpHeaders): void;
  response(chunk: Buffer): void;
  end(outcome: CallOutcome): void;
}

/** Turns relayed calls into cassette events. */
export interface Recorder {
  startCall(method: string, headers: IncomingHttpHeaders): CallTap;
}

/** What the recorder needs: where to write, how to decode, what to redact, and the cassette's time origin. */
export interface RecorderOptions {
  readonly writer: CassetteWriter;
  readonly methods: MethodTable;
  readonly redact: (metadata: CassetteMetadata) => CassetteMetadata;
  /** `performance.now()` at the cassette's `startedAt`. */
  readonly origin: number;
}

/** Creates a recorder numbering calls from 1 in the order they start. */
export function createRecorder(options: RecorderOptions): Recorder {
  const { writer, methods, redact, origin } = options;
  let nextId = 1;
  const now = (): number => Math.round((performance.now() - origin) * 1000) / 1000;
  return {
    startCall(method, headers) {
      const id = nextId++;
      const codec = methods.get(method);
      writer.append({ e: 'call', id, at: now(), method, codec: codec ? 'proto' : 'raw', metadata: redact(metadataOf(headers)) });
      const requests = frameParser();
      const responses = frameParser();
      let ended = false;
      const requestEncoding = encodingOf(headers);
      let responseEncoding = 'identity';
      return {
        request(chunk) {
          for (const f of requests(chunk)) writer.append({ e: 'request', id, at: now(), payload: payloadOf(f.bytes, f.compressed, codec?.decodeRequest, requestEncoding) });
        },
        responseHeaders(h) {
          responseEncoding = encodingOf(h);
          writer.append({ e: 'headers', id, at: now(), metadata: redact(metadataOf(h)) });
        },
        response(chunk) {
          for (const f of responses(chunk)) writer.append({ e: 'response', id, at: now(), payload: payloadOf(f.bytes, f.compressed, codec?.decodeResponse, responseEncoding) });
        },
        end(outcome) {
          if (ended) return;
          ended = true;
          writer.append({ e: 'end', id, at: now(), ...outcome, trailers: redact(outcome.trailers) });
        },
      };
    },
  };
}

function encodingOf(headers: IncomingHttpHeaders): string {
  const value = headers['grpc-encoding'];
  return (Array.isArray(value) ? value[0] : value) ?? 'identity';
}
