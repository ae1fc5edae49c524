import { readFileSync } from 'node:fs';
import { gatewayMethods } from '../codec.js';
import type { CallEvent, Cassette, CassetteEvent, CassetteHeader, RecordedCall, TimedPayload } from './types.js';
import { checkEvent, checkHeader, type Checked } from './validate.js';

/** A cassette that cannot be used: the message starts with `file:line:` (just `file:` when it cannot be read). */
export class CassetteError extends Error {
  override readonly name = 'CassetteError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
  }
}

interface CallBuilder {
  readonly start: CallEvent;
  readonly line: number;
  readonly requests: TimedPayload[];
  headers: RecordedCall['headers'];
  readonly responses: TimedPayload[];
  end: RecordedCall['end'];
}

/** Reads and validates a cassette; calls still in flight when recording stopped come back with `end` undefined. */
export function readCassette(path: string): Cassette {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CassetteError(path, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseCassette(path, text);
}

/** Parses cassette text (see readCassette); `path` only names the file in errors. */
export function parseCassette(path: string, text: string): Cassette {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = checked(path, 1, lines.length === 0 ? { ok: false, error: 'empty file, expected a cassette header' } : checkHeader(parseLine(lines[0] ?? '')));
  const knownMethods = new Set(gatewayMethods().keys());
  const calls = new Map<number, CallBuilder>();
  const codecOf = (id: number) => calls.get(id)?.start.codec;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const isLast = i === lines.length - 1 && !text.endsWith('\n');
    const parsed = parseLine(line);
    if (parsed === UNPARSABLE) throw new CassetteError(path, i + 1, isLast ? 'truncated line (not complete JSON)' : 'not a JSON line');
    apply(path, calls, checked(path, i + 1, checkEvent(parsed, { knownMethods, codecOf })), i + 1);
  }
  return { path, header: header satisfies CassetteHeader, calls: [...calls.values()].map(build) };
}

const UNPARSABLE = Symbol('unparsable');

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return UNPARSABLE;
  }
}

function checked<T>(path: string, line: number, result: Checked<T>): T {
  if (!result.ok) throw new CassetteError(path, line, result.error);
  return result.value;
}

function apply(path: string, calls: Map<number, CallBuilder>, event: CassetteEvent, line: number): void {
  if (event.e === 'call') {
    calls.set(event.id, { start: event, line, requests: [], headers: undefined, responses: [], end: undefined });
    return;
  }
  const call = calls.get(event.id) as CallBuilder;
  if (call.end !== undefined) throw new CassetteError(path, line, `event for call ${event.id}, which already ended`);
  if (event.e === 'request') call.requests.push({ at: event.at, payload: event.payload });
  else if (event.e === 'response') call.responses.push({ at: event.at, payload: event.payload });
  else if (event.e === 'headers') call.headers = { at: event.at, metadata: event.metadata };
  else call.end = { at: event.at, status: event.status, details: event.details, trailers: event.trailers, by: event.by };
}

function build(b: CallBuilder): RecordedCall {
  const { id, method, codec, at, metadata } = b.start;
  return { id, line: b.line, method, codec, at, metadata, requests: b.requests, headers: b.headers, responses: b.responses, end: b.end };
}
