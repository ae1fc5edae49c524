import type { MachineContext } from './context.js';
import type { ElementInstance, IncidentType } from './types.js';

/** Opens an incident on an element; `resume` is what resolving it retries. */
export function raiseIncident(
  ctx: MachineContext,
  element: ElementInstance,
  type: IncidentType,
  message: string,
  jobKey: string | undefined,
  resume: () => void,
): void {
  const pi = ctx.state.instances.get(element.processInstanceKey);
  if (!pi) return;
  const key = ctx.keys.next(pi.partition);
  ctx.state.incidents.set(key, {
    key,
    type,
    message,
    tenantId: pi.tenantId,
    processInstanceKey: pi.key,
    elementInstanceKey: element.key,
    jobKey,
    resume,
  });
}
