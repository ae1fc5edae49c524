/**
 * Everything event-driven in one object the execution module builds once from its flow operations: the
 * behaviours of the waiting elements and of error, escalation, signal, link and compensation throw events, the hooks
 * that open attached events, and what PublishMessage, BroadcastSignal, ThrowError and deployments call.
 */
import { evaluateString } from '../../feel/index.js';
import type { FlowNode } from '../../model/index.js';
import type { Behaviour } from '../behaviours.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import type { BufferedMessage } from '../store.js';
import { nameIndexKey } from '../subscriptions/event-state.js';
import { bufferMessage, correlateToSubscriptions } from '../subscriptions/message-buffer.js';
import type { ElementInstance, ProcessDefinition, ProcessInstance } from '../types.js';
import { visibleVariables } from '../variables.js';
import { createAttachedEvents } from './attached-events.js';
import { createCatchBehaviours } from './catch-events.js';
import { createCompensationEvents } from './compensation-events.js';
import { createErrorEvents } from './error-events.js';
import { createEscalationEvents } from './escalation-events.js';
import { isActive, type EventFlow } from './event-flow.js';
import { throwLink } from './link-events.js';
import { createStartEvents } from './start-events.js';

/** The element kinds whose behaviour lives here alone. */
export type EventElementKind = 'intermediateCatchEvent' | 'receiveTask' | 'eventBasedGateway';

/** What the rest of the engine uses of events. */
export interface EventRuntime {
  /** Behaviours of the waiting elements, and end and throw events that also throw errors, escalations, signals or links. */
  readonly behaviours: Readonly<Record<EventElementKind | 'endEvent' | 'intermediateThrowEvent', Behaviour>>;
  /** An element became active: opens its boundary events, and a subprocess's event subprocesses. */
  afterActivation(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void;
  /**
   * A migrated element instance (after the instance moved): the subscriptions of its boundary events that `mapping`
   * names follow it to the target events, the others close, and the target's unmapped boundary events open.
   */
  rebindBoundaries(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, mapping: ReadonlyMap<string, string>): void;
  /** A process instance started: opens the process's event subprocesses. */
  processStarted(ctx: MachineContext, pi: ProcessInstance, root: ElementInstance): void;
  /** A new process version was deployed. */
  processDeployed(ctx: MachineContext, definition: ProcessDefinition): void;
  /** A process version was deleted (DeleteResource). */
  processDeleted(ctx: MachineContext, definition: ProcessDefinition): void;
  /** PublishMessage: correlates (start events, subscriptions), then buffers it when it has a time to live. */
  publish(ctx: MachineContext, message: BufferedMessage, buffered: boolean): void;
  /** BroadcastSignal, or a signal throw event: starts instances and triggers the waiting signal events of a tenant. */
  broadcast(ctx: MachineContext, tenantId: string, name: string, variables: Readonly<Record<string, unknown>>): void;
  /** An element completed (its flow taken): a compensation handler may complete its throw event. */
  afterCompletion(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void;
  /** Catches an error from an element outwards; false when nothing catches it. */
  catchError(ctx: MachineContext, pi: ProcessInstance, from: ElementInstance, errorCode: string, variables: Readonly<Record<string, unknown>>): boolean;
}

/** Builds the event runtime over the engine's flow operations and its base end and throw behaviours. */
export function createEventRuntime(flow: EventFlow, base: { endEvent: Behaviour; intermediateThrowEvent: Behaviour; serviceTask: Behaviour }): EventRuntime {
  const attached = createAttachedEvents(flow);
  const starts = createStartEvents(flow, attached.openScopeEvents);
  const errors = createErrorEvents(flow, attached.interruptScope);
  const escalations = createEscalationEvents(flow, attached.interruptScope);
  const compensations = createCompensationEvents(flow);

  const broadcast: EventRuntime['broadcast'] = (ctx, tenantId, name, variables) => {
    const waiting = [...(ctx.state.events.signalSubscriptions.get(nameIndexKey(tenantId, name)) ?? [])];
    starts.startBySignal(ctx, tenantId, name, variables);
    for (const subscription of waiting) if (subscription.open) subscription.trigger(variables);
  };

  /** A signal throw or end event broadcasts its signal (its local variables, i.e. its input mappings, go along). */
  const throwSignal = (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, node: FlowNode, then: Behaviour): void => {
    const name = evaluateString(node.signalName ?? '', visibleVariables(ctx.state, element.key));
    if (!name.ok) {
      raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', name.error, undefined, () => { throwSignal(ctx, pi, element, node, then); });
      return;
    }
    broadcast(ctx, pi.tenantId, name.value, Object.fromEntries(ctx.state.variables.get(element.key) ?? []));
    if (isActive(ctx, element)) then.activate(ctx, pi, element);
  };

  const throwing = (fallback: Behaviour): Behaviour => ({
    activate: (ctx, pi, element) => {
      const node = element.node;
      if (node?.eventKind === 'error') errors.throwFromEndEvent(ctx, pi, element);
      else if (node?.eventKind === 'escalation') escalations.throwEscalation(ctx, pi, element, fallback);
      else if (node?.eventKind === 'signal') throwSignal(ctx, pi, element, node, fallback);
      else if (node?.eventKind === 'link') throwLink(flow, ctx, pi, element, node);
      else if (node?.eventKind === 'compensation') compensations.throwCompensation(ctx, pi, element);
      else if (node?.eventKind === 'message' && node.job) base.serviceTask.activate(ctx, pi, element); // a job, like a send task
      else fallback.activate(ctx, pi, element);
    },
  });

  return {
    behaviours: { ...createCatchBehaviours(flow), endEvent: throwing(base.endEvent), intermediateThrowEvent: throwing(base.intermediateThrowEvent) },
    afterActivation: attached.afterActivation,
    rebindBoundaries: attached.migrateBoundaries,
    processStarted: (ctx, pi, root) => {
      if (isActive(ctx, root)) attached.openScopeEvents(ctx, pi, root);
    },
    processDeployed: starts.processDeployed,
    processDeleted: starts.processDeleted,
    publish: (ctx, message, buffered) => {
      const correlated = new Set<string>();
      starts.startByMessage(ctx, message, correlated);
      correlateToSubscriptions(ctx, message, correlated);
      if (buffered) bufferMessage(ctx, message, correlated);
    },
    broadcast,
    afterCompletion: compensations.handlerCompleted,
    catchError: errors.catchError,
  };
}
