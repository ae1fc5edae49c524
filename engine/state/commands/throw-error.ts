import { uncaughtErrorMessage } from '../behaviours/error-events.js';
import type { MachineContext } from '../context.js';
import { EVENTS } from '../execution.js';
import { raiseIncident } from '../incidents.js';
import { makeActivatable, setJobState } from '../jobs.js';
import type { Job } from '../types.js';

/**
 * Catches a job's error from its task outwards (error boundary events and error event subprocesses, see
 * `EVENTS.catchError`); nothing catches it: an UNHANDLED_ERROR_EVENT incident on the task.
 */
export function catchError(ctx: MachineContext, job: Job, errorCode: string, variables: Record<string, unknown>): void {
  const pi = ctx.state.instances.get(job.processInstanceKey);
  const start = ctx.state.elements.get(job.elementInstanceKey);
  if (!pi || !start) return;
  if (EVENTS.catchError(ctx, pi, start, errorCode, variables)) return;
  setJobState(ctx, job, 'error_thrown');
  raiseIncident(ctx, start, 'UNHANDLED_ERROR_EVENT', uncaughtErrorMessage(errorCode, job.errorMessage), job.key, () => {
    if (ctx.state.jobs.get(job.key) === job) makeActivatable(ctx, job);
  });
}
