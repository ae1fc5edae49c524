/**
 * Elements that wait: intermediate message, timer and signal catch events and receive tasks complete when their
 * event arrives (its variables merged as a job's would be), a link catch event at once; an event-based gateway waits
 * for all of its targets' events at once, and the first that fires wins (the others are closed with the gateway).
 */
import type { FlowNode } from '../../model/index.js';
import type { Behaviour } from '../behaviours.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import { openCatch, prepareCatch, type PreparedCatch } from '../subscriptions/catch.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { acceptResult, visibleVariables } from '../variables.js';
import { isActive, type EventFlow } from './event-flow.js';

/** The behaviours of the waiting elements. */
export function createCatchBehaviours(flow: EventFlow): { intermediateCatchEvent: Behaviour; receiveTask: Behaviour; eventBasedGateway: Behaviour } {
  const completeWith = (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, variables: Readonly<Record<string, unknown>>): void => {
    if (!isActive(ctx, element)) return;
    acceptResult(ctx.state, element, variables);
    flow.complete(ctx, pi, element);
  };

  const waitFor = (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void => {
    const node = element.node;
    if (!node) return;
    if (node.eventKind === 'link') {
      flow.complete(ctx, pi, element);
      return;
    }
    const pending = ctx.state.events.pendingTrigger;
    if (pending && pending.scopeKey === element.flowScopeKey && pending.elementId === element.elementId) {
      ctx.state.events.pendingTrigger = undefined;
      completeWith(ctx, pi, element, pending.variables);
      return;
    }
    const prepared = prepareCatch(node, visibleVariables(ctx.state, element.key), ctx.clock.now());
    if (!prepared.ok) {
      raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', prepared.error, undefined, () => { waitFor(ctx, pi, element); });
      return;
    }
    const owner = { owner: element.key, processInstanceKey: pi.key, tenantId: pi.tenantId, group: 'catch' } as const;
    openCatch(ctx, owner, prepared.value, (variables) => { completeWith(ctx, pi, element, variables); });
  };

  const gatewayTargets = (pi: ProcessInstance, node: FlowNode): { flowId: string; target: FlowNode }[] =>
    node.outgoing.flatMap((flowId) => {
      const target = pi.definition.process.elements.get(pi.definition.process.flows.get(flowId)?.targetRef ?? '');
      return target ? [{ flowId, target }] : [];
    });

  const eventGateway = (ctx: MachineContext, pi: ProcessInstance, gateway: ElementInstance): void => {
    if (!gateway.node) return;
    const targets = gatewayTargets(pi, gateway.node);
    const variables = visibleVariables(ctx.state, gateway.key);
    const prepared: PreparedCatch[] = [];
    for (const { target } of targets) {
      const one = prepareCatch(target, variables, ctx.clock.now());
      if (!one.ok) {
        raiseIncident(ctx, gateway, 'EXTRACT_VALUE_ERROR', one.error, undefined, () => { eventGateway(ctx, pi, gateway); });
        return;
      }
      prepared.push(one.value);
    }
    const owner = { owner: gateway.key, processInstanceKey: pi.key, tenantId: pi.tenantId, group: 'catch' } as const;
    targets.forEach(({ flowId, target }, i) => {
      const one = prepared[i];
      if (!one || !isActive(ctx, gateway)) return;
      openCatch(ctx, owner, one, (eventVariables) => {
        if (!isActive(ctx, gateway) || gateway.flowScopeKey === undefined) return;
        ctx.state.events.pendingTrigger = { scopeKey: gateway.flowScopeKey, elementId: target.id, variables: eventVariables };
        flow.complete(ctx, pi, gateway, [flowId]);
        ctx.state.events.pendingTrigger = undefined;
      });
    });
  };

  const waiting: Behaviour = { activate: waitFor };
  return { intermediateCatchEvent: waiting, receiveTask: waiting, eventBasedGateway: { activate: eventGateway } };
}
