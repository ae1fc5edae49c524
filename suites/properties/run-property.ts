/**
 * Runs one rule property against a target with fast-check: on failure fast-check shrinks to a minimal violating
 * request, reported as proto-JSON with the seed and path that replay it.
 *
 * Reproduce a failure: run the same property with the reported `seed` and `path` (and any `numRuns`); fast-check
 * then replays exactly the shrunk case, so the counterexample comes back identical (on a target that behaves the same).
 */
import fc from 'fast-check';
import type { Profile } from '../../rules/index.js';
import type { CallerKind } from '../cases/gateway-cases.js';
import type { GatewayClient } from '../harness/client.js';
import { judge, type Verdict } from '../harness/judge.js';
import { sendCase } from '../harness/run-cases.js';
import { toProtoJson } from './proto-json.js';
import type { RuleProperty } from './rule-properties.js';

type Request = Record<string, unknown>;

/** Where and how to run a property. */
export interface PropertyRunOptions {
  readonly client: GatewayClient;
  /** The token of each kind of caller on this target. */
  readonly tokens: Readonly<Record<CallerKind, string | undefined>>;
  readonly profile: Profile;
  readonly seed: number;
  readonly numRuns: number;
  /** fast-check's counterexample path; with the failing run's seed it replays exactly that shrunk case. */
  readonly path?: string;
}

/** The minimal failing call: the request as proto-JSON, the token if generated, and the verdict on it. */
export interface Counterexample {
  readonly request: unknown;
  readonly token?: string;
  readonly expected: string;
  readonly received: string;
  readonly details: string;
}

/** One property's result; `seed` and `path` reproduce `counterexample`. */
export interface PropertyResult {
  readonly name: string;
  readonly ruleId: string;
  readonly passed: boolean;
  /** Runs before the first failure (or all of them). */
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
  readonly counterexample?: Counterexample;
}

/** One call and the judge's verdict on it. */
interface Attempt {
  readonly request: Request;
  readonly token: string | undefined;
  readonly verdict: Verdict;
  readonly details: string;
}

/** Checks the property with `numRuns` generated requests (at most the property's `maxRuns`), shrinking any failure. */
export async function runProperty(p: RuleProperty, o: PropertyRunOptions): Promise<PropertyResult> {
  let lastFailure: Attempt | undefined;
  const property = fc.asyncProperty(p.arbitrary, p.token ?? fc.constant(undefined), async (request, token) => {
    const attempt = await attemptOnce(p, o, request, token);
    if (!attempt.verdict.passed) lastFailure = attempt;
    return attempt.verdict.passed;
  });
  const numRuns = Math.min(o.numRuns, p.maxRuns ?? o.numRuns);
  const run = await fc.check(property, { seed: o.seed, numRuns, endOnFailure: false, ...(o.path !== undefined && { path: o.path }) });
  const result = { name: p.name, ruleId: p.ruleId, runs: run.numRuns, seed: run.seed };
  if (!run.failed) return { ...result, passed: true };
  const [request, token] = run.counterexample ?? [{}, undefined];
  // The shrunk case is the last one that failed; should fast-check hand back another object, call it once more.
  const failure = lastFailure?.request === request ? lastFailure : await attemptOnce(p, o, request, token);
  return {
    ...result,
    passed: false,
    ...(run.counterexamplePath !== null && { path: run.counterexamplePath }),
    counterexample: {
      request: toProtoJson(request),
      ...(token !== undefined && { token }),
      expected: failure.verdict.expected,
      received: failure.verdict.received,
      details: failure.details,
    },
  };
}

async function attemptOnce(p: RuleProperty, o: PropertyRunOptions, request: Request, generated: string | undefined): Promise<Attempt> {
  const token = generated ?? o.tokens[p.caller];
  try {
    const outcome = await sendCase(o.client, p.rpc, request, token);
    return { request, token: generated, verdict: judge(p, outcome, o.profile), details: outcome.details };
  } catch (error) {
    // A request the client cannot even send is a failure of the property, never a pass.
    const message = error instanceof Error ? error.message : String(error);
    const expected = judge(p, { status: 'UNKNOWN', details: '', ruleId: undefined, responses: [] }, o.profile).expected;
    return { request, token: generated, verdict: { passed: false, expected, received: `client error: ${message}` }, details: message };
  }
}

/** A failure in a few lines: the rule, the verdict, the shrunk request (long strings cut) and how to replay it. */
export function formatFailure(r: PropertyResult): string {
  const c = r.counterexample;
  if (!c) return `${r.name}: passed ${r.runs} runs (seed ${r.seed})`;
  const cut = (_key: string, value: unknown): unknown =>
    typeof value === 'string' && value.length > 120 ? `${value.slice(0, 60)}...(${value.length} characters)` : value;
  return [
    `${r.name}: expected ${c.expected}, received ${c.received}`,
    `  details: ${c.details}`,
    `  request: ${JSON.stringify(c.request, cut)}${c.token === undefined ? '' : `, token: ${JSON.stringify(c.token)}`}`,
    `  reproduce: seed ${r.seed}, path ${JSON.stringify(r.path ?? '')}`,
  ].join('\n');
}
