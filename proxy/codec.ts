import { gunzipSync, inflateSync } from 'node:zlib';
import type { MethodDefinition } from '@grpc/proto-loader';
import { GATEWAY_SERVICE, loadGatewayPackageDefinition } from '../proto/load.js';
import type { Payload } from './cassette/types.js';

/** How one gateway method's messages turn into proto-JSON and back. */
export interface MethodCodec {
  readonly path: string;
  readonly name: string;
  readonly responseStream: boolean;
  readonly decodeRequest: (bytes: Buffer) => unknown;
  readonly decodeResponse: (bytes: Buffer) => unknown;
  readonly encodeRequest: (message: unknown) => Buffer;
  readonly encodeResponse: (message: unknown) => Buffer;
}

/** The gateway's methods by path (`/gateway_protocol.Gateway/<Rpc>`). */
export type MethodTable = ReadonlyMap<string, MethodCodec>;

/** Builds the method table from the kit's gateway.proto (64-bit integers as strings, enums as names). */
export function gatewayMethods(): MethodTable {
  const service = loadGatewayPackageDefinition()[GATEWAY_SERVICE];
  const table = new Map<string, MethodCodec>();
  if (service === undefined || 'format' in service) return table;
  for (const [name, method] of Object.entries(service)) table.set(method.path, methodCodec(name, method));
  return table;
}

function methodCodec(name: string, method: MethodDefinition<object, object>): MethodCodec {
  return {
    path: method.path,
    name,
    responseStream: method.responseStream,
    decodeRequest: (bytes) => toJson(method.requestDeserialize(bytes)),
    decodeResponse: (bytes) => toJson(method.responseDeserialize(bytes)),
    encodeRequest: (message) => method.requestSerialize(message as object),
    encodeResponse: (message) => method.responseSerialize(message as object),
  };
}

/** Proto-JSON of a decoded message: bytes fields as base64, and no proto-loader oneof markers (`_field`). */
export function toJson(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (!key.startsWith('_')) out[key] = toJson(field);
  return out;
}

/** Decompressors of the standard grpc-encoding values. */
const DECOMPRESS: Readonly<Record<string, (bytes: Buffer) => Buffer>> = { gzip: gunzipSync, deflate: inflateSync, identity: (b) => b };

/**
 * Decodes one frame's bytes for the cassette (decompressed by its grpc-encoding); what does not decode stays raw,
 * as it crossed the wire.
 */
export function payloadOf(bytes: Buffer, compressed: boolean, decode: ((bytes: Buffer) => unknown) | undefined, encoding = 'identity'): Payload {
  const decompress = compressed ? DECOMPRESS[encoding] : DECOMPRESS.identity;
  if (decode !== undefined && decompress !== undefined) {
    try {
      return { message: decode(decompress(bytes)) };
    } catch {
      // Bytes the schema cannot read are still recorded, as they were.
    }
  }
  return compressed ? { raw: bytes.toString('base64'), compressed: true } : { raw: bytes.toString('base64') };
}

/** The bytes and compressed flag of a recorded payload, encoded with `encode` when decoded. */
export function bytesOf(payload: Payload, encode: ((message: unknown) => Buffer) | undefined): { bytes: Buffer; compressed: boolean } {
  if ('raw' in payload) return { bytes: Buffer.from(payload.raw, 'base64'), compressed: payload.compressed === true };
  if (encode === undefined) throw new Error('a decoded message of a method without a codec');
  return { bytes: encode(payload.message), compressed: false };
}
