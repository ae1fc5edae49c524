/**
 * A business rule task with `zeebe:calledDecision`: the latest version of the decision (in the instance's tenant)
 * is evaluated with the visible variables; its output becomes the result variable and the task completes. An
 * unknown decision raises CALLED_DECISION_ERROR, a failed evaluation DECISION_EVALUATION_ERROR, a decision id
 * expression that fails EXTRACT_VALUE_ERROR; resolving the incident evaluates again.
 */
import { decisionOutcome } from '../../decision/index.js';
import { evaluateString } from '../../feel/index.js';
import type { Flow } from '../behaviours.js';
import type { MachineContext } from '../context.js';
import { evaluateDeployed, latestDecision } from '../decisions.js';
import { raiseIncident } from '../incidents.js';
import type { ElementInstance, IncidentType, ProcessInstance } from '../types.js';
import { acceptResult, visibleVariables } from '../variables.js';

type Evaluated = { ok: true; value: unknown } | { ok: false; type: IncidentType; message: string };

function evaluate(ctx: MachineContext, pi: ProcessInstance, decisionId: string, variables: Record<string, unknown>): Evaluated {
  const id = evaluateString(decisionId, variables);
  if (!id.ok) return { ok: false, type: 'EXTRACT_VALUE_ERROR', message: id.error };
  const decision = latestDecision(ctx, pi.tenantId, id.value);
  if (!decision) return { ok: false, type: 'CALLED_DECISION_ERROR', message: `Expected to evaluate decision '${id.value}', but no decision found for id '${id.value}'` };
  const outcome = decisionOutcome(evaluateDeployed(decision, variables), id.value);
  return outcome.ok ? outcome : { ok: false, type: 'DECISION_EVALUATION_ERROR', message: outcome.error };
}

/** Evaluates the called decision and completes the task, or raises an incident. */
export function calledDecision(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, flow: Flow): void {
  const node = element.node;
  const called = node?.calledDecision;
  if (!node || !called) return;
  const evaluated = evaluate(ctx, pi, called.decisionId, visibleVariables(ctx.state, element.key));
  if (!evaluated.ok) {
    raiseIncident(ctx, element, evaluated.type, evaluated.message, undefined, () => calledDecision(ctx, pi, element, flow));
    return;
  }
  acceptResult(ctx.state, element, { [called.resultVariable]: evaluated.value });
  flow.complete(ctx, pi, element);
}
