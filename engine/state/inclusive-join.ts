/**
 * The inclusive gateway's join: a token waits at the gateway until every incoming flow has a token or no token
 * can still reach a flow that has none (from an active element of the scope, a boundary event on one, a token
 * waiting at another join, or a token in transit). Checked when a token arrives and whenever something in the
 * scope ends without leaving by a flow (a path that ended may have been the one it waited for).
 */
import type { FlowNode } from '../model/index.js';
import type { MachineContext } from './context.js';
import type { ElementInstance, ProcessInstance } from './types.js';

type Activate = (ctx: MachineContext, pi: ProcessInstance, node: FlowNode, scope: ElementInstance) => ElementInstance;

/** The nodes from which tokens of the scope can still move: active elements, their boundary events, other joins, flows in transit. */
function startingPoints(ctx: MachineContext, pi: ProcessInstance, gateway: FlowNode, scope: ElementInstance): string[] {
  const { elements, flows } = pi.definition.process;
  const active = [...scope.children].flatMap((key) => ctx.state.elements.get(key)?.elementId ?? []);
  const boundaries = [...elements.values()].filter((n) => n.attachedTo !== undefined && active.includes(n.attachedTo)).map((n) => n.id);
  const joins = [...scope.joins].filter(([id, waiting]) => id !== gateway.id && waiting.length > 0).map(([id]) => id);
  const inTransit = (scope.inTransit ?? []).flatMap((id) => flows.get(id)?.targetRef ?? []);
  return [...active, ...boundaries, ...joins, ...inTransit];
}

/** Whether a token can still reach the gateway over an incoming flow that has no token yet. */
function canStillArrive(ctx: MachineContext, pi: ProcessInstance, gateway: FlowNode, scope: ElementInstance, waiting: readonly string[]): boolean {
  const { elements, flows } = pi.definition.process;
  if ((scope.inTransit ?? []).some((id) => flows.get(id)?.targetRef === gateway.id && !waiting.includes(id))) return true;
  const queue = startingPoints(ctx, pi, gateway, scope).filter((id) => id !== gateway.id);
  const seen = new Set(queue);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const flowId of elements.get(id)?.outgoing ?? []) {
      const target = flows.get(flowId)?.targetRef;
      if (target === gateway.id) {
        if (!waiting.includes(flowId)) return true;
      } else if (target !== undefined && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return false;
}

/** Activates the join when it is ready, taking one token per flow that has one. */
function fireIfReady(ctx: MachineContext, pi: ProcessInstance, gateway: FlowNode, scope: ElementInstance, activate: Activate): boolean {
  const waiting = scope.joins.get(gateway.id) ?? [];
  if (waiting.length === 0) return false;
  const complete = gateway.incoming.every((id) => waiting.includes(id));
  if (!complete && canStillArrive(ctx, pi, gateway, scope, waiting)) return false;
  const rest = [...waiting];
  for (const id of new Set(waiting)) rest.splice(rest.indexOf(id), 1);
  scope.joins.set(gateway.id, rest);
  activate(ctx, pi, gateway, scope);
  return true;
}

/** A token arrives at an inclusive gateway with several incoming flows. */
export function arriveAtInclusiveJoin(ctx: MachineContext, pi: ProcessInstance, gateway: FlowNode, flowId: string, scope: ElementInstance, activate: Activate): void {
  scope.joins.set(gateway.id, [...(scope.joins.get(gateway.id) ?? []), flowId]);
  fireIfReady(ctx, pi, gateway, scope, activate);
}

/** Fires the inclusive joins of the scope that no longer wait for anything; true when one fired. */
export function retryInclusiveJoins(ctx: MachineContext, pi: ProcessInstance, scope: ElementInstance, activate: Activate): boolean {
  for (const [id, waiting] of scope.joins) {
    const gateway = pi.definition.process.elements.get(id);
    if (waiting.length > 0 && gateway?.kind === 'inclusiveGateway' && fireIfReady(ctx, pi, gateway, scope, activate)) return true;
  }
  return false;
}
