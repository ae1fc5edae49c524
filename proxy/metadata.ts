import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http2';
import type { CassetteMetadata } from './cassette/types.js';

/** Headers gRPC itself owns on the way back; the cassette keeps them as status and details instead. */
const STATUS_HEADERS = new Set(['grpc-status', 'grpc-message']);

/** HTTP/2 headers as cassette metadata: pseudo-headers (`:path`, `:status`, ...) dropped, values as lists. */
export function metadataOf(headers: IncomingHttpHeaders, dropStatus = false): CassetteMetadata {
  const out: Record<string, readonly string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(':') || value === undefined || (dropStatus && STATUS_HEADERS.has(name))) continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  return out;
}

/** Cassette metadata as outgoing HTTP/2 headers. */
export function headersOf(metadata: CassetteMetadata): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, values] of Object.entries(metadata)) out[name] = values.length === 1 ? values[0] : [...values];
  return out;
}

/** grpc-message is percent-encoded on the wire; a malformed one is kept as it came. */
export function decodeGrpcMessage(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Percent-encodes details for grpc-message as the gRPC spec says: '%' and bytes outside printable ASCII only. */
export function encodeGrpcMessage(details: string): string {
  return details.replace(/[^\x20-\x24\x26-\x7E]+/gu, (run) => encodeURIComponent(run));
}

/** The numeric grpc-status of a header block, or undefined when it has none. */
export function statusOf(headers: IncomingHttpHeaders): number | undefined {
  const value = headers['grpc-status'];
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return undefined;
  const code = Number(text);
  return Number.isInteger(code) && code >= 0 && code <= 16 ? code : 2;
}
