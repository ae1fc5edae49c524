import { CASSETTE_FORMAT_VERSION, CASSETTE_KIND } from './format.js';
import type { CassetteEvent, CassetteHeader, CassetteMetadata, EndedBy, Payload } from './types.js';

/** A line's value or why it is not one (a message without file and line; the reader adds them). */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

type Fields = Readonly<Record<string, unknown>>;
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (error: string): Checked<never> => ({ ok: false, error });

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Checks the header line: kind, a version this reader knows, fingerprint, target and start time. */
export function checkHeader(value: unknown): Checked<CassetteHeader> {
  if (!isObject(value) || value.cassette !== CASSETTE_KIND) return bad(`not a cassette header (expected {"cassette":"${CASSETTE_KIND}",...})`);
  if (value.version !== CASSETTE_FORMAT_VERSION) return bad(`unknown cassette format version ${JSON.stringify(value.version)} (this kit reads version ${CASSETTE_FORMAT_VERSION})`);
  if (typeof value.proto !== 'string' || typeof value.target !== 'string') return bad("header needs string 'proto' and 'target'");
  if (typeof value.startedAt !== 'string' || Number.isNaN(Date.parse(value.startedAt))) return bad("header 'startedAt' is not an ISO time");
  return ok(value as unknown as CassetteHeader);
}

function checkMetadata(value: unknown, name: string): Checked<CassetteMetadata> {
  if (!isObject(value)) return bad(`'${name}' is not an object`);
  for (const [key, values] of Object.entries(value)) {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return bad(`'${name}.${key}' is not a list of strings`);
  }
  return ok(value as CassetteMetadata);
}

function checkPayload(value: unknown, codec: 'proto' | 'raw'): Checked<Payload> {
  if (!isObject(value)) return bad("'payload' is not an object");
  if ('message' in value) return codec === 'proto' ? ok(value as Payload) : bad('a decoded message in a raw call');
  if (typeof value.raw === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value.raw)) return ok(value as Payload);
  return bad("'payload' needs 'message' or base64 'raw'");
}

/** What the event checks need to know: which methods decode, and each open call's codec. */
export interface EventContext {
  readonly knownMethods: ReadonlySet<string>;
  readonly codecOf: (id: number) => 'proto' | 'raw' | undefined;
}

type EventCheck = (v: Fields, context: EventContext) => Checked<CassetteEvent>;

const ENDED_BY: readonly EndedBy[] = ['target', 'client', 'proxy'];

function callCodec(v: Fields, context: EventContext): Checked<'proto' | 'raw'> {
  const codec = context.codecOf(v.id as number);
  return codec === undefined ? bad(`event for call ${v.id as number}, which has not started`) : ok(codec);
}

const EVENT_CHECKS: Readonly<Record<CassetteEvent['e'], EventCheck>> = {
  call: (v, context) => {
    if (typeof v.method !== 'string' || !v.method.startsWith('/')) return bad("'method' is not a path like /package.Service/Method");
    if (v.codec !== 'proto' && v.codec !== 'raw') return bad("'codec' is neither proto nor raw");
    if (v.codec === 'proto' && !context.knownMethods.has(v.method)) return bad(`unknown method ${v.method} (decoded calls must be methods of gateway.proto)`);
    if (context.codecOf(v.id as number) !== undefined) return bad(`call ${v.id as number} started twice`);
    const metadata = checkMetadata(v.metadata, 'metadata');
    return metadata.ok ? ok(v as unknown as CassetteEvent) : metadata;
  },
  request: (v, context) => messageEvent(v, context),
  response: (v, context) => messageEvent(v, context),
  headers: (v, context) => {
    const codec = callCodec(v, context);
    if (!codec.ok) return codec;
    const metadata = checkMetadata(v.metadata, 'metadata');
    return metadata.ok ? ok(v as unknown as CassetteEvent) : metadata;
  },
  end: (v, context) => {
    const codec = callCodec(v, context);
    if (!codec.ok) return codec;
    if (!isCount(v.status) || v.status > 16) return bad("'status' is not a gRPC status code (0-16)");
    if (typeof v.details !== 'string') return bad("'details' is not a string");
    if (!ENDED_BY.includes(v.by as EndedBy)) return bad(`'by' is not one of ${ENDED_BY.join(', ')}`);
    const trailers = checkMetadata(v.trailers, 'trailers');
    return trailers.ok ? ok(v as unknown as CassetteEvent) : trailers;
  },
};

function messageEvent(v: Fields, context: EventContext): Checked<CassetteEvent> {
  const codec = callCodec(v, context);
  if (!codec.ok) return codec;
  const payload = checkPayload(v.payload, codec.value);
  return payload.ok ? ok(v as unknown as CassetteEvent) : payload;
}

/** Checks one event line: its kind, call id, offset and the fields of its kind. */
export function checkEvent(value: unknown, context: EventContext): Checked<CassetteEvent> {
  if (!isObject(value)) return bad('an event line must be a JSON object');
  const check = typeof value.e === 'string' ? EVENT_CHECKS[value.e as CassetteEvent['e']] as EventCheck | undefined : undefined;
  if (check === undefined) return bad(`unknown event ${JSON.stringify(value.e)} (expected ${Object.keys(EVENT_CHECKS).join(', ')})`);
  if (!isCount(value.id)) return bad("'id' is not a call number");
  if (!isOffset(value.at)) return bad("'at' is not a millisecond offset");
  return check(value, context);
}
