/**
 * Escalations (https://docs.camunda.io/docs/components/modeler/bpmn/escalation-events/), thrown by escalation
 * intermediate throw and end events and caught like errors (catch-search.ts), as real Zeebe's
 * `BpmnEventPublicationBehavior.throwEscalationEvent` does: no variables go along; an interrupting catch terminates
 * its scope, the thrower with it; otherwise (a non-interrupting catch, or none at all: no incident) the thrower
 * completes, an intermediate one taking its outgoing flows.
 */
import { evaluateString } from '../../feel/index.js';
import type { Behaviour } from '../behaviours.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { visibleVariables } from '../variables.js';
import { enterHandler, findCatch } from './catch-search.js';
import { isActive, type EventFlow } from './event-flow.js';

/** Creates the escalation throw behaviour; `completed` is how the thrower completes when nothing interrupts it. */
export function createEscalationEvents(flow: EventFlow, interruptScope: (ctx: MachineContext, scope: ElementInstance) => void): {
  readonly throwEscalation: (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, completed: Behaviour) => void;
} {
  const throwEscalation = (ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, completed: Behaviour): void => {
    const code = evaluateString(element.node?.escalationCode ?? '', visibleVariables(ctx.state, element.key));
    if (!code.ok) {
      raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', code.error, undefined, () => { throwEscalation(ctx, pi, element, completed); });
      return;
    }
    // a catch event that references an escalation without a code has no escalationCode and catches nothing
    const caught = findCatch(ctx, pi, element, 'escalation', (node) => (node.escalationCode === '' ? 'any' : node.escalationCode === code.value ? 'exact' : undefined));
    if (caught) enterHandler(flow, interruptScope, ctx, caught, {});
    if (isActive(ctx, element)) completed.activate(ctx, pi, element);
  };
  return { throwEscalation };
}
