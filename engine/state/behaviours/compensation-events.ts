/**
 * Compensation throw events (https://docs.camunda.io/docs/components/modeler/bpmn/compensation-events/), as real
 * Zeebe 8.5's `BpmnCompensationSubscriptionBehaviour` runs them: an intermediate throw or end event compensates the
 * completed activities of its flow scope (from an event subprocess: of the scope around it too), or only those its
 * `activityRef` names, and everything inside the completed subprocesses among them; every handler starts at once,
 * in the throw event's flow scope, once per completion of its activity. The throw event waits until they have all
 * completed, then completes; with nothing to compensate it completes at once.
 */
import type { MachineContext } from '../context.js';
import { removeSubscription, subscriptionsOf } from '../compensations.js';
import type { CompensationSubscription, ElementInstance, ProcessInstance } from '../types.js';
import { isActive, parentOf, type EventFlow } from './event-flow.js';

/** The scope instance keys a throw event compensates: its flow scope, and from an event subprocess the scope around it. */
function compensatedScopes(scope: ElementInstance): Set<string> {
  const eventSubprocess = scope.node?.kind === 'subProcess' && scope.node.triggeredByEvent === true;
  return new Set([scope.key, ...(eventSubprocess && scope.flowScopeKey !== undefined ? [scope.flowScopeKey] : [])]);
}

/** Marks the subscriptions a throw event triggers, top-down (a subprocess's before those inside it); returns them in that order. */
function trigger(ctx: MachineContext, pi: ProcessInstance, thrower: ElementInstance, scope: ElementInstance): CompensationSubscription[] {
  const open = subscriptionsOf(ctx, pi.key).filter((s) => s.throwKey === undefined);
  const scopes = compensatedScopes(scope);
  const activityRef = thrower.node?.compensationActivity;
  const triggered: CompensationSubscription[] = [];
  const mark = (subscription: CompensationSubscription): void => {
    subscription.throwKey = thrower.key;
    subscription.awaitingHandler = subscription.handlerId !== undefined;
    triggered.push(subscription);
    open.filter((s) => s.throwKey === undefined && s.scopeKey === subscription.instanceKey).forEach(mark);
  };
  open.filter((s) => scopes.has(s.scopeKey) && (activityRef === undefined || s.activityId === activityRef)).forEach(mark);
  return triggered;
}

/** Creates the compensation throw behaviour and what a completing handler calls. */
export function createCompensationEvents(flow: EventFlow): {
  readonly throwCompensation: (ctx: MachineContext, pi: ProcessInstance, thrower: ElementInstance) => void;
  readonly handlerCompleted: (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance) => void;
} {
  /** A subscription is done once its handler completed and nothing inside it is left; its parent may then be done too. */
  const settle = (ctx: MachineContext, pi: ProcessInstance, subscription: CompensationSubscription): void => {
    const all = subscriptionsOf(ctx, pi.key);
    if (!all.includes(subscription) || subscription.awaitingHandler === true || all.some((s) => s.scopeKey === subscription.instanceKey)) return;
    removeSubscription(ctx, pi.key, subscription);
    const parent = all.find((s) => s.instanceKey === subscription.scopeKey && s.throwKey === subscription.throwKey);
    if (parent) settle(ctx, pi, parent);
  };

  /** The throw event completes (output mappings, outgoing flows) once none of its subscriptions is left. */
  const finish = (ctx: MachineContext, pi: ProcessInstance, throwKey: string): void => {
    if (subscriptionsOf(ctx, pi.key).some((s) => s.throwKey === throwKey)) return;
    const thrower = ctx.state.elements.get(throwKey);
    if (thrower) flow.complete(ctx, pi, thrower);
  };

  /** Starts a subscription's handler in the throw event's scope (none for a subprocess that only holds subscriptions). */
  const startHandler = (ctx: MachineContext, pi: ProcessInstance, scope: ElementInstance, subscription: CompensationSubscription): void => {
    const handler = subscription.handlerId === undefined ? undefined : pi.definition.process.elements.get(subscription.handlerId);
    if (!handler) {
      subscription.awaitingHandler = false;
      return;
    }
    flow.activate(ctx, pi, handler, scope, {}, (entered) => { subscription.handlerKey = entered.key; });
  };

  const throwCompensation = (ctx: MachineContext, pi: ProcessInstance, thrower: ElementInstance): void => {
    const scope = parentOf(ctx, thrower);
    const triggered = scope ? trigger(ctx, pi, thrower, scope) : [];
    // every subscription is marked before any handler runs: a handler that completes at once must not end the throw early
    for (const subscription of triggered) if (scope && isActive(ctx, thrower)) startHandler(ctx, pi, scope, subscription);
    for (const subscription of triggered) settle(ctx, pi, subscription);
    finish(ctx, pi, thrower.key);
  };

  const handlerCompleted = (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void => {
    const subscription = subscriptionsOf(ctx, pi.key).find((s) => s.handlerKey === element.key);
    if (!subscription?.throwKey) return;
    subscription.awaitingHandler = false;
    settle(ctx, pi, subscription);
    finish(ctx, pi, subscription.throwKey);
  };

  return { throwCompensation, handlerCompleted };
}
