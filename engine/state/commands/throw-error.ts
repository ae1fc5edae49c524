import type { FlowNode } from '../../model/index.js';
import type { MachineContext } from '../context.js';
import { activate, terminate } from '../execution.js';
import { raiseIncident } from '../incidents.js';
import { makeActivatable, setJobState } from '../jobs.js';
import type { ElementInstance, Job, ProcessInstance } from '../types.js';
import { propagate } from '../variables.js';

/**
 * Looks for an error boundary event from the job's task outwards (a matching code beats a catch-all on the same
 * element); the first found interrupts its element and continues there. None: an UNHANDLED_ERROR_EVENT incident.
 */
export function catchError(ctx: MachineContext, job: Job, errorCode: string, variables: Record<string, unknown>): void {
  const pi = ctx.state.instances.get(job.processInstanceKey);
  const start = ctx.state.elements.get(job.elementInstanceKey);
  if (!pi || !start) return;
  for (let element: ElementInstance | undefined = start; element?.node; element = parentOf(ctx, element)) {
    const scope = parentOf(ctx, element);
    // An inner instance of a multi-instance activity: its boundary events belong to the body around it.
    const inner = scope?.node?.kind === 'multiInstanceBody' && scope.elementId === element.elementId;
    const boundary = inner ? undefined : boundaryFor(pi, element.elementId, errorCode);
    if (boundary && scope) {
      terminate(ctx, element);
      enterCatchEvent(ctx, pi, boundary, scope, variables);
      return;
    }
  }
  setJobState(ctx, job, 'error_thrown');
  const message = `Expected to throw an error event with the code '${errorCode}' with message '${job.errorMessage}', but it was not caught. No error events are available in the scope.`;
  raiseIncident(ctx, start, 'UNHANDLED_ERROR_EVENT', message, job.key, () => {
    if (ctx.state.jobs.get(job.key) === job) makeActivatable(ctx, job);
  });
}

function parentOf(ctx: MachineContext, element: ElementInstance): ElementInstance | undefined {
  return element.flowScopeKey === undefined ? undefined : ctx.state.elements.get(element.flowScopeKey);
}

function boundaryFor(pi: ProcessInstance, attachedTo: string, errorCode: string): FlowNode | undefined {
  const candidates = [...pi.definition.process.elements.values()].filter((n) => n.kind === 'boundaryEvent' && n.attachedTo === attachedTo && n.eventKind === 'error');
  return candidates.find((n) => n.errorCode === errorCode) ?? candidates.find((n) => n.errorCode === undefined);
}

/** The error's variables: local to the catch event when its output mappings decide, else merged outwards. */
function enterCatchEvent(ctx: MachineContext, pi: ProcessInstance, boundary: FlowNode, scope: ElementInstance, variables: Record<string, unknown>): void {
  if ((boundary.ioMapping?.outputs.length ?? 0) > 0) {
    activate(ctx, pi, boundary, scope, variables);
    return;
  }
  propagate(ctx.state, scope.key, variables);
  activate(ctx, pi, boundary, scope);
}
