import { AssertionError } from 'node:assert';
import { expectationOf, ruleById, type Profile, type StatusName } from '../../rules/index.js';

/**
 * A small model of the job lifecycle (one-task.bpmn and error-boundary.bpmn): what the engine should answer to each
 * job command and what its state should be afterwards. Expected statuses of the state rules come from the rules
 * catalogue for the model's profile, so a profile deviation is data here as in the engine.
 *
 * Keys: the gateway API never tells a job's key before it is activated, so a job the model has not seen activated yet
 * is a placeholder (`key` undefined). Placeholders of one type are interchangeable: an ActivateJobs answer naming an
 * unseen key binds it to one of them.
 */

export type ProcessId = 'one-task' | 'error-boundary';
export type JobType = 'one-task-work' | 'charge-card' | 'notify-customer';
export type JobState = 'activatable' | 'activated' | 'failed' | 'error_thrown';
export type IncidentType = 'JOB_NO_RETRIES' | 'UNHANDLED_ERROR_EVENT';

/** The job each process creates when an instance starts: type and retries as the fixture declares them. */
export const FIRST_JOB: Readonly<Record<ProcessId, { type: JobType; retries: number }>> = {
  'one-task': { type: 'one-task-work', retries: 3 },
  'error-boundary': { type: 'charge-card', retries: 2 },
};
/** The job behind error-boundary's `declined` boundary event (no retries attribute: the default 3). */
const AFTER_CAUGHT_ERROR = { type: 'notify-customer', retries: 3 } as const;
/** The error code error-boundary's boundary event on `charge` catches. */
export const CAUGHT_CODE = 'DECLINED';
export const JOB_TYPES: readonly JobType[] = ['one-task-work', 'charge-card', 'notify-customer'];
/** A key on partition 1 that a run never reaches (keys count up from 1 after a reset). */
export const NEVER_ASSIGNED_KEY = String((1n << 51n) + 987_654n);

export interface ModelJob {
  readonly id: number;
  /** Known once an ActivateJobs answer named it. */
  key: string | undefined;
  readonly type: JobType;
  readonly instance: number;
  state: JobState;
  retries: number;
  /** Activated jobs: when the activation times out (epoch ms of the engine's clock). */
  deadline: number | undefined;
  /** Failed jobs with retries left: when the retry back-off ends. */
  backOffUntil: number | undefined;
  /** The job's open incident, if any. */
  incident: IncidentType | undefined;
}

/** Deliberate model mistakes, to prove the model test can fail. */
export type ModelTweak = 'none' | 'fail-without-retries-stays-activatable';

export interface JobModel {
  readonly profile: Profile;
  readonly tweak: ModelTweak;
  now: number;
  readonly jobs: ModelJob[];
  readonly instances: Set<number>;
  /** Keys of jobs that are gone (completed, or terminated by a caught error), in the order they went. */
  readonly goneJobKeys: string[];
  /** Keys of incidents that were resolved. */
  readonly resolvedIncidentKeys: string[];
  nextId: number;
  /** The commands run so far, with what they resolved to, for the report of a divergence. */
  readonly trace: string[];
}

/** What the engine should answer: the status and, for a catalogue rule's rejection, the rule id in the trailer. */
export interface Expected {
  readonly status: StatusName;
  readonly ruleId?: string;
  /** A short name of the situation, for the coverage tally. */
  readonly situation: string;
}

export function freshModel(profile: Profile, tweak: ModelTweak, now: number): JobModel {
  return { profile, tweak, now, jobs: [], instances: new Set(), goneJobKeys: [], resolvedIncidentKeys: [], nextId: 0, trace: [] };
}

/** Jobs whose key the model knows, in the order their keys were learned. */
export function knownJobs(model: JobModel): ModelJob[] {
  return model.jobs.filter((job) => job.key !== undefined);
}

export function jobByKey(model: JobModel, key: string): ModelJob | undefined {
  return model.jobs.find((job) => job.key === key);
}

/** The answer a catalogue rule's condition gets in the model's profile (`OK`: the profile accepts it). */
function byRule(model: JobModel, ruleId: string, situation: string): Expected {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`the model refers to rule '${ruleId}', which is not in the catalogue`);
  const { status } = expectationOf(rule, model.profile);
  return status === 'OK' ? { status, situation } : { status, ruleId, situation };
}

/** A broker INVALID_STATE rejection the catalogue has no rule for: FAILED_PRECONDITION (spec/real-gateway.md). */
function invalidState(situation: string): Expected {
  return { status: 'FAILED_PRECONDITION', situation };
}

const ok = (situation: string): Expected => ({ status: 'OK', situation });

function makeActivatable(job: ModelJob): void {
  job.state = 'activatable';
  job.deadline = undefined;
  job.backOffUntil = undefined;
  job.incident = undefined;
}

function addJob(model: JobModel, instance: number, spec: { type: JobType; retries: number }): void {
  model.jobs.push({
    id: model.nextId++,
    key: undefined,
    type: spec.type,
    instance,
    state: 'activatable',
    retries: spec.retries,
    deadline: undefined,
    backOffUntil: undefined,
    incident: undefined,
  });
}

function dropJob(model: JobModel, job: ModelJob): void {
  model.jobs.splice(model.jobs.indexOf(job), 1);
  if (job.key !== undefined) model.goneJobKeys.push(job.key);
}

// ---- transitions: each applies an accepted command to the model and returns the answer it predicts ----

export function createInstance(model: JobModel, process: ProcessId): Expected {
  const instance = model.nextId++;
  model.instances.add(instance);
  addJob(model, instance, FIRST_JOB[process]);
  return ok(`create ${process}`);
}

/** CompleteJob: the task completes; in both fixtures that ends the instance. */
export function completeJob(model: JobModel, job: ModelJob | undefined): Expected {
  if (!job) return byRule(model, 'CompleteJob/NOT_FOUND/no-such-job', 'unknown job');
  if (job.state === 'failed') return byRule(model, 'CompleteJob/FAILED_PRECONDITION/job-failed', `failed job${job.incident ? ' (incident)' : ' (back-off)'}`);
  if (job.state === 'error_thrown') {
    const expected = byRule(model, 'CompleteJob/FAILED_PRECONDITION/error-thrown', 'error_thrown job');
    if (expected.status !== 'OK') return expected;
  }
  const situation = `${job.state} job`;
  dropJob(model, job);
  model.instances.delete(job.instance);
  return ok(situation);
}

/** FailJob: retries left make the job activatable (after the back-off), none left raise JOB_NO_RETRIES. */
export function failJob(model: JobModel, job: ModelJob | undefined, retries: number, backOff: number): Expected {
  if (!job) return byRule(model, 'FailJob/NOT_FOUND/no-such-job', 'unknown job');
  let situation = `${job.state} job`;
  if (job.state === 'activatable') {
    const expected = byRule(model, 'FailJob/FAILED_PRECONDITION/not-activated', situation);
    if (expected.status !== 'OK') return expected;
  }
  if (job.state === 'failed') return byRule(model, 'FailJob/FAILED_PRECONDITION/already-failed', situation);
  if (job.state === 'error_thrown') return invalidState(situation);
  job.retries = retries;
  job.deadline = undefined;
  const retriesLeft = retries > 0 || model.tweak === 'fail-without-retries-stays-activatable';
  if (!retriesLeft) {
    job.state = 'failed';
    job.incident = 'JOB_NO_RETRIES';
    situation += ', no retries left';
  } else if (backOff > 0) {
    job.state = 'failed';
    job.backOffUntil = model.now + backOff;
    situation += ', back-off';
  } else {
    makeActivatable(job);
    situation += ', retried at once';
  }
  return ok(situation);
}

/** ThrowError: caught by error-boundary's boundary event on `charge`, else UNHANDLED_ERROR_EVENT. */
export function throwError(model: JobModel, job: ModelJob | undefined, errorCode: string): Expected {
  if (!job) return byRule(model, 'ThrowError/NOT_FOUND/no-such-job', 'unknown job');
  const situation = `${job.state} job`;
  if (job.state === 'failed') return byRule(model, 'ThrowError/FAILED_PRECONDITION/already-failed', situation);
  if (job.state === 'error_thrown') return invalidState(situation);
  if (job.type === 'charge-card' && errorCode === CAUGHT_CODE) {
    dropJob(model, job);
    addJob(model, job.instance, AFTER_CAUGHT_ERROR);
    return ok(`${situation}, caught`);
  }
  job.state = 'error_thrown';
  job.deadline = undefined;
  job.incident = 'UNHANDLED_ERROR_EVENT';
  return ok(`${situation}, not caught`);
}

/** UpdateJobRetries: any existing job; takes effect on the next failure or incident resolution. */
export function updateJobRetries(model: JobModel, job: ModelJob | undefined, retries: number): Expected {
  if (!job) return byRule(model, 'UpdateJobRetries/NOT_FOUND/no-such-job', 'unknown job');
  job.retries = retries;
  return ok(`${job.state} job`);
}

/** UpdateJobTimeout: a new deadline from now, for an activated job only. */
export function updateJobTimeout(model: JobModel, job: ModelJob | undefined, timeout: number): Expected {
  if (!job) return byRule(model, 'UpdateJobTimeout/NOT_FOUND/no-such-job', 'unknown job');
  if (job.state !== 'activated') return byRule(model, 'UpdateJobTimeout/FAILED_PRECONDITION/job-not-active', `${job.state} job`);
  job.deadline = model.now + timeout;
  return ok('activated job');
}

/** An incident as engine.inspect() lists it. */
export interface SeenIncident {
  readonly key: string;
  readonly type: string;
  readonly jobKey?: string;
}

/** ResolveIncident: JOB_NO_RETRIES makes the job activatable if it has retries again, else raises a new incident. */
export function resolveIncident(model: JobModel, incident: SeenIncident | undefined): Expected {
  if (!incident) return byRule(model, 'ResolveIncident/NOT_FOUND/no-such-incident', 'unknown incident');
  const job = incident.jobKey === undefined ? undefined : jobByKey(model, incident.jobKey);
  if (!job || job.incident !== incident.type) {
    throw new AssertionError({ message: `the engine lists incident ${JSON.stringify(incident)}, which the model does not have` });
  }
  model.resolvedIncidentKeys.push(incident.key);
  if (job.incident === 'JOB_NO_RETRIES' && job.retries <= 0) return ok('JOB_NO_RETRIES, still no retries');
  const situation = job.incident === 'JOB_NO_RETRIES' ? 'JOB_NO_RETRIES, retries updated' : 'UNHANDLED_ERROR_EVENT';
  makeActivatable(job);
  return ok(situation);
}

/** The clock moves: activations past their deadline and back-offs that ended make jobs activatable. */
export function advanceClock(model: JobModel, ms: number): void {
  model.now += ms;
  for (const job of model.jobs) {
    const timedOut = job.state === 'activated' && job.deadline !== undefined && job.deadline <= model.now;
    const backedOff = job.state === 'failed' && job.incident === undefined && job.backOffUntil !== undefined && job.backOffUntil <= model.now;
    if (timedOut || backedOff) makeActivatable(job);
  }
}

/** An activated job as ActivateJobs answers it (the fields the model checks). */
export interface SeenActivatedJob {
  readonly key: string;
  readonly type: string;
  readonly retries: number;
  readonly deadline: string;
}

/**
 * ActivateJobs: as many jobs as asked for and activatable (the engine's pick among them is its own), each one the
 * model thinks activatable, with its retries and a deadline `timeout` after the request (`sent`: when it was sent and
 * answered, widened by the clock skew allowed). Throws on a divergence.
 */
export function activateJobs(model: JobModel, type: JobType, max: number, timeout: number, activated: readonly SeenActivatedJob[], sent: { from: number; to: number }): string {
  const candidates = model.jobs.filter((job) => job.type === type && job.state === 'activatable');
  const fail = (message: string): never => {
    throw new AssertionError({ message: `ActivateJobs(${type}, max ${max}): ${message}; the model had ${candidates.length} activatable (${describeJobs(candidates)})` });
  };
  if (activated.length !== Math.min(max, candidates.length)) fail(`the engine activated ${activated.length} job(s)`);
  for (const seen of activated) {
    const known = jobByKey(model, seen.key);
    if (model.goneJobKeys.includes(seen.key)) fail(`the engine activated job ${seen.key}, which the model has as gone`);
    if (known && (known.type !== type || known.state !== 'activatable')) fail(`the engine activated job ${seen.key}, which the model has as ${known.state} (${known.type})`);
    const job = known ?? model.jobs.find((j) => j.key === undefined && j.type === type && j.state === 'activatable');
    if (!job) return fail(`the engine activated job ${seen.key}, which the model cannot place`);
    if (seen.type !== type) fail(`job ${seen.key} has type '${seen.type}'`);
    if (seen.retries !== job.retries) fail(`job ${seen.key} has ${seen.retries} retries, the model ${job.retries}`);
    const deadline = Number(seen.deadline);
    if (deadline < sent.from + timeout || deadline > sent.to + timeout) fail(`job ${seen.key} has deadline ${seen.deadline}, the model ${describeWindow(sent, timeout)}`);
    job.key = seen.key;
    job.state = 'activated';
    job.deadline = deadline;
  }
  return `${activated.length} of ${candidates.length} activatable`;
}

const describeWindow = (sent: { from: number; to: number }, timeout: number): string =>
  sent.from === sent.to ? String(sent.from + timeout) : `${sent.from + timeout}..${sent.to + timeout}`;

/** What engine.inspect() should show: counts, and the open incidents as `jobKey:type`, sorted. */
export function expectedSnapshot(model: JobModel): { instances: number; jobs: number; incidents: string[] } {
  return {
    instances: model.instances.size,
    jobs: model.jobs.length,
    incidents: model.jobs.filter((job) => job.incident !== undefined).map((job) => `${job.key}:${job.incident}`).sort(),
  };
}

export function describeJobs(jobs: readonly ModelJob[]): string {
  return jobs
    .map((job) => {
      const extra = job.state === 'activated' ? ` until ${job.deadline}` : job.backOffUntil !== undefined ? ` back-off until ${job.backOffUntil}` : '';
      return `${job.key ?? `unseen#${job.id}`} ${job.type} ${job.state}${extra} retries ${job.retries}${job.incident ? ` ${job.incident}` : ''}`;
    })
    .join('; ');
}
