/**
 * Errors thrown by a job (ThrowError) or an error end event, caught up the scope chain (catch-search.ts); the catch
 * interrupts what it catches. An error nobody catches is an UNHANDLED_ERROR_EVENT incident.
 */
import { evaluateString } from '../../feel/index.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { visibleVariables } from '../variables.js';
import { enterHandler, findCatch } from './catch-search.js';
import type { EventFlow } from './event-flow.js';

/** The message of an error nobody catches. */
export const uncaughtErrorMessage = (errorCode: string, errorMessage: string | undefined): string =>
  errorMessage === undefined
    ? `Expected to throw an error event with the code '${errorCode}', but it was not caught. No error events are available in the scope.`
    : `Expected to throw an error event with the code '${errorCode}' with message '${errorMessage}', but it was not caught. No error events are available in the scope.`;

/** Creates the error catching and the error end event behaviour. */
export function createErrorEvents(flow: EventFlow, interruptScope: (ctx: MachineContext, scope: ElementInstance) => void): {
  readonly catchError: (ctx: MachineContext, pi: ProcessInstance, from: ElementInstance, errorCode: string, variables: Readonly<Record<string, unknown>>) => boolean;
  readonly throwFromEndEvent: (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance) => void;
} {
  const catchError = (ctx: MachineContext, pi: ProcessInstance, from: ElementInstance, errorCode: string, variables: Readonly<Record<string, unknown>>): boolean => {
    const caught = findCatch(ctx, pi, from, 'error', (node) => (node.errorCode === undefined ? 'any' : node.errorCode === errorCode ? 'exact' : undefined));
    if (caught) enterHandler(flow, interruptScope, ctx, caught, variables);
    return caught !== undefined;
  };

  const throwFromEndEvent = (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void => {
    const code = evaluateString(element.node?.errorCode ?? '', visibleVariables(ctx.state, element.key));
    if (!code.ok) {
      raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', code.error, undefined, () => { throwFromEndEvent(ctx, pi, element); });
      return;
    }
    if (!catchError(ctx, pi, element, code.value, {})) {
      raiseIncident(ctx, element, 'UNHANDLED_ERROR_EVENT', uncaughtErrorMessage(code.value, undefined), undefined, () => { throwFromEndEvent(ctx, pi, element); });
    }
  };

  return { catchError, throwFromEndEvent };
}
