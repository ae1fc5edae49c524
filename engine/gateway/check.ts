import type { Enforcement } from '../enforcement.js';
import type { Caller } from '../identity/caller.js';
import type { Failure } from '../failure.js';
import { decide, type Violation } from '../violation.js';

/** What a gateway check may look at besides the request. */
export interface GatewayContext {
  readonly enforcement: Enforcement;
  readonly multiTenancy: boolean;
  readonly partitions: number;
  readonly caller: Caller;
}

/** One gateway-layer rule family: the first violation it finds, or `undefined`. */
export type Check<R> = (request: R, context: GatewayContext) => Violation | undefined;

/**
 * Runs checks in order; the first violation that the profile treats as an error wins.
 * A violation the profile accepts lets the next check run.
 */
export function runChecks<R>(checks: readonly Check<R>[], request: R, context: GatewayContext): Failure | undefined {
  for (const check of checks) {
    const found = check(request, context);
    const outcome = found && decide(found, context.enforcement);
    if (outcome) return outcome;
  }
  return undefined;
}
