/**
 * A child instance a call activity created may not be terminated by a modification (real Zeebe 8.5 throws
 * `TerminatedChildProcessException` while applying it, so nothing changes): its parent's call activity owns it.
 */
import type { MachineContext } from '../context.js';
import type { Rejection } from '../machine.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { invalid } from './modify-checks.js';
import type { PlannedActivation } from './scope-plan.js';

/** Whether an element instance ends: terminated itself, or left with nothing active and no waiting tokens. */
function ends(ctx: MachineContext, element: ElementInstance, terminated: ReadonlySet<string>): boolean {
  if (terminated.has(element.key)) return true;
  if (element.children.size === 0 || [...element.joins.values()].some((w) => w.length > 0)) return false;
  return [...element.children].every((key) => {
    const child = ctx.state.elements.get(key);
    return child === undefined || ends(ctx, child, terminated);
  });
}

/** The rejection when the modification would terminate a called instance; an activation keeps the instance alive. */
export function checkCalledInstanceKept(ctx: MachineContext, pi: ProcessInstance, plans: readonly PlannedActivation[], terminateKeys: readonly string[]): Rejection | undefined {
  const root = ctx.state.elements.get(pi.key);
  if (pi.parent === undefined || plans.length > 0 || terminateKeys.length === 0 || !root || !ends(ctx, root, new Set(terminateKeys))) return undefined;
  return invalid('terminates-called-instance',
    `Expected to modify instance of process '${pi.definition.bpmnProcessId}' but the given instructions would terminate the instance. The instance was created by a call activity in the parent process. To terminate this instance please modify the parent process instead.`);
}
