import fc from 'fast-check';
import protobuf from 'protobufjs';
import { PROTO_PATH } from '../../proto/index.js';
import { AUTHORIZED_TENANT, MAX_TENANT, PARTITION_ONE_KEY } from '../../suites/cases/valid-requests.js';

/** Nested messages deeper than this are sent empty. */
const MAX_DEPTH = 3;

/** gateway.proto as protobufjs sees it, with the original field names (as proto-loader's keepCase). */
export function loadGatewayRoot(): protobuf.Root {
  const root = new protobuf.Root().loadSync(PROTO_PATH, { keepCase: true });
  root.resolveAll();
  return root;
}

/** The request message type of every RPC, by RPC name. */
export function requestTypes(root: protobuf.Root): Map<string, protobuf.Type> {
  const service = root.lookupService('gateway_protocol.Gateway');
  return new Map(service.methodsArray.map((m) => [m.name, m.resolvedRequestType ?? root.lookupType(m.requestType)]));
}

const repeatOf = (chars: readonly string[], min: number, max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...chars), fc.integer({ min, max })).map(([c, n]) => c.repeat(n));

const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 8 });

/** Strings: tenant-ish and key-ish values, unicode, empty, whitespace, control characters, lone surrogates, very long. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('', ' ', '\t\n ', '\u0000', '<default>', AUTHORIZED_TENANT, MAX_TENANT, `${MAX_TENANT}b`, 'tenant a', 'ténant', 'a/b'), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: loneSurrogates, weight: 1 },
  { arbitrary: repeatOf(['x', ' ', 'é', '💥', '\u0000'], 100, 30_000), weight: 1 },
);

const bigIntegerDigits = repeatOf(['9'], 20, 100_000);

/** Text for `variables`-like fields: JSON of every type, broken JSON, integers beyond 64 bits, deep nesting. */
export const variablesText: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })).map((o) => JSON.stringify(o)),
  fc.json({ maxDepth: 2 }).chain((t) => fc.nat({ max: t.length }).map((n) => t.slice(0, n))),
  fc.constantFrom('{', '}', '{"a":}', "{'a':1}", '{"a":1,}', 'null', '[]', '"x"', '1e400', '{"a":1e400}', '\uFEFF{}', '{"a":NaN}'),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((v) => `{"n":${v}}`),
  fc.tuple(bigIntegerDigits, fc.constantFrom('{"n":#}', '{"n":-#}', '{"a":[1,#]}')).map(([d, shape]) => shape.replace('#', d)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  anyString,
);

const INT32_EXTREMES = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53];
const INT64_EXTREMES = ['0', '1', '-1', PARTITION_ONE_KEY, '2251799813685248', '9223372036854775807', '-9223372036854775808', '18446744073709551615'];

const int32: fc.Arbitrary<number | string> = fc.oneof(fc.integer(), fc.constantFrom(...INT32_EXTREMES), fc.constantFrom(...INT32_EXTREMES).map(String));

const int64: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(...INT64_EXTREMES),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
  fc.bigInt({ min: 1n, max: 2n ** 12n }).map((p) => String((p << 51n) + 1n)),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 63, -(2 ** 63)),
);

function scalar(type: string, name: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return /variables|headers/i.test(name) ? variablesText : anyString;
    case 'bool':
      return fc.boolean();
    case 'bytes':
      return fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.constant(new Uint8Array()));
    case 'int32':
    case 'uint32':
    case 'sint32':
      return int32;
    default:
      return int64;
  }
}

function field(f: protobuf.Field, depth: number): fc.Arbitrary<unknown> {
  const resolved = f.resolvedType;
  let one: fc.Arbitrary<unknown>;
  if (resolved instanceof protobuf.Type) one = depth >= MAX_DEPTH ? fc.constant({}) : message(resolved, depth + 1);
  else if (resolved instanceof protobuf.Enum) one = fc.oneof(fc.constantFrom(...Object.keys(resolved.values)), int32);
  else one = scalar(f.type, f.name);
  return f.repeated ? fc.array(one, { maxLength: 3 }) : one;
}

function message(type: protobuf.Type, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of type.fieldsArray) model[f.name] = field(f, depth);
  return fc.record(model, { requiredKeys: [] });
}

/** Plain objects of a request message's shape, every field optional, values from the pools above. */
export function requestArbitrary(type: protobuf.Type): fc.Arbitrary<Record<string, unknown>> {
  return message(type, 0);
}

/** Arbitrary bytes, and well-formed requests of the type with one byte overwritten or the tail cut off. */
export function rawBytesArbitrary(type: protobuf.Type): fc.Arbitrary<Buffer> {
  const encoded = requestArbitrary(type).map((o) => Buffer.from(type.encode(type.fromObject(o)).finish()));
  const mutated = fc.tuple(encoded, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([bytes, at, value, cut]) => {
    if (bytes.length === 0) return bytes;
    const i = at % bytes.length;
    if (cut) return bytes.subarray(0, i);
    bytes[i] = value;
    return bytes;
  });
  return fc.oneof(fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)), mutated);
}

const varint = (value: bigint): number[] => {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  return [...out, Number(v)];
};

/** Hand-picked malformed encodings, sent to every method. */
export const NASTY_PAYLOADS: readonly (readonly [string, Buffer])[] = [
  ['empty', Buffer.alloc(0)],
  ['truncated varint', Buffer.from([0x08, 0xff])],
  ['varint of 11 bytes', Buffer.from([0x08, ...new Array<number>(10).fill(0xff), 0x01])],
  ['length-delimited field 1 claiming 2^31 bytes', Buffer.from([0x0a, ...varint(2n ** 31n), 0x61, 0x62])],
  ['length-delimited field 1 claiming 2^64-1 bytes', Buffer.from([0x0a, ...varint(2n ** 64n - 1n)])],
  // Field 15 is unknown to every request, so the decoder skips groups (recursively) instead of reading a known field.
  ['100000 nested start groups', Buffer.alloc(100_000, 0x7b)],
  ['5000 balanced nested groups', Buffer.concat([Buffer.alloc(5000, 0x7b), Buffer.alloc(5000, 0x7c)])],
  ['end group without start', Buffer.from([0x7c])],
  ['wire types 6 and 7', Buffer.from([0x0e, 0x01, 0x0f, 0x01])],
  ['field number 0', Buffer.from([0x00, 0x01])],
  ['highest field number', Buffer.from([...varint((2n ** 29n - 1n) << 3n), 0x01])],
  ['invalid UTF-8 in field 1', Buffer.from([0x0a, 0x05, 0xc3, 0x28, 0xff, 0xfe, 0x80])],
  ['UTF-16 surrogate encoded in field 1', Buffer.from([0x0a, 0x03, 0xed, 0xa0, 0x80])],
  ['truncated fixed64', Buffer.from([0x09, 0x01, 0x02])],
  ['garbage inside field 1 as a message', Buffer.from([0x0a, 0x03, 0x08, 0xff, 0x0b])],
  ['every field number 1..15 as varint 2^64-1', Buffer.from(Array.from({ length: 15 }, (_, i) => [(i + 1) << 3, ...varint(2n ** 64n - 1n)]).flat())],
];

/** `authorization` header values no engine may accept: printable ASCII only, as HTTP/2 metadata allows. */
export function badAuthorization(jwtLike: readonly string[]): fc.Arbitrary<string> {
  const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 });
  const b64 = fc.base64String({ maxLength: 120 }).map((s) => s.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
  const jwtish = fc.tuple(fc.constantFrom('eyJhbGciOiJFUzI1NiJ9', 'eyJhbGciOiJub25lIn0', ''), b64, b64).map((p) => p.join('.'));
  return fc.oneof(
    printable,
    printable.map((s) => `Bearer ${s}`),
    jwtish.map((s) => `Bearer ${s}`),
    fc.tuple(fc.constantFrom('bearer', 'BEARER', 'Basic', 'Bearer  ', 'Token'), printable).map(([a, b]) => `${a} ${b}`),
    fc.constantFrom('', ' ', 'Bearer', 'Bearer ', ...jwtLike.map((t) => `Bearer ${t}`)),
  );
}
