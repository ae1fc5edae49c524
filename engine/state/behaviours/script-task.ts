/**
 * A script task with `zeebe:script`: the FEEL expression is evaluated with the visible variables, its result becomes
 * the result variable and the task completes; a failed evaluation raises EXTRACT_VALUE_ERROR, and resolving the
 * incident evaluates again.
 */
import { evaluateExpression } from '../../feel/index.js';
import type { Flow } from '../behaviours.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { acceptResult, visibleVariables } from '../variables.js';

/** Evaluates the script and completes the task, or raises an incident. */
export function scriptTask(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, flow: Flow): void {
  const script = element.node?.script;
  if (!script) return;
  const result = evaluateExpression(script.expression, visibleVariables(ctx.state, element.key));
  if (!result.ok) {
    raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', result.error, undefined, () => scriptTask(ctx, pi, element, flow));
    return;
  }
  acceptResult(ctx.state, element, { [script.resultVariable]: result.value });
  flow.complete(ctx, pi, element);
}
