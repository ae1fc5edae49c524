import type { MachineContext } from './context.js';
import type { ElementInstance, Job, JobState, ProcessInstance } from './types.js';

/** Creates an activatable job for a job-based task. */
export function createJob(
  ctx: MachineContext,
  pi: ProcessInstance,
  element: ElementInstance,
  type: string,
  retries: number,
  customHeaders: Readonly<Record<string, string>>,
): Job {
  const job: Job = {
    key: ctx.keys.next(pi.partition),
    type,
    tenantId: pi.tenantId,
    partition: pi.partition,
    customHeaders,
    elementId: element.elementId,
    elementInstanceKey: element.key,
    processInstanceKey: pi.key,
    processDefinitionKey: pi.definition.key,
    bpmnProcessId: pi.definition.bpmnProcessId,
    processDefinitionVersion: pi.definition.version,
    state: 'activatable',
    retries,
    deadline: 0,
    worker: '',
    errorMessage: '',
    timer: undefined,
  };
  ctx.state.jobs.set(job.key, job);
  element.jobKey = job.key;
  makeActivatable(ctx, job);
  return job;
}

/** Moves a job to a state, keeping the activatable index and pending timer right. */
export function setJobState(ctx: MachineContext, job: Job, state: JobState): void {
  job.timer?.cancel();
  job.timer = undefined;
  const index = ctx.state.activatable.get(job.type);
  if (state === 'activatable') {
    if (index) index.add(job.key);
    else ctx.state.activatable.set(job.type, new Set([job.key]));
  } else {
    index?.delete(job.key);
    if (index?.size === 0) ctx.state.activatable.delete(job.type);
  }
  job.state = state;
}

/** The job can be activated again; waiting streams and polls hear of it. */
export function makeActivatable(ctx: MachineContext, job: Job): void {
  setJobState(ctx, job, 'activatable');
  job.deadline = 0;
  job.worker = '';
  ctx.jobActivatable(job);
}

/** Activates a job for a worker until `timeout` ms from now, after which it is activatable again. */
export function markActivated(ctx: MachineContext, job: Job, worker: string, timeout: number): void {
  setJobState(ctx, job, 'activated');
  job.worker = worker;
  scheduleDeadline(ctx, job, ctx.clock.now() + timeout);
}

/** Sets a new deadline for an activated job. */
export function scheduleDeadline(ctx: MachineContext, job: Job, deadline: number): void {
  job.timer?.cancel();
  job.deadline = deadline;
  job.timer = ctx.clock.schedule(deadline, () => {
    if (ctx.state.jobs.get(job.key) === job && job.state === 'activated') makeActivatable(ctx, job);
  });
}

/** Removes a job (its task completed or was terminated). */
export function dropJob(ctx: MachineContext, key: string): void {
  const job = ctx.state.jobs.get(key);
  if (!job) return;
  setJobState(ctx, job, 'failed');
  ctx.state.jobs.delete(key);
  const element = ctx.state.elements.get(job.elementInstanceKey);
  if (element) delete element.jobKey;
}
