/** The flow operations the event behaviours call back into, passed in by the execution module (no import cycle). */
import type { FlowNode } from '../../model/index.js';
import type { Flow } from '../behaviours.js';
import type { MachineContext } from '../context.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { propagate } from '../variables.js';

/** The engine's flow operations, with local variables on activation and the root scope of a new instance. */
export interface EventFlow extends Flow {
  activate(ctx: MachineContext, pi: ProcessInstance, node: FlowNode, scope: ElementInstance, local?: Record<string, unknown>, entered?: (element: ElementInstance) => void): ElementInstance;
  createRootScope(ctx: MachineContext, pi: ProcessInstance): ElementInstance;
}

/** Activates a catch event (boundary, event subprocess) with an event's variables, as `acceptResult` places them. */
export function enterWithVariables(flow: EventFlow, ctx: MachineContext, pi: ProcessInstance, node: FlowNode, scope: ElementInstance, variables: Readonly<Record<string, unknown>>): void {
  if ((node.ioMapping?.outputs.length ?? 0) > 0) {
    flow.activate(ctx, pi, node, scope, { ...variables });
    return;
  }
  propagate(ctx.state, scope.key, variables);
  flow.activate(ctx, pi, node, scope);
}

/** The flow scope instance of an element instance, if it is still active. */
export function parentOf(ctx: MachineContext, element: ElementInstance): ElementInstance | undefined {
  return element.flowScopeKey === undefined ? undefined : ctx.state.elements.get(element.flowScopeKey);
}

/** Whether an element instance is still active. */
export const isActive = (ctx: MachineContext, element: ElementInstance): boolean => ctx.state.elements.get(element.key) === element;
