import type { Payload, RecordedCall } from '../cassette/types.js';
import { describeDifferences, differences, type Difference } from './diff.js';

/** How `replay serve` matches a live call to a recorded one (README: "Matching rules"). */
export interface MatchRules {
  /**
   * Request fields left out of matching: a name (`requestTimeout`) anywhere in any request, or `Rpc.path`
   * (`ActivateJobs.worker`) from the top of that method's request.
   */
  readonly ignoreFields: readonly string[];
  /** `free`: any unused recorded call with an equal request; `strict`: only the next unused call in recorded order. */
  readonly order: 'free' | 'strict';
}

/** The matcher's answer: the recorded call to replay, or why none fits. */
export type MatchResult = { readonly ok: true; readonly call: RecordedCall } | { readonly ok: false; readonly reason: string };

/** Matches live calls to recorded calls; each recorded call answers once, identical requests in recorded order. */
export interface Matcher {
  match(method: string, requests: readonly Payload[]): MatchResult;
  /** Recorded calls never used so far, in recorded order. */
  unused(): readonly RecordedCall[];
}

const rpcOf = (method: string): string => method.slice(method.lastIndexOf('/') + 1);
const messagesOf = (payloads: readonly Payload[]): unknown[] => payloads.map((p) => ('message' in p ? p.message : p.raw));

/** Creates a matcher over the calls that ended (calls still in flight when recording stopped cannot be replayed). */
export function createMatcher(calls: readonly RecordedCall[], rules: MatchRules): Matcher {
  const candidates = calls.filter((c) => c.end !== undefined);
  const used = new Set<RecordedCall>();
  const ignoredBy = (method: string) => ignoredPaths(rules.ignoreFields, rpcOf(method));
  const keyOf = (method: string, payloads: readonly Payload[]) => `${method} ${canonical(messagesOf(payloads), ignoredBy(method))}`;
  const index = new Map<string, RecordedCall[]>();
  for (const c of candidates) {
    const key = keyOf(c.method, c.requests.map((r) => r.payload));
    index.set(key, [...(index.get(key) ?? []), c]);
  }
  let cursor = 0;
  const diff = (call: RecordedCall, live: readonly Payload[]): Difference[] => {
    const ignored = ignoredBy(call.method);
    return differences(messagesOf(call.requests.map((r) => r.payload)), messagesOf(live), (path) => ignored(path));
  };
  return {
    match(method, requests) {
      while (cursor < candidates.length && used.has(candidates[cursor] as RecordedCall)) cursor++;
      const next = rules.order === 'strict' ? candidates[cursor] : undefined;
      const found = index.get(keyOf(method, requests))?.find((c) => !used.has(c) && (next === undefined || c === next));
      if (found !== undefined) {
        used.add(found);
        return { ok: true, call: found };
      }
      const sameMethod = candidates.filter((c) => c.method === method);
      return { ok: false, reason: missReason(method, requests, sameMethod, sameMethod.filter((c) => !used.has(c)), next, diff) };
    },
    unused: () => candidates.filter((c) => !used.has(c)),
  };
}

function missReason(method: string, requests: readonly Payload[], sameMethod: readonly RecordedCall[], open: readonly RecordedCall[], next: RecordedCall | undefined, diff: (c: RecordedCall, live: readonly Payload[]) => Difference[]): string {
  const rpc = rpcOf(method);
  if (sameMethod.length === 0) return `no recorded call of ${rpc}`;
  if (next !== undefined && next.method !== method) return `strict order: the next recorded call is #${next.id} ${rpcOf(next.method)} (line ${next.line}), not ${rpc}`;
  const pool = open.length > 0 ? open : sameMethod;
  const scored = pool.map((c) => ({ c, d: diff(c, requests) })).sort((a, b) => a.d.length - b.d.length);
  const closest = scored[0];
  if (closest === undefined) return `no recorded call of ${rpc}`;
  const prefix = open.length === 0 ? `every recorded ${rpc} call was used already; ` : '';
  const what = closest.d.length === 0 ? 'the same request, already answered' : describeDifferences(closest.d);
  return `${prefix}closest recorded call #${closest.c.id} ${rpc} (line ${closest.c.line}) differs: ${what}`;
}

/** A predicate telling whether a request path (`[0].jobs[1].key` style, message index first) is ignored. */
function ignoredPaths(ignoreFields: readonly string[], rpc: string): (path: string) => boolean {
  const anywhere = new Set(ignoreFields.filter((f) => !f.includes('.')));
  const rooted = ignoreFields.filter((f) => f.startsWith(`${rpc}.`)).map((f) => f.slice(rpc.length + 1));
  return (path) => {
    const inMessage = path.replace(/^\[\d+\]\.?/, '');
    if (inMessage === '') return false;
    const last = inMessage.replace(/\[\d+\]/g, '').split('.').at(-1) ?? '';
    return anywhere.has(last) || rooted.some((r) => inMessage.replace(/\[\d+\]/g, '') === r);
  };
}

/** A stable text of the request messages without the ignored fields (object keys sorted). */
function canonical(value: unknown, ignored: (path: string) => boolean, path = ''): string {
  if (Array.isArray(value)) return `[${value.map((v, i) => canonical(v, ignored, `${path}[${i}]`)).join(',')}]`;
  if (typeof value !== 'object' || value === null) return value === undefined ? 'null' : JSON.stringify(value);
  const fields = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => !ignored(`${path}.${key}`))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${fields.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v, ignored, `${path}.${key}`)}`).join(',')}}`;
}
