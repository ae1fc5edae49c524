/**
 * The inclusive gateway's fork: every outgoing flow whose condition holds (a flow without a condition always
 * does), the default flow when none holds, else a CONDITION_ERROR incident. Its join is in `inclusive-join.ts`.
 */
import { evaluateCondition } from '../../feel/index.js';
import type { FlowNode } from '../../model/index.js';
import type { Flow } from '../behaviours.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { visibleVariables } from '../variables.js';

type Chosen = { ok: true; value: string[] } | { ok: false; error: string };

function chooseFlows(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, node: FlowNode): Chosen {
  if (node.outgoing.length === 0) return { ok: true, value: [] };
  const variables = visibleVariables(ctx.state, element.key);
  const taken: string[] = [];
  for (const id of node.outgoing) {
    if (id === node.defaultFlow) continue;
    const condition = pi.definition.process.flows.get(id)?.condition;
    if (condition === undefined) {
      taken.push(id);
      continue;
    }
    const holds = evaluateCondition(condition, variables);
    if (!holds.ok) return holds;
    if (holds.value) taken.push(id);
  }
  if (taken.length > 0) return { ok: true, value: taken };
  if (node.defaultFlow !== undefined) return { ok: true, value: [node.defaultFlow] };
  return { ok: false, error: 'Expected at least one condition to evaluate to true, or to have a default flow' };
}

/** Leaves the gateway by every flow whose condition holds. */
export function inclusiveGateway(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, flow: Flow): void {
  const node = element.node;
  if (!node) return;
  const chosen = chooseFlows(ctx, pi, element, node);
  if (chosen.ok) {
    flow.complete(ctx, pi, element, chosen.value);
    return;
  }
  raiseIncident(ctx, element, 'CONDITION_ERROR', chosen.error, undefined, () => inclusiveGateway(ctx, pi, element, flow));
}
