/**
 * Positive properties: valid requests, varied within their valid values, are accepted and answered with a
 * well-formed response (spec/gateway-service.md, each RPC's "Input"/"Output"). Each run builds what it needs
 * through the public API, so the property holds against any gateway.
 */
import fc from 'fast-check';
import type { RpcName } from '../../rules/index.js';
import type { Fixtures } from '../cases/fixtures.js';
import type { CallOutcome } from '../harness/client.js';
import type { Problems } from './shape.js';

/** The tenant a run's requests name, and the tenant id the responses must carry. */
export interface Tenancy {
  readonly multiTenancy: boolean;
  /** What requests send: the authorized tenant (multi-tenancy on), or empty. */
  readonly tenantId: string;
  /** What responses answer: the request's tenant, or `<default>` with multi-tenancy off. */
  readonly expected: string;
}

/** The tenants a run's job requests (ActivateJobs, StreamActivatedJobs) name: the run's tenant, or none with multi-tenancy off. */
export function jobTenants(tenancy: Tenancy): string[] {
  return tenancy.multiTenancy ? [tenancy.tenantId] : [];
}

/** One call of a run: what was sent, what came back, and what is wrong with the answer. */
export interface Exchange {
  readonly request: object;
  readonly outcome: CallOutcome;
  /** Problems with a response that came back OK; unused otherwise. */
  readonly problems: Problems;
}

/** A positive property of one RPC. */
export interface PositiveProperty<T> {
  readonly rpc: RpcName;
  /** What the runs vary, e.g. "variables documents". */
  readonly varies: string;
  /** At most this many runs (each builds fixtures), whatever the run's `--runs`. */
  readonly maxRuns: number;
  readonly input: fc.Arbitrary<T>;
  exercise(fx: Fixtures, input: T, tenancy: Tenancy): Promise<Exchange>;
}

/** A positive property with its input type hidden, so properties of every RPC fit in one list. */
export interface AnyPositiveProperty {
  readonly rpc: RpcName;
  readonly varies: string;
  readonly maxRuns: number;
  check(fx: Fixtures, tenancy: Tenancy, options: { seed: number; numRuns: number }): Promise<PositiveResult>;
}

/** How a positive property went; a failure carries the shrunk run's exchange. */
export interface PositiveResult {
  readonly runs: number;
  readonly seed: number;
  readonly failure?: { readonly request: object; readonly received: string; readonly details: string };
}

/** Wraps a property: fast-check generates inputs, shrinks a failing one, and the last failing exchange is kept. */
export function positive<T>(p: PositiveProperty<T>): AnyPositiveProperty {
  return {
    rpc: p.rpc,
    varies: p.varies,
    maxRuns: p.maxRuns,
    check: async (fx, tenancy, options) => {
      let lastFailure: Exchange | undefined;
      const property = fc.asyncProperty(p.input, async (input) => {
        const exchange = await p.exercise(fx, input, tenancy).catch(fixtureFailed);
        const holds = exchange.outcome.status === 'OK' && exchange.problems.length === 0;
        if (!holds) lastFailure = exchange;
        return holds;
      });
      const run = await fc.check(property, { seed: options.seed, numRuns: Math.min(options.numRuns, p.maxRuns), endOnFailure: false });
      if (!run.failed) return { runs: run.numRuns, seed: run.seed };
      const failure = lastFailure ?? fixtureFailed(run.errorInstance);
      return { runs: run.numRuns, seed: run.seed, failure: describe(failure) };
    },
  };
}

/** A fixture the run could not build (a call it needs was refused) fails the property, with the reason. */
function fixtureFailed(error: unknown): Exchange {
  const details = error instanceof Error ? error.message : String(error);
  return { request: {}, outcome: { status: 'FIXTURE-FAILED', details, ruleId: undefined, responses: [] }, problems: [] };
}

function describe(exchange: Exchange): NonNullable<PositiveResult['failure']> {
  const { outcome } = exchange;
  if (outcome.status !== 'OK') return { request: exchange.request, received: outcome.status, details: outcome.details };
  return { request: exchange.request, received: 'OK, with a malformed response', details: exchange.problems.join('; ') };
}
