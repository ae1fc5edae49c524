/**
 * Events attached to a running element: the message, timer and signal boundary events of an activity and the
 * message, timer and signal event subprocesses of a scope (a subprocess or the process itself). Their
 * subscriptions open once the element is active and close with it. Interrupting ones terminate the activity (or
 * every child of the scope); non-interrupting ones run beside it, and timer cycles repeat. A migrated activity keeps
 * the subscriptions of its mapped boundary events (now waiting for the target events), loses the others, and opens
 * those of the target's boundary events that no mapping names.
 */
import type { FlowNode } from '../../model/index.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import { prepareCatch, openCatch, type PreparedCatch } from '../subscriptions/catch.js';
import { closeSubscriptions } from '../subscriptions/subscriptions.js';
import type { Subscription, SubscriptionGroup, TimerSubscription } from '../subscriptions/event-state.js';
import { timerSchedule } from '../timers.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { propagate, visibleVariables } from '../variables.js';
import { enterWithVariables, isActive, parentOf, type EventFlow } from './event-flow.js';

const WAITING = new Set(['message', 'timer', 'signal']);

/** The boundary events attached to an element that wait for a message, timer or signal, but those in `skip`. */
function waitingBoundaries(pi: ProcessInstance, elementId: string, skip: ReadonlySet<string>): FlowNode[] {
  return [...pi.definition.process.elements.values()]
    .filter((n) => n.kind === 'boundaryEvent' && n.attachedTo === elementId && WAITING.has(n.eventKind ?? '') && !skip.has(n.id));
}

const isTimer = (subscription: Subscription): subscription is TimerSubscription => 'retime' in subscription;

/** A kept timer's firings after the pending one follow the target's cycle, as Zeebe evaluates a cycle when it reschedules. */
function retimeToTarget(ctx: MachineContext, activity: ElementInstance, subscription: Subscription, target: FlowNode | undefined): void {
  if (!isTimer(subscription) || target?.timer?.type !== 'cycle') return;
  const schedule = timerSchedule(target.timer, visibleVariables(ctx.state, activity.key), ctx.clock.now());
  if (schedule.ok && schedule.value.next) subscription.retime(schedule.value.next);
}

/** The event subprocesses directly in a scope (`undefined`: the process), with their start events. */
export function eventSubprocessesIn(pi: ProcessInstance, scopeId: string | undefined): { eventSubprocess: FlowNode; start: FlowNode }[] {
  const { elements } = pi.definition.process;
  return [...elements.values()]
    .filter((n) => n.kind === 'subProcess' && n.triggeredByEvent === true && n.flowScope === scopeId)
    .flatMap((eventSubprocess) => {
      const start = elements.get(eventSubprocess.startEvents?.[0] ?? '');
      return start ? [{ eventSubprocess, start }] : [];
    });
}

/** Evaluates every trigger first, so that a failure (an incident on the owner) opens none of them. */
function prepareAll(ctx: MachineContext, owner: ElementInstance, nodes: readonly FlowNode[], retry: () => void): PreparedCatch[] | undefined {
  const variables = visibleVariables(ctx.state, owner.key);
  const prepared: PreparedCatch[] = [];
  for (const node of nodes) {
    const one = prepareCatch(node, variables, ctx.clock.now());
    if (!one.ok) {
      raiseIncident(ctx, owner, 'EXTRACT_VALUE_ERROR', one.error, undefined, retry);
      return undefined;
    }
    prepared.push(one.value);
  }
  return prepared;
}

/** Creates the hooks that open attached events; `flow` are the engine's flow operations. */
export function createAttachedEvents(flow: EventFlow): {
  readonly afterActivation: (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance) => void;
  readonly openScopeEvents: (ctx: MachineContext, pi: ProcessInstance, scope: ElementInstance) => void;
  readonly migrateBoundaries: (ctx: MachineContext, pi: ProcessInstance, activity: ElementInstance, mapping: ReadonlyMap<string, string>) => void;
  readonly interruptScope: (ctx: MachineContext, scope: ElementInstance) => void;
} {
  const owner = (pi: ProcessInstance, element: ElementInstance, group: SubscriptionGroup) =>
    ({ owner: element.key, processInstanceKey: pi.key, tenantId: pi.tenantId, group });

  /** The boundary event is looked up when it fires: a migration may have moved the subscription to another one. */
  const boundaryTriggered = (ctx: MachineContext, pi: ProcessInstance, activity: ElementInstance, boundaryId: string, variables: Readonly<Record<string, unknown>>): void => {
    const scope = parentOf(ctx, activity);
    const boundary = pi.definition.process.elements.get(boundaryId);
    if (!scope || !boundary || !isActive(ctx, activity)) return;
    if (boundary.cancelActivity !== false) flow.terminate(ctx, activity);
    enterWithVariables(flow, ctx, pi, boundary, scope, variables);
  };

  /** An inner instance of a multi-instance activity opens none: its body carries the activity's boundary events. */
  const openBoundaries = (ctx: MachineContext, pi: ProcessInstance, activity: ElementInstance, skip: ReadonlySet<string> = new Set()): void => {
    if (parentOf(ctx, activity)?.node?.kind === 'multiInstanceBody') return;
    const boundaries = waitingBoundaries(pi, activity.elementId, skip);
    const prepared = prepareAll(ctx, activity, boundaries, () => { openBoundaries(ctx, pi, activity, skip); });
    boundaries.forEach((boundary, i) => {
      const one = prepared?.[i];
      if (!one || !isActive(ctx, activity)) return;
      openCatch(ctx, { ...owner(pi, activity, 'boundary'), catchEventId: boundary.id }, one, (variables, catchEventId) => {
        boundaryTriggered(ctx, pi, activity, catchEventId ?? boundary.id, variables);
      });
    });
  };

  /** After the activity moved to its target: mapped subscriptions follow their mapping, the rest close, new ones open. */
  const migrateBoundaries = (ctx: MachineContext, pi: ProcessInstance, activity: ElementInstance, mapping: ReadonlyMap<string, string>): void => {
    const kept = new Set<string>();
    for (const subscription of [...(ctx.state.events.byOwner.get(activity.key) ?? [])]) {
      if (subscription.group !== 'boundary') continue;
      const target = mapping.get(subscription.catchEventId ?? '');
      if (target === undefined) {
        subscription.close();
        continue;
      }
      subscription.catchEventId = target;
      retimeToTarget(ctx, activity, subscription, pi.definition.process.elements.get(target));
      kept.add(target);
    }
    openBoundaries(ctx, pi, activity, kept);
  };

  const interruptScope = (ctx: MachineContext, scope: ElementInstance): void => {
    closeSubscriptions(ctx, scope.key, 'eventSubprocess');
    for (const child of [...scope.children]) {
      const instance = ctx.state.elements.get(child);
      if (instance) flow.terminate(ctx, instance);
    }
    scope.joins.clear();
  };

  const eventSubprocessTriggered = (ctx: MachineContext, pi: ProcessInstance, scope: ElementInstance, node: FlowNode, start: FlowNode, variables: Readonly<Record<string, unknown>>): void => {
    if (!isActive(ctx, scope)) return;
    if (start.interrupting !== false) interruptScope(ctx, scope);
    propagate(ctx.state, scope.key, variables);
    flow.activate(ctx, pi, node, scope);
  };

  const openScopeEvents = (ctx: MachineContext, pi: ProcessInstance, scope: ElementInstance): void => {
    const waiting = eventSubprocessesIn(pi, scope.node?.id).filter(({ start }) => WAITING.has(start.eventKind ?? ''));
    const prepared = prepareAll(ctx, scope, waiting.map((w) => w.start), () => { openScopeEvents(ctx, pi, scope); });
    waiting.forEach(({ eventSubprocess, start }, i) => {
      const one = prepared?.[i];
      if (one && isActive(ctx, scope)) openCatch(ctx, owner(pi, scope, 'eventSubprocess'), one, (variables) => { eventSubprocessTriggered(ctx, pi, scope, eventSubprocess, start, variables); });
    });
  };

  return {
    afterActivation: (ctx, pi, element) => {
      if (!isActive(ctx, element)) return;
      openBoundaries(ctx, pi, element);
      if (element.node?.kind === 'subProcess' && isActive(ctx, element)) openScopeEvents(ctx, pi, element);
    },
    openScopeEvents,
    migrateBoundaries,
    interruptScope,
  };
}
