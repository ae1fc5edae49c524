import type { ServerResponse } from 'node:http';
import type { Rejection, RejectionType } from '../state/machine.js';

/** An RFC 7807 problem, as real Zeebe's REST API answers a refused request. */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
}

const STATUS: Readonly<Partial<Record<RejectionType, number>>> = { INVALID_ARGUMENT: 400, NOT_FOUND: 404, INVALID_STATE: 409 };

/** A broker rejection as the REST API words it: `Command 'X' rejected with code 'Y': reason`. */
export function rejectionProblem(rejection: Rejection): Problem {
  return {
    status: STATUS[rejection.type] ?? 500,
    title: rejection.type,
    detail: `Command '${rejection.intent}' rejected with code '${rejection.type}': ${rejection.reason}`,
  };
}

/** A request the REST layer refuses before it reaches the engine. */
export const badRequest = (detail: string): Problem => ({ status: 400, title: 'INVALID_ARGUMENT', detail });

export function sendProblem(res: ServerResponse, problem: Problem, instance: string): void {
  res.writeHead(problem.status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', ...problem, instance }));
}
