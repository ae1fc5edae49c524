/**
 * Errors thrown by a job (ThrowError) or an error end event, caught up the scope chain: at each level first an
 * error event subprocess of that scope, then an error boundary event attached to it; a handler for the exact code
 * beats a catch-all one at the same level. The catch interrupts what it catches. An error a called instance does not
 * catch goes on from its parent's call activity, as in Zeebe.
 */
import { evaluateString } from '../../feel/index.js';
import type { FlowNode } from '../../model/index.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { propagate, visibleVariables } from '../variables.js';
import { eventSubprocessesIn } from './attached-events.js';
import { enterWithVariables, parentOf, type EventFlow } from './event-flow.js';

type Handler = { readonly kind: 'eventSubprocess'; readonly node: FlowNode; readonly errorCode: string | undefined } | { readonly kind: 'boundary'; readonly node: FlowNode; readonly errorCode: string | undefined };

/** The error handlers at one level: the scope's error event subprocesses, then the boundary events on it (if it owns them). */
function handlersAt(pi: ProcessInstance, element: ElementInstance, ownsBoundaries: boolean): Handler[] {
  const isScope = element.node === undefined || element.node.kind === 'subProcess';
  const subprocesses: Handler[] = isScope
    ? eventSubprocessesIn(pi, element.node?.id)
        .filter(({ start }) => start.eventKind === 'error')
        .map(({ eventSubprocess, start }) => ({ kind: 'eventSubprocess', node: eventSubprocess, errorCode: start.errorCode }))
    : [];
  const boundaries: Handler[] = element.node === undefined || !ownsBoundaries
    ? []
    : [...pi.definition.process.elements.values()]
        .filter((n) => n.kind === 'boundaryEvent' && n.attachedTo === element.elementId && n.eventKind === 'error')
        .map((node) => ({ kind: 'boundary', node, errorCode: node.errorCode }));
  const all = [...subprocesses, ...boundaries];
  return all.filter((h) => h.errorCode !== undefined).concat(all.filter((h) => h.errorCode === undefined));
}

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
    let inner: ElementInstance | undefined;
    for (let level: ElementInstance | undefined = from; level; inner = level, level = parentOf(ctx, level)) {
      // An inner instance of a multi-instance activity: its boundary events belong to the body around it.
      const body = parentOf(ctx, level);
      const ownsBoundaries = !(body?.node?.kind === 'multiInstanceBody' && body.elementId === level.elementId);
      // an error thrown inside an event subprocess is not caught by that same event subprocess
      const handler = handlersAt(pi, level, ownsBoundaries).find((h) => (h.errorCode === undefined || h.errorCode === errorCode) && h.node.id !== inner?.elementId);
      if (handler?.kind === 'eventSubprocess') {
        interruptScope(ctx, level);
        propagate(ctx.state, level.key, variables);
        flow.activate(ctx, pi, handler.node, level);
        return true;
      }
      if (handler && body) {
        flow.terminate(ctx, level);
        enterWithVariables(flow, ctx, pi, handler.node, body, variables);
        return true;
      }
    }
    // Not caught in a called instance: the error goes on from the parent's call activity (which then ends the child).
    const callActivity = pi.parent && ctx.state.elements.get(pi.parent.elementInstanceKey);
    const parent = pi.parent && ctx.state.instances.get(pi.parent.processInstanceKey);
    return callActivity !== undefined && parent !== undefined && catchError(ctx, parent, callActivity, errorCode, variables);
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
