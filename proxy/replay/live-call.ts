import { Metadata, type Client, type ServiceError } from '@grpc/grpc-js';
import type { CassetteMetadata, Payload } from '../cassette/types.js';
import { bytesOf, toJson, type MethodCodec } from '../codec.js';
import { REDACTED } from '../redact.js';

/** What the live target answered. */
export interface LiveOutcome {
  readonly status: number;
  readonly details: string;
  readonly messages: readonly unknown[];
}

/** Recorded request metadata the live call does not resend: transport headers grpc-js sets itself. */
const TRANSPORT_HEADERS = new Set(['content-type', 'te', 'user-agent', 'grpc-accept-encoding', 'accept-encoding', 'grpc-encoding', 'grpc-timeout', 'content-length']);

/** The metadata to send: recorded metadata minus transport headers and redacted values, plus the user's. */
export function liveMetadata(recorded: CassetteMetadata, extra: Readonly<Record<string, string>>): Metadata {
  const metadata = new Metadata();
  for (const [name, values] of Object.entries(recorded)) {
    if (TRANSPORT_HEADERS.has(name) || name.startsWith(':')) continue;
    for (const value of values) if (value !== REDACTED) metadata.add(name, name.endsWith('-bin') ? Buffer.from(value, 'base64') : value);
  }
  for (const [name, value] of Object.entries(extra)) metadata.set(name, value);
  return metadata;
}

const UNITS: Readonly<Record<string, number>> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000001 };

/** Milliseconds of a recorded grpc-timeout header (`5S`, `100m`), or undefined. */
export function recordedTimeout(metadata: CassetteMetadata): number | undefined {
  const match = /^(\d+)([HMSmun])$/.exec(metadata['grpc-timeout']?.[0] ?? '');
  return match === null ? undefined : Number(match[1]) * (UNITS[match[2] ?? 'S'] ?? 1000);
}

/** How one recorded request goes out again: its (key-mapped) message and the codec for both directions. */
export interface LiveRequest {
  readonly argument: unknown;
  readonly serialize: (message: unknown) => Buffer;
  readonly deserialize: (bytes: Buffer) => unknown;
}

/** The live request for a recorded payload, with `mapMessage` applied to a decoded message (keys). */
export function liveRequest(payload: Payload, codec: MethodCodec | undefined, mapMessage: (message: unknown) => unknown): LiveRequest {
  const deserialize = (bytes: Buffer): unknown => (codec ? toJson(codec.decodeResponse(bytes)) : bytes.toString('base64'));
  if ('raw' in payload || codec === undefined) return { argument: null, serialize: () => bytesOf(payload, undefined).bytes, deserialize };
  return { argument: mapMessage(payload.message), serialize: codec.encodeRequest, deserialize };
}

/**
 * Sends one request on `method` as a server-streaming call (unary is the same on the wire) and collects every
 * response message; `onMessage` reports progress so later calls can wait for it.
 */
export function sendLive(client: Client, method: string, request: LiveRequest, metadata: Metadata, timeoutMs: number | undefined, onMessage: (count: number) => void): Promise<LiveOutcome> {
  const options = timeoutMs === undefined ? {} : { deadline: Date.now() + timeoutMs };
  return new Promise((resolve) => {
    const messages: unknown[] = [];
    const call = client.makeServerStreamRequest(method, request.serialize, request.deserialize, request.argument, metadata, options);
    call.on('data', (message: unknown) => {
      messages.push(message);
      onMessage(messages.length);
    });
    call.on('error', () => undefined);
    call.on('status', (s: Pick<ServiceError, 'code' | 'details'>) => resolve({ status: s.code, details: s.details, messages }));
  });
}
