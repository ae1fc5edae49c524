import { AssertionError } from 'node:assert';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { RpcName } from '../../rules/index.js';
import type { CallOutcome } from '../harness/client.js';
import type { World } from './world.js';
import {
  activateJobs,
  advanceClock,
  completeJob,
  createInstance,
  describeJobs,
  expectedSnapshot,
  failJob,
  JOB_TYPES,
  jobByKey,
  knownJobs,
  NEVER_ASSIGNED_KEY,
  resolveIncident,
  throwError,
  updateJobRetries,
  updateJobTimeout,
  type Expected,
  type JobModel,
  type ModelJob,
  type ProcessId,
  type SeenIncident,
} from './job-model.js';

/** A command of the model-based property. */
export type JobCommand = fc.AsyncCommand<JobModel, World>;

/** Which job a command names: one the model knows by key, one that is gone, or a key never assigned. */
export interface JobTarget {
  readonly kind: 'known' | 'gone' | 'unknown';
  readonly index: number;
}

const count = (real: World, label: string): void => {
  real.tally.set(label, (real.tally.get(label) ?? 0) + 1);
};

/** The `index`-th item, counting round (undefined for an empty list). */
const nth = <T>(items: readonly T[], index: number): T | undefined => items[index % Math.max(1, items.length)];

/** The key a target names in this model (falling back to a gone, then a never-assigned key), and the model's job. */
function resolveTarget(model: JobModel, target: JobTarget): { key: string; job: ModelJob | undefined } {
  const job = target.kind === 'known' ? nth(knownJobs(model), target.index) : undefined;
  if (job?.key !== undefined) return { key: job.key, job };
  const gone = target.kind === 'unknown' ? undefined : nth(model.goneJobKeys, target.index);
  return { key: gone ?? NEVER_ASSIGNED_KEY, job: undefined };
}

/** The engine's answer must be the model's: status, and the catalogue rule named in the trailer. */
function expectAnswer(outcome: CallOutcome, expected: Expected, what: string): void {
  const seen = `${outcome.status}${outcome.ruleId ? ` [${outcome.ruleId}]` : ''}${outcome.details ? `: ${outcome.details}` : ''}`;
  const want = `${expected.status}${expected.ruleId ? ` [${expected.ruleId}]` : ''}`;
  assert.ok(outcome.status === expected.status && outcome.ruleId === expected.ruleId, `${what} (${expected.situation}): the engine answered ${seen}; the model expected ${want}`);
}

/** engine.inspect() must agree with the model: instances, jobs, and the open incidents by job and type. */
function expectSnapshot(model: JobModel, real: World, after: string): void {
  if (!real.inspect) return;
  const snapshot = real.inspect();
  const expected = expectedSnapshot(model);
  const actual = {
    instances: snapshot.instances,
    jobs: snapshot.jobs,
    incidents: snapshot.incidents.map((i) => `${i.jobKey}:${i.type}`).sort(),
  };
  assert.deepEqual(actual, expected, `after ${after}: engine.inspect() disagrees with the model (model jobs: ${describeJobs(model.jobs) || 'none'})`);
}

/**
 * One command against the engine: what the model predicts is checked against the answer, then the state. A failure
 * reports the run so far, each command with the keys it resolved to in that run (keys are deterministic after a
 * reset); `toString` stays what the generator chose, since fast-check reuses command objects across runs.
 */
abstract class ModelCommand implements JobCommand {
  /** What the current run resolved the command to. */
  protected resolved = '';
  /** Every command can run in any state unless a subclass says otherwise. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  check(_model: Readonly<JobModel>): boolean {
    return true;
  }
  abstract describe(): string;
  /** Runs the command against the engine and the model; throws on a divergence. */
  protected abstract execute(model: JobModel, real: World): Promise<void>;
  toString(): string {
    return this.describe();
  }
  async run(model: JobModel, real: World): Promise<void> {
    this.resolved = '';
    try {
      await this.execute(model, real);
    } catch (e) {
      model.trace.push(`${this.traced()}   <-- diverged`);
      const cause = e instanceof Error ? e.message : String(e);
      throw new AssertionError({ message: `${cause}\n  the run (profile ${model.profile}):\n${model.trace.map((line) => `    ${line}`).join('\n')}` });
    }
    model.trace.push(this.traced());
  }
  private traced(): string {
    return this.resolved === '' ? this.describe() : `${this.describe()}  [${this.resolved}]`;
  }
  protected async expectCall(model: JobModel, real: World, rpc: RpcName, request: object, predict: () => Expected, onOk?: (answer: unknown) => void): Promise<void> {
    const expected = predict();
    const outcome = await real.call(rpc, request);
    if (outcome.status === 'OK') onOk?.(outcome.responses[0]);
    count(real, `${rpc}: ${expected.situation} -> ${outcome.status}`);
    this.resolved = this.resolved === '' ? outcome.status : `${this.resolved} -> ${outcome.status}`;
    expectAnswer(outcome, expected, this.describe());
    expectSnapshot(model, real, this.describe());
  }
}

abstract class JobKeyCommand extends ModelCommand {
  constructor(protected readonly target: JobTarget) {
    super();
  }
  /** A command meant for a known job waits until the model knows one (else sequences drown in NOT_FOUNDs). */
  override check(model: Readonly<JobModel>): boolean {
    return this.target.kind !== 'known' || model.jobs.some((job) => job.key !== undefined);
  }
  protected pick(model: JobModel): { key: string; job: ModelJob | undefined } {
    const picked = resolveTarget(model, this.target);
    this.resolved = `${picked.key}${picked.job ? ` ${picked.job.state}` : ' (no such job)'}`;
    return picked;
  }
  protected targetText(): string {
    return `${this.target.kind}#${this.target.index}`;
  }
}

export class CreateInstance extends ModelCommand {
  constructor(private readonly process: ProcessId) {
    super();
  }
  describe(): string {
    return `CreateInstance(${this.process})`;
  }
  protected execute(model: JobModel, real: World): Promise<void> {
    const request = { bpmnProcessId: real.names.processId(this.process), version: -1, variables: '{}', tenantId: real.tenantId };
    return this.expectCall(model, real, 'CreateProcessInstance', request, () => createInstance(model, this.process), (answer) => {
      real.track?.(String((answer as { processInstanceKey?: unknown } | undefined)?.processInstanceKey));
    });
  }
}

/**
 * ActivateJobs for a job type: the `pick`-th type the model has activatable jobs of (so that random sequences get
 * to work on jobs), or the `pick`-th type of all when there is none.
 */
export class Activate extends ModelCommand {
  constructor(
    private readonly pick: number,
    private readonly max: number,
    private readonly timeout: number,
  ) {
    super();
  }
  describe(): string {
    return `Activate(type#${this.pick}, max ${this.max}, timeout ${this.timeout})`;
  }
  /** Activating with no job at all is tried, but not as often as the generator would. */
  override check(model: Readonly<JobModel>): boolean {
    return model.jobs.length > 0 || this.pick % 3 === 0;
  }
  protected async execute(model: JobModel, real: World): Promise<void> {
    const ready = JOB_TYPES.filter((type) => model.jobs.some((job) => job.type === type && job.state === 'activatable'));
    const types = ready.length > 0 ? ready : JOB_TYPES;
    const type = nth(types, this.pick) ?? 'one-task-work';
    const realType = real.names.jobType(type);
    const from = real.now();
    const outcome = await real.call('ActivateJobs', {
      type: realType,
      worker: 'model',
      timeout: this.timeout,
      maxJobsToActivate: this.max,
      requestTimeout: -1,
      fetchVariable: [],
      tenantIds: real.tenantId === '' ? [] : [real.tenantId],
    });
    assert.equal(outcome.status, 'OK', `${this.describe()}: the gateway answered ${outcome.status}: ${outcome.details}`);
    // The model knows the job types by their names in the processes; the gateway by their names in this run.
    const jobs = jobsOf(outcome.responses).map((job) => ({ ...job, type: job.type === realType ? type : job.type }));
    this.resolved = `${type}: ${jobs.length === 0 ? 'none' : jobs.map((j) => j.key).join(', ')}`;
    const window = { from: from - real.clockSkewMs, to: real.now() + real.clockSkewMs };
    count(real, `ActivateJobs: ${activateJobs(model, type, this.max, this.timeout, jobs, window)}`);
    expectSnapshot(model, real, this.describe());
  }
}

export class Complete extends JobKeyCommand {
  describe(): string {
    return `CompleteJob(${this.targetText()})`;
  }
  protected execute(model: JobModel, real: World): Promise<void> {
    const { key, job } = this.pick(model);
    return this.expectCall(model, real, 'CompleteJob', { jobKey: key, variables: '' }, () => completeJob(model, job));
  }
}

export class Fail extends JobKeyCommand {
  constructor(
    target: JobTarget,
    private readonly retries: number,
    private readonly backOff: number,
  ) {
    super(target);
  }
  describe(): string {
    return `FailJob(${this.targetText()}, retries ${this.retries}, back-off ${this.backOff})`;
  }
  protected execute(model: JobModel, real: World): Promise<void> {
    const { key, job } = this.pick(model);
    const request = { jobKey: key, retries: this.retries, errorMessage: 'model says no', retryBackOff: this.backOff, variables: '' };
    return this.expectCall(model, real, 'FailJob', request, () => failJob(model, job, this.retries, this.backOff));
  }
}

export class Throw extends JobKeyCommand {
  constructor(
    target: JobTarget,
    private readonly errorCode: string,
  ) {
    super(target);
  }
  describe(): string {
    return `ThrowError(${this.targetText()}, '${this.errorCode}')`;
  }
  protected execute(model: JobModel, real: World): Promise<void> {
    const { key, job } = this.pick(model);
    const request = { jobKey: key, errorCode: this.errorCode, errorMessage: 'thrown by the model test', variables: '' };
    return this.expectCall(model, real, 'ThrowError', request, () => throwError(model, job, this.errorCode));
  }
}

export class UpdateRetries extends JobKeyCommand {
  constructor(
    target: JobTarget,
    private readonly retries: number,
  ) {
    super(target);
  }
  describe(): string {
    return `UpdateJobRetries(${this.targetText()}, ${this.retries})`;
  }
  protected execute(model: JobModel, real: World): Promise<void> {
    const { key, job } = this.pick(model);
    return this.expectCall(model, real, 'UpdateJobRetries', { jobKey: key, retries: this.retries }, () => updateJobRetries(model, job, this.retries));
  }
}

export class UpdateTimeout extends JobKeyCommand {
  constructor(
    target: JobTarget,
    private readonly timeout: number,
  ) {
    super(target);
  }
  describe(): string {
    return `UpdateJobTimeout(${this.targetText()}, ${this.timeout})`;
  }
  protected execute(model: JobModel, real: World): Promise<void> {
    const { key, job } = this.pick(model);
    return this.expectCall(model, real, 'UpdateJobTimeout', { jobKey: key, timeout: this.timeout }, () => updateJobTimeout(model, job, this.timeout));
  }
}

/** ResolveIncident of an open incident (from engine.inspect()), a resolved one, or a key never assigned. */
export class Resolve extends ModelCommand {
  constructor(private readonly target: { readonly kind: 'open' | 'resolved' | 'unknown'; readonly index: number }) {
    super();
  }
  override check(model: Readonly<JobModel>): boolean {
    return this.target.kind !== 'open' || model.jobs.some((job) => job.incident !== undefined);
  }
  describe(): string {
    return `ResolveIncident(${this.target.kind}#${this.target.index})`;
  }
  protected execute(model: JobModel, real: World): Promise<void> {
    const open: SeenIncident[] = [...(real.inspect?.().incidents ?? [])].sort((a, b) => a.key.localeCompare(b.key));
    const resolved = model.resolvedIncidentKeys;
    const incident = this.target.kind === 'open' ? nth(open, this.target.index) : undefined;
    const again = this.target.kind === 'unknown' ? undefined : nth(resolved, this.target.index);
    const key = incident?.key ?? again ?? NEVER_ASSIGNED_KEY;
    const job = incident?.jobKey === undefined ? undefined : jobByKey(model, incident.jobKey);
    this.resolved = incident ? `${key} ${incident.type} of job ${incident.jobKey} (retries ${job?.retries})` : `${key} (no such incident)`;
    return this.expectCall(model, real, 'ResolveIncident', { incidentKey: key }, () => resolveIncident(model, incident));
  }
}

export class AdvanceClock extends ModelCommand {
  constructor(private readonly ms: number) {
    super();
  }
  describe(): string {
    return `AdvanceClock(${this.ms})`;
  }
  protected execute(model: JobModel, real: World): Promise<void> {
    real.advance?.(this.ms);
    advanceClock(model, this.ms);
    assert.equal(real.now(), model.now, 'the clock and the model disagree on the time');
    count(real, 'AdvanceClock');
    expectSnapshot(model, real, this.describe());
    return Promise.resolve();
  }
}

/** An activated job as ActivateJobs answers it. */
function jobsOf(responses: readonly unknown[]): { key: string; type: string; retries: number; deadline: string }[] {
  return responses.flatMap((r) => (r as { jobs: { key: string; type: string; retries: number; deadline: string }[] }).jobs);
}
