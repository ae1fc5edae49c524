/** Requests as proto-JSON text: what a report prints and what a reader can paste into any gRPC client. */

/** A copy of a request in proto-JSON form: bytes as base64, 64-bit integers as decimal strings. */
export function toProtoJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toProtoJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toProtoJson(v)]));
  }
  return value;
}
