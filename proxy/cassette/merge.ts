import { CASSETTE_FORMAT_VERSION, CASSETTE_KIND } from './format.js';
import { CassetteError } from './read.js';
import type { Cassette, CassetteEvent, CassetteHeader, RecordedCall } from './types.js';

/** Which calls to keep: by method (Rpc names) and by start time (absolute, inclusive). */
export interface CallFilter {
  /** Keep only these methods (Rpc names like `ActivateJobs`); empty keeps all. */
  readonly methods: readonly string[];
  /** Drop these methods. */
  readonly dropMethods: readonly string[];
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

const rpcOf = (method: string): string => method.slice(method.lastIndexOf('/') + 1);

/**
 * Merges cassettes into one (times shifted to the earliest start, calls renumbered in start order) keeping the
 * calls `filter` selects; the result is a header and the events to write, in time order.
 */
export function mergeCassettes(cassettes: readonly Cassette[], filter: CallFilter): { header: CassetteHeader; events: CassetteEvent[] } {
  const first = cassettes[0];
  if (first === undefined) throw new Error('nothing to merge');
  const other = cassettes.find((c) => c.header.proto !== first.header.proto);
  if (other !== undefined) throw new CassetteError(other.path, 1, `recorded with another gateway.proto than ${first.path} (${other.header.proto} vs ${first.header.proto})`);
  const origin = Math.min(...cassettes.map((c) => Date.parse(c.header.startedAt)));
  const kept = cassettes.flatMap((c) => {
    const shift = Date.parse(c.header.startedAt) - origin;
    return c.calls.filter((call) => selected(call, Date.parse(c.header.startedAt), filter)).map((call) => ({ call, shift }));
  });
  kept.sort((a, b) => a.call.at + a.shift - (b.call.at + b.shift));
  const events = kept.flatMap(({ call, shift }, i) => eventsOf(call, i + 1, shift));
  events.sort((a, b) => a.at - b.at);
  const targets = [...new Set(cassettes.map((c) => c.header.target))];
  const header: CassetteHeader = { cassette: CASSETTE_KIND, version: CASSETTE_FORMAT_VERSION, proto: first.header.proto, target: targets.join(','), startedAt: new Date(origin).toISOString() };
  return { header, events };
}

function selected(call: RecordedCall, startedAt: number, filter: CallFilter): boolean {
  const rpc = rpcOf(call.method);
  if (filter.methods.length > 0 && !filter.methods.includes(rpc)) return false;
  if (filter.dropMethods.includes(rpc)) return false;
  const at = startedAt + call.at;
  return (filter.from === undefined || at >= filter.from.getTime()) && (filter.to === undefined || at <= filter.to.getTime());
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** A call's events again, with a new id and times shifted by `shift` ms. */
function eventsOf(call: RecordedCall, id: number, shift: number): CassetteEvent[] {
  const events: CassetteEvent[] = [{ e: 'call', id, at: round(call.at + shift), method: call.method, codec: call.codec, metadata: call.metadata }];
  for (const r of call.requests) events.push({ e: 'request', id, at: round(r.at + shift), payload: r.payload });
  if (call.headers) events.push({ e: 'headers', id, at: round(call.headers.at + shift), metadata: call.headers.metadata });
  for (const r of call.responses) events.push({ e: 'response', id, at: round(r.at + shift), payload: r.payload });
  if (call.end) events.push({ e: 'end', id, ...call.end, at: round(call.end.at + shift) });
  return events;
}
