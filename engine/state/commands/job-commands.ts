import type { RpcName } from '../../../rules/index.js';
import { err, ok, type Result } from '../../result.js';
import { refuse, type MachineContext } from '../context.js';
import { complete } from '../execution.js';
import { raiseIncident } from '../incidents.js';
import { dropJob, makeActivatable, scheduleDeadline, setJobState } from '../jobs.js';
import type { Command, Rejection } from '../machine.js';
import type { Job } from '../types.js';
import { acceptResult, setLocal } from '../variables.js';
import { catchError } from './throw-error.js';
import { documentOf, findVisible } from './lookups.js';

/** The job a key names, for a caller; `what` completes "Expected to <what> job with key ...". */
export function findJob(ctx: MachineContext, command: Command, rpc: RpcName, intent: string, key: string, what: string): Result<Job, Rejection> {
  return findVisible(ctx, command, ctx.state.jobs.get(key), {
    rpc,
    missing: 'no-such-job',
    intent,
    reason: `Expected to ${what} job with key '${key}', but no such job was found`,
  });
}

/** A job-state rule: rejected unless the engine's profile accepts it. */
function inState(ctx: MachineContext, job: Job, ruleId: string, intent: string, what: string): Rejection | undefined {
  return refuse(ctx, ruleId, 'INVALID_STATE', intent, `Expected to ${what} job with key '${job.key}', but it is in state '${job.state.toUpperCase()}'`);
}

/** CompleteJob: the task completes with the variables and the token moves on. */
export function completeJob(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { jobKey, variables } = command.request as { jobKey: string; variables: string };
  const found = findJob(ctx, command, 'CompleteJob', 'COMPLETE', jobKey, 'complete');
  if (!found.ok) return found;
  const job = found.value;
  const refused =
    job.state === 'failed' ? inState(ctx, job, 'CompleteJob/FAILED_PRECONDITION/job-failed', 'COMPLETE', 'complete')
    : job.state === 'error_thrown' ? inState(ctx, job, 'CompleteJob/FAILED_PRECONDITION/error-thrown', 'COMPLETE', 'complete')
    : undefined;
  if (refused) return err(refused);
  const element = ctx.state.elements.get(job.elementInstanceKey);
  const pi = ctx.state.instances.get(job.processInstanceKey);
  for (const [key, incident] of ctx.state.incidents) if (incident.jobKey === job.key) ctx.state.incidents.delete(key);
  dropJob(ctx, job.key);
  if (element && pi) {
    acceptResult(ctx.state, element, documentOf(variables));
    complete(ctx, pi, element);
  }
  return ok({});
}

/** FailJob: retries left make it activatable (after the back-off); none left raise an incident. */
export function failJob(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { jobKey, retries, errorMessage, retryBackOff, variables } = command.request as { jobKey: string; retries: number; errorMessage: string; retryBackOff: string; variables: string };
  const found = findJob(ctx, command, 'FailJob', 'FAIL', jobKey, 'fail');
  if (!found.ok) return found;
  const job = found.value;
  const refused =
    job.state === 'activatable' ? inState(ctx, job, 'FailJob/FAILED_PRECONDITION/not-activated', 'FAIL', 'fail')
    : job.state === 'failed' ? inState(ctx, job, 'FailJob/FAILED_PRECONDITION/already-failed', 'FAIL', 'fail')
    : job.state === 'error_thrown' ? { type: 'INVALID_STATE' as const, intent: 'FAIL', reason: `Expected to fail job with key '${job.key}', but it is in state 'ERROR_THROWN'` }
    : undefined;
  if (refused) return err(refused);
  setLocal(ctx.state, job.elementInstanceKey, documentOf(variables));
  job.retries = retries;
  job.errorMessage = errorMessage;
  if (retries > 0) retryLater(ctx, job, Number(retryBackOff));
  else noRetriesLeft(ctx, job);
  return ok({});
}

function retryLater(ctx: MachineContext, job: Job, backOff: number): void {
  if (backOff <= 0) {
    makeActivatable(ctx, job);
    return;
  }
  setJobState(ctx, job, 'failed');
  job.timer = ctx.clock.schedule(ctx.clock.now() + backOff, () => {
    if (ctx.state.jobs.get(job.key) === job && job.state === 'failed') makeActivatable(ctx, job);
  });
}

/** The job's incident; resolving it makes the job activatable if retries were updated, else raises it again. */
export function noRetriesLeft(ctx: MachineContext, job: Job): void {
  setJobState(ctx, job, 'failed');
  const element = ctx.state.elements.get(job.elementInstanceKey);
  if (!element) return;
  const message = job.errorMessage === '' ? 'No more retries left.' : job.errorMessage;
  raiseIncident(ctx, element, 'JOB_NO_RETRIES', message, job.key, () => {
    if (ctx.state.jobs.get(job.key) !== job) return;
    if (job.retries > 0) makeActivatable(ctx, job);
    else noRetriesLeft(ctx, job);
  });
}

/** ThrowError: caught by the nearest matching error boundary event, else an incident on the job. */
export function throwError(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { jobKey, errorCode, errorMessage, variables } = command.request as { jobKey: string; errorCode: string; errorMessage: string; variables: string };
  const found = findJob(ctx, command, 'ThrowError', 'THROW_ERROR', jobKey, 'throw an error for');
  if (!found.ok) return found;
  const job = found.value;
  const refused =
    job.state === 'failed' ? inState(ctx, job, 'ThrowError/FAILED_PRECONDITION/already-failed', 'THROW_ERROR', 'throw an error for')
    : job.state === 'error_thrown' ? { type: 'INVALID_STATE' as const, intent: 'THROW_ERROR', reason: `Expected to throw an error for job with key '${job.key}', but it is in state 'ERROR_THROWN'` }
    : undefined;
  if (refused) return err(refused);
  job.errorMessage = errorMessage;
  catchError(ctx, job, errorCode, documentOf(variables));
  return ok({});
}

/** UpdateJobRetries: takes effect when the job next fails or its incident is resolved. */
export function updateJobRetries(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { jobKey, retries } = command.request as { jobKey: string; retries: number };
  const found = findJob(ctx, command, 'UpdateJobRetries', 'UPDATE_RETRIES', jobKey, 'update retries for');
  if (!found.ok) return found;
  found.value.retries = retries;
  return ok({});
}

/** UpdateJobTimeout: a new deadline from now, for an activated job only. */
export function updateJobTimeout(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { jobKey, timeout } = command.request as { jobKey: string; timeout: string };
  const found = findJob(ctx, command, 'UpdateJobTimeout', 'UPDATE_TIMEOUT', jobKey, 'update the deadline of');
  if (!found.ok) return found;
  const job = found.value;
  if (job.state !== 'activated') {
    const refused = refuse(ctx, 'UpdateJobTimeout/FAILED_PRECONDITION/job-not-active', 'INVALID_STATE', 'UPDATE_TIMEOUT', `Expected to update the deadline of job with key '${job.key}', but it is not active`);
    if (refused) return err(refused);
  }
  scheduleDeadline(ctx, job, ctx.clock.now() + Number(timeout));
  return ok({});
}
