import { err, ok, type Result } from '../../result.js';
import type { MachineContext } from '../context.js';
import type { Command, Rejection } from '../machine.js';
import { applyModification } from '../modification/apply-modification.js';
import { checkCalledInstanceKept } from '../modification/called-instance.js';
import { findLiveInstance } from '../modification/instance-lookup.js';
import { checkModification } from '../modification/modify-checks.js';
import type { ModifyRequest } from '../modification/modify-request.js';
import { planActivations } from '../modification/scope-plan.js';

/**
 * ModifyProcessInstance: activates elements (opening their flow scopes as needed, with variables) and terminates
 * element instances, all or nothing: every check and the placement of every activation are settled before the
 * first change.
 */
export function modifyProcessInstance(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const request = command.request as ModifyRequest;
  const found = findLiveInstance(ctx, command, 'ModifyProcessInstance', 'MODIFY',
    `Expected to modify process instance but no process instance found with key '${request.processInstanceKey}'`);
  if (!found.ok) return found;
  const pi = found.value;
  const checked = checkModification(ctx, pi, request);
  if (!checked.ok) return checked;
  const planned = planActivations(ctx, pi, request.activateInstructions);
  if (!planned.ok) return planned;
  const terminateKeys = request.terminateInstructions.map((t) => t.elementInstanceKey);
  const kept = checkCalledInstanceKept(ctx, pi, planned.value, terminateKeys);
  if (kept) return err(kept);
  applyModification(ctx, pi, planned.value, terminateKeys);
  return ok({});
}
