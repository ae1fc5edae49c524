import { pickVariables } from '../../feel/index.js';
import { ok, type Result } from '../../result.js';
import type { MachineContext } from '../context.js';
import { makeActivatable, markActivated, setJobState } from '../jobs.js';
import { raiseIncident } from '../incidents.js';
import type { Command, Rejection, ResponseSink } from '../machine.js';
import type { Job } from '../types.js';
import { visibleVariables } from '../variables.js';

interface WorkerRequest {
  readonly type: string;
  readonly worker: string;
  readonly timeout: string;
  readonly fetchVariable: readonly string[];
}

interface ActivateRequest extends WorkerRequest {
  readonly maxJobsToActivate: number;
  readonly requestTimeout: string;
}

/** A worker waiting for jobs: a parked ActivateJobs call or an open StreamActivatedJobs call. */
interface Waiter {
  readonly request: WorkerRequest;
  readonly tenants: readonly string[];
  readonly sink: ResponseSink;
  /** Parked polls only: how many jobs it still takes, and its time-out. */
  readonly max?: number;
  cancelTimer?: () => void;
}

/** The real gateway's default long-polling time-out (requestTimeout 0). */
const DEFAULT_LONG_POLL_MS = 10_000;
/** One response message must stay under the 4 MiB limit; keep room for framing. */
const MESSAGE_BUDGET = 4 * 1024 * 1024 - 64 * 1024;
/** Fields of an ActivatedJob besides its JSON documents, generously. */
const JOB_OVERHEAD = 512;

/** Job activation: ActivateJobs with long polling, StreamActivatedJobs, and who hears of a job that is ready. */
export interface JobActivation {
  activateJobs(ctx: MachineContext, command: Command, sink: ResponseSink): Result<void, Rejection>;
  streamJobs(ctx: MachineContext, command: Command, sink: ResponseSink): Result<void, Rejection>;
  /** A job became activatable: offered to a stream first, then to the oldest parked poll, after the current command. */
  jobActivatable(ctx: MachineContext, job: Job): void;
}

/** Creates the activation bookkeeping of one engine. */
export function createJobActivation(): JobActivation {
  const polls = new Map<string, Waiter[]>();
  const streams = new Map<string, Waiter[]>();
  const pending: Job[] = [];
  let partitionCursor = 0;
  const rotation = (partitions: number): number[] => {
    partitionCursor = (partitionCursor % partitions) + 1;
    return Array.from({ length: partitions }, (_, i) => ((partitionCursor - 1 + i) % partitions) + 1);
  };
  const flush = (ctx: MachineContext): void => {
    for (const job of pending.splice(0)) {
      if (ctx.state.jobs.get(job.key) === job && job.state === 'activatable') offer(ctx, job);
    }
  };
  const offer = (ctx: MachineContext, job: Job): void => {
    const stream = takeWaiter(streams, job, true);
    if (stream) {
      push(ctx, job, stream);
      return;
    }
    const poll = takeWaiter(polls, job, false);
    if (poll && sendBatch(ctx, poll, poll.max ?? 1, rotation(ctx.partitions)) > 0) finish(polls, poll, () => poll.sink.end());
  };
  return {
    activateJobs: (ctx, command, sink) => {
      const request = command.request as ActivateRequest;
      const waiter: Waiter = { request, tenants: command.tenantIds, sink, max: request.maxJobsToActivate };
      const sent = sendBatch(ctx, waiter, request.maxJobsToActivate, rotation(ctx.partitions));
      if (sent > 0 || Number(request.requestTimeout) < 0) sink.end();
      else park(ctx, polls, waiter, Number(request.requestTimeout) === 0 ? DEFAULT_LONG_POLL_MS : Number(request.requestTimeout));
      return ok(undefined);
    },
    streamJobs: (_ctx, command, sink) => {
      const waiter: Waiter = { request: command.request as WorkerRequest, tenants: command.tenantIds, sink };
      add(streams, waiter);
      sink.onCancel(() => finish(streams, waiter, () => undefined));
      return ok(undefined);
    },
    jobActivatable: (ctx, job) => {
      if (pending.push(job) === 1) queueMicrotask(() => flush(ctx));
    },
  };
}

function add(waiters: Map<string, Waiter[]>, waiter: Waiter): void {
  waiters.set(waiter.request.type, [...(waiters.get(waiter.request.type) ?? []), waiter]);
}

function finish(waiters: Map<string, Waiter[]>, waiter: Waiter, close: () => void): void {
  const rest = (waiters.get(waiter.request.type) ?? []).filter((w) => w !== waiter);
  if (rest.length > 0) waiters.set(waiter.request.type, rest);
  else waiters.delete(waiter.request.type);
  waiter.cancelTimer?.();
  close();
}

/** A parked poll ends with OK and no message when its time runs out (never DEADLINE_EXCEEDED). */
function park(ctx: MachineContext, polls: Map<string, Waiter[]>, waiter: Waiter, timeout: number): void {
  add(polls, waiter);
  const timer = ctx.clock.schedule(ctx.clock.now() + timeout, () => finish(polls, waiter, () => waiter.sink.end()));
  waiter.cancelTimer = () => timer.cancel();
  waiter.sink.onCancel(() => finish(polls, waiter, () => undefined));
}

/** The first live waiter for the job's type and tenant; streams rotate so each gets its turn. */
function takeWaiter(waiters: Map<string, Waiter[]>, job: Job, rotate: boolean): Waiter | undefined {
  const list = waiters.get(job.type) ?? [];
  const index = list.findIndex((w) => !w.sink.isCancelled() && w.tenants.includes(job.tenantId));
  const found = list[index];
  if (found && rotate) waiters.set(job.type, [...list.slice(0, index), ...list.slice(index + 1), found]);
  return found;
}

function push(ctx: MachineContext, job: Job, stream: Waiter): void {
  const variables = variablesOf(ctx, job, stream.request.fetchVariable);
  markActivated(ctx, job, stream.request.worker, Number(stream.request.timeout));
  stream.sink.write(activatedJob(job, variables));
}

/**
 * One pass over the partitions: per partition with jobs, one response message of at most `max` jobs in all,
 * each message under the size limit (jobs that do not fit stay activatable). Returns how many were sent.
 */
function sendBatch(ctx: MachineContext, waiter: Waiter, max: number, partitions: readonly number[]): number {
  if (waiter.sink.isCancelled()) return 0;
  let sent = 0;
  for (const partition of partitions) {
    if (sent >= max) break;
    const chosen = choose(ctx, waiter, partition, max - sent);
    if (chosen.length === 0) continue;
    const messages = chosen.map(({ job, variables }) => {
      markActivated(ctx, job, waiter.request.worker, Number(waiter.request.timeout));
      return activatedJob(job, variables);
    });
    waiter.sink.write({ jobs: messages });
    sent += messages.length;
  }
  return sent;
}

function choose(ctx: MachineContext, waiter: Waiter, partition: number, limit: number): { job: Job; variables: string }[] {
  const chosen: { job: Job; variables: string }[] = [];
  let size = 0;
  for (const key of [...(ctx.state.activatable.get(waiter.request.type) ?? [])]) {
    const job = ctx.state.jobs.get(key);
    if (!job || job.partition !== partition || !waiter.tenants.includes(job.tenantId)) continue;
    const variables = variablesOf(ctx, job, waiter.request.fetchVariable);
    const bytes = JOB_OVERHEAD + Buffer.byteLength(variables) + Buffer.byteLength(JSON.stringify(job.customHeaders));
    if (bytes > MESSAGE_BUDGET) {
      tooLarge(ctx, job);
      continue;
    }
    if (size + bytes > MESSAGE_BUDGET) break;
    chosen.push({ job, variables });
    size += bytes;
    if (chosen.length >= limit) break;
  }
  return chosen;
}

/** A job that can never fit in a response raises an incident instead of blocking its type. */
function tooLarge(ctx: MachineContext, job: Job): void {
  setJobState(ctx, job, 'failed');
  const element = ctx.state.elements.get(job.elementInstanceKey);
  if (!element) return;
  const message = `The job with key '${job.key}' can not be activated, because it is larger than the configured maximum message size (4 MiB)`;
  raiseIncident(ctx, element, 'JOB_NO_RETRIES', message, job.key, () => {
    if (ctx.state.jobs.get(job.key) === job) makeActivatable(ctx, job);
  });
}

function variablesOf(ctx: MachineContext, job: Job, fetch: readonly string[]): string {
  const visible = visibleVariables(ctx.state, job.elementInstanceKey);
  return JSON.stringify(fetch.length > 0 ? pickVariables(visible, fetch) : visible);
}

function activatedJob(job: Job, variables: string): Record<string, unknown> {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables,
    tenantId: job.tenantId,
  };
}
