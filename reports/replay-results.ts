/**
 * The replay half of the results model: what `replay verify` concluded for each recorded call re-sent to a live
 * gateway. A replay run is `kind: 'replay'` of the same versioned model a verify run writes (see results.ts).
 */

/** `mismatched`: the live call differed from the recording (a regression); `skipped`: it could not be replayed. */
export type CallVerdict = 'matched' | 'mismatched' | 'skipped';

/** Every call verdict, worst first (the order reports list them in). */
export const CALL_VERDICTS: readonly CallVerdict[] = ['mismatched', 'matched', 'skipped'];

/** One field whose value differs; `status` and `messages` paths for the status code and the message count. */
export interface FieldDifference {
  /** Dotted path, `[i]` for list items (the first `[i]` is the response message); `''` for a whole message. */
  readonly path: string;
  /** Absent when the recording had no such field. */
  readonly recorded?: unknown;
  /** Absent when the live response had no such field. */
  readonly live?: unknown;
}

/** One recorded call replayed against the live target. */
export interface CallResult {
  /** The call's id in the cassette. */
  readonly id: number;
  /** Line of the call in the cassette. */
  readonly line: number;
  /** The full gRPC path, e.g. `/gateway_protocol.Gateway/ActivateJobs`. */
  readonly method: string;
  /** The method's last segment (the RPC), which reports group by. */
  readonly rpc: string;
  readonly verdict: CallVerdict;
  /** Why it was skipped, or a one-line summary of the mismatch. */
  readonly reason?: string;
  /** Numeric gRPC status codes, and the number of response messages. */
  readonly recorded: { readonly status: number; readonly messages: number };
  readonly live?: { readonly status: number; readonly details: string; readonly messages: number; readonly durationMs: number };
  readonly differences: readonly FieldDifference[];
  /** Recorded keys this call's request carried, and the live keys sent in their place. */
  readonly keysMapped: Readonly<Record<string, string>>;
}

/** The cassette a replay run re-sent. */
export interface CassetteIdentity {
  readonly path: string;
  /** Fingerprint of the gateway.proto that decoded it. */
  readonly proto: string;
  /** Where and when it was recorded. */
  readonly recordedTarget: string;
  readonly recordedAt: string;
}

/** Counts per call verdict. */
export interface CallTotals {
  readonly calls: number;
  readonly matched: number;
  readonly mismatched: number;
  readonly skipped: number;
}

/** Counts the verdicts of some calls. */
export function callTotalsOf(calls: readonly CallResult[]): CallTotals {
  const count = (v: CallVerdict): number => calls.filter((c) => c.verdict === v).length;
  return { calls: calls.length, matched: count('matched'), mismatched: count('mismatched'), skipped: count('skipped') };
}

/** The calls grouped by RPC, in cassette order. */
export function callsByRpc(calls: readonly CallResult[]): Map<string, CallResult[]> {
  const groups = new Map<string, CallResult[]>();
  for (const call of calls) groups.set(call.rpc, [...(groups.get(call.rpc) ?? []), call]);
  return groups;
}

/** How reports name a call: `#4 CompleteJob (line 17)`. */
export const callName = (call: Pick<CallResult, 'id' | 'rpc' | 'line'>): string => `#${call.id} ${call.rpc} (line ${call.line})`;

const STATUS_NAMES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
];

/** A numeric gRPC status for people: `5 NOT_FOUND`; `-1` (no status recorded) is `none`. */
export function statusText(code: number): string {
  return code < 0 ? 'none' : `${code} ${STATUS_NAMES[code] ?? 'UNKNOWN'}`;
}

/** `path: recorded X, live Y` (`nothing` for an absent field). */
export function differenceLine(d: FieldDifference): string {
  return `${d.path === '' ? '(message)' : d.path}: recorded ${shown(d.recorded)}, live ${shown(d.live)}`;
}

const shown = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));
