import { AssertionError } from 'node:assert';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ManualClock, RunningEngine } from '../../../engine/index.js';
import type { RpcName } from '../../../rules/index.js';
import type { CallOutcome, GatewayClient } from '../../../suites/harness/client.js';
import { jobsOf } from '../../support/processes.js';
import {
  activateJobs,
  advanceClock,
  CAUGHT_CODE,
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

/** The system under test: one engine on a manual clock, a client, and a tally of the situations the runs reached. */
export interface Real {
  readonly engine: RunningEngine;
  readonly client: GatewayClient;
  readonly clock: ManualClock;
  readonly tally: Map<string, number>;
}

type JobCommand = fc.AsyncCommand<JobModel, Real>;

/** Which job a command names: one the model knows by key, one that is gone, or a key never assigned. */
export interface JobTarget {
  readonly kind: 'known' | 'gone' | 'unknown';
  readonly index: number;
}

const count = (real: Real, label: string): void => {
  real.tally.set(label, (real.tally.get(label) ?? 0) + 1);
};

/** The key a target names in this model (falling back to a gone, then a never-assigned key), and the model's job. */
function resolveTarget(model: JobModel, target: JobTarget): { key: string; job: ModelJob | undefined } {
  const known = knownJobs(model);
  if (target.kind === 'known' && known.length > 0) {
    const job = known[target.index % known.length]!;
    return { key: job.key!, job };
  }
  const gone = model.goneJobKeys;
  if (target.kind !== 'unknown' && gone.length > 0) return { key: gone[target.index % gone.length]!, job: undefined };
  return { key: NEVER_ASSIGNED_KEY, job: undefined };
}

/** The engine's answer must be the model's: status, and the catalogue rule named in the trailer. */
function expectAnswer(outcome: CallOutcome, expected: Expected, what: string): void {
  const seen = `${outcome.status}${outcome.ruleId ? ` [${outcome.ruleId}]` : ''}${outcome.details ? `: ${outcome.details}` : ''}`;
  const want = `${expected.status}${expected.ruleId ? ` [${expected.ruleId}]` : ''}`;
  assert.ok(outcome.status === expected.status && outcome.ruleId === expected.ruleId, `${what} (${expected.situation}): the engine answered ${seen}; the model expected ${want}`);
}

/** engine.inspect() must agree with the model: instances, jobs, and the open incidents by job and type. */
function expectSnapshot(model: JobModel, real: Real, after: string): void {
  const snapshot = real.engine.inspect();
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
  protected abstract execute(model: JobModel, real: Real): Promise<void>;
  toString(): string {
    return this.describe();
  }
  async run(model: JobModel, real: Real): Promise<void> {
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
  protected async expectCall(model: JobModel, real: Real, rpc: RpcName, request: object, predict: () => Expected): Promise<void> {
    const expected = predict();
    const outcome = await real.client.call(rpc, request);
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
  protected execute(model: JobModel, real: Real): Promise<void> {
    return this.expectCall(model, real, 'CreateProcessInstance', { bpmnProcessId: this.process, version: -1, variables: '{}' }, () => createInstance(model, this.process));
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
  protected async execute(model: JobModel, real: Real): Promise<void> {
    const ready = JOB_TYPES.filter((type) => model.jobs.some((job) => job.type === type && job.state === 'activatable'));
    const types = ready.length > 0 ? ready : JOB_TYPES;
    const type = types[this.pick % types.length]!;
    const outcome = await real.client.call('ActivateJobs', {
      type,
      worker: 'model',
      timeout: this.timeout,
      maxJobsToActivate: this.max,
      requestTimeout: -1,
      fetchVariable: [],
    });
    assert.equal(outcome.status, 'OK', `${this.describe()}: the engine answered ${outcome.status}: ${outcome.details}`);
    const jobs = jobsOf(outcome.responses);
    this.resolved = `${type}: ${jobs.length === 0 ? 'none' : jobs.map((j) => j.key).join(', ')}`;
    count(real, `ActivateJobs: ${activateJobs(model, type, this.max, this.timeout, jobs)}`);
    expectSnapshot(model, real, this.describe());
  }
}

export class Complete extends JobKeyCommand {
  describe(): string {
    return `CompleteJob(${this.targetText()})`;
  }
  protected execute(model: JobModel, real: Real): Promise<void> {
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
  protected execute(model: JobModel, real: Real): Promise<void> {
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
  protected execute(model: JobModel, real: Real): Promise<void> {
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
  protected execute(model: JobModel, real: Real): Promise<void> {
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
  protected execute(model: JobModel, real: Real): Promise<void> {
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
  protected execute(model: JobModel, real: Real): Promise<void> {
    const open: SeenIncident[] = [...real.engine.inspect().incidents].sort((a, b) => a.key.localeCompare(b.key));
    const resolved = model.resolvedIncidentKeys;
    let incident: SeenIncident | undefined;
    let key = NEVER_ASSIGNED_KEY;
    if (this.target.kind === 'open' && open.length > 0) {
      incident = open[this.target.index % open.length]!;
      key = incident.key;
    } else if (this.target.kind !== 'unknown' && resolved.length > 0) {
      key = resolved[this.target.index % resolved.length]!;
    }
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
  protected execute(model: JobModel, real: Real): Promise<void> {
    real.clock.advance(this.ms);
    advanceClock(model, this.ms);
    assert.equal(real.clock.now(), model.now, 'the clock and the model disagree on the time');
    count(real, 'AdvanceClock');
    expectSnapshot(model, real, this.describe());
    return Promise.resolve();
  }
}

const jobTarget: fc.Arbitrary<JobTarget> = fc.record({
  kind: fc.oneof({ arbitrary: fc.constant('known' as const), weight: 17 }, { arbitrary: fc.constant('gone' as const), weight: 2 }, { arbitrary: fc.constant('unknown' as const), weight: 1 }),
  index: fc.nat(7),
});

/** The command arbitraries, weighted towards the commands that move jobs between states. */
export function jobCommandArbitraries(): fc.Arbitrary<JobCommand>[] {
  const weighted = (weight: number, arbitrary: fc.Arbitrary<JobCommand>) => ({ arbitrary, weight });
  return [
    fc.oneof(
      weighted(4, fc.constantFrom<ProcessId>('one-task', 'error-boundary').map((p) => new CreateInstance(p))),
      weighted(6, fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5000 })).map(([t, max, timeout]) => new Activate(t, max, timeout))),
      weighted(2, jobTarget.map((t) => new Complete(t))),
      weighted(4, fc.tuple(jobTarget, fc.integer({ min: -1, max: 3 }), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 }))).map(([t, r, b]) => new Fail(t, r, b))),
      weighted(2, fc.tuple(jobTarget, fc.constantFrom('NOPE', CAUGHT_CODE)).map(([t, code]) => new Throw(t, code))),
      weighted(2, fc.tuple(jobTarget, fc.integer({ min: 1, max: 3 })).map(([t, r]) => new UpdateRetries(t, r))),
      weighted(2, fc.tuple(jobTarget, fc.integer({ min: 0, max: 5000 })).map(([t, timeout]) => new UpdateTimeout(t, timeout))),
      weighted(2, fc.record({ kind: fc.constantFrom('open' as const, 'open' as const, 'open' as const, 'resolved' as const, 'unknown' as const), index: fc.nat(7) }).map((t) => new Resolve(t))),
      weighted(3, fc.integer({ min: 0, max: 6000 }).map((ms) => new AdvanceClock(ms))),
    ),
  ];
}
