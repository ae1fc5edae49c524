/**
 * The compensation subscriptions of process instances, as real Zeebe 8.5 keeps them: one per completion of an
 * activity with a compensation boundary event (a multi-instance activity once, for its body), and one per completed
 * subprocess or multi-instance body that holds some, so a compensation reaches into it. A scope that is terminated
 * takes the subscriptions inside it along (they can no longer be compensated), and so does the end of the process
 * instance. Nothing of the activity is kept: its handler sees the variables of the throw event's scope.
 */
import type { ExecutableProcess, FlowNode } from '../model/index.js';
import type { MachineContext } from './context.js';
import type { CompensationSubscription, ElementInstance, ProcessInstance } from './types.js';

/** A process instance's subscriptions (empty when it has none). */
export const subscriptionsOf = (ctx: MachineContext, processInstanceKey: string): CompensationSubscription[] =>
  ctx.state.compensations.get(processInstanceKey) ?? [];

/** Per deployed process: activity id → the handler of its compensation boundary event (built once, read per completion). */
const HANDLERS = new WeakMap<ExecutableProcess, ReadonlyMap<string, string>>();

/** The handler of an activity's compensation boundary event, if it has one. */
function handlerOf(pi: ProcessInstance, activityId: string): string | undefined {
  const { process } = pi.definition;
  let handlers = HANDLERS.get(process);
  if (!handlers) {
    handlers = new Map([...process.elements.values()].flatMap((n) =>
      n.kind === 'boundaryEvent' && n.eventKind === 'compensation' && n.attachedTo !== undefined && n.compensationHandler !== undefined ? [[n.attachedTo, n.compensationHandler] as const] : []));
    HANDLERS.set(process, handlers);
  }
  return handlers.get(activityId);
}

/** A subprocess or multi-instance body: a completed one holding subscriptions gets one itself. */
const isFlowScope = (node: FlowNode): boolean => (node.kind === 'subProcess' && node.triggeredByEvent !== true) || node.kind === 'multiInstanceBody';

/** Keeps only the subscriptions `keep` accepts (the entry goes when none is left). */
function retain(ctx: MachineContext, processInstanceKey: string, keep: (s: CompensationSubscription) => boolean): void {
  const left = subscriptionsOf(ctx, processInstanceKey).filter(keep);
  if (left.length > 0) ctx.state.compensations.set(processInstanceKey, left);
  else ctx.state.compensations.delete(processInstanceKey);
}

/** Removes one subscription (compensated). */
export function removeSubscription(ctx: MachineContext, processInstanceKey: string, subscription: CompensationSubscription): void {
  retain(ctx, processInstanceKey, (s) => s !== subscription);
}

/** Drops the subscriptions of a scope instance that ended without completing, and those inside them. */
export function dropScope(ctx: MachineContext, processInstanceKey: string, scopeKey: string): void {
  const dropped = subscriptionsOf(ctx, processInstanceKey).filter((s) => s.scopeKey === scopeKey);
  if (dropped.length === 0) return;
  retain(ctx, processInstanceKey, (s) => s.scopeKey !== scopeKey);
  for (const subscription of dropped) dropScope(ctx, processInstanceKey, subscription.instanceKey);
}

/**
 * A completing element: an activity with a compensation boundary event (an inner instance of a multi-instance
 * activity has none: its body does) or a subprocess or body holding subscriptions gets a subscription; any other
 * scope (an event subprocess) takes its subscriptions along.
 */
export function recordCompletion(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void {
  const { node, flowScopeKey } = element;
  if (!node || flowScopeKey === undefined) return;
  const parent = ctx.state.elements.get(flowScopeKey);
  const inner = parent?.node?.kind === 'multiInstanceBody' && parent.elementId === element.elementId;
  const handlerId = inner ? undefined : handlerOf(pi, element.elementId);
  const holds = subscriptionsOf(ctx, pi.key).some((s) => s.scopeKey === element.key);
  if (handlerId === undefined && !(holds && isFlowScope(node))) {
    if (holds) dropScope(ctx, pi.key, element.key);
    return;
  }
  const subscription: CompensationSubscription = {
    key: ctx.keys.next(pi.partition), activityId: element.elementId, instanceKey: element.key, scopeKey: flowScopeKey, ...(handlerId !== undefined && { handlerId }),
  };
  ctx.state.compensations.set(pi.key, [...subscriptionsOf(ctx, pi.key), subscription]);
}

/**
 * An element instance was terminated: the subscriptions inside it go, and, for a compensation throw event, those it
 * triggered (their handlers went with its scope; a later throw event cannot compensate them again).
 */
export function dropOnTermination(ctx: MachineContext, element: ElementInstance): void {
  if (!ctx.state.compensations.has(element.processInstanceKey)) return;
  retain(ctx, element.processInstanceKey, (s) => s.throwKey !== element.key);
  dropScope(ctx, element.processInstanceKey, element.key);
}

/** The process instance ended: none of its subscriptions is needed any more. */
export function dropInstance(ctx: MachineContext, processInstanceKey: string): void {
  ctx.state.compensations.delete(processInstanceKey);
}
