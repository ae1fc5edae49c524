import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  activateJobs,
  advanceClock,
  CAUGHT_CODE,
  completeJob,
  createInstance,
  failJob,
  JOB_TYPES,
  jobByKey,
  NEVER_ASSIGNED_KEY,
  resolveIncident,
  throwError,
  updateJobRetries,
  updateJobTimeout,
  type JobModel,
  type ProcessId,
  type SeenIncident,
} from './job-model.js';
import { count, expectSnapshot, JobKeyCommand, ModelCommand, nth, type JobCommand, type JobTarget } from './model-command.js';
import type { World } from './world.js';


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

const jobTarget: fc.Arbitrary<JobTarget> = fc.record({
  kind: fc.oneof({ arbitrary: fc.constant('known' as const), weight: 17 }, { arbitrary: fc.constant('gone' as const), weight: 2 }, { arbitrary: fc.constant('unknown' as const), weight: 1 }),
  index: fc.nat(7),
});

/** An activated job as ActivateJobs answers it. */
function jobsOf(responses: readonly unknown[]): { key: string; type: string; retries: number; deadline: string }[] {
  return responses.flatMap((r) => (r as { jobs: { key: string; type: string; retries: number; deadline: string }[] }).jobs);
}

/** Durations (ms) of activations and back-offs: short ones where the run moves the clock, else too long to pass during a run. */
function durations(movedClock: boolean, shortest: number): fc.Arbitrary<number> {
  return movedClock ? fc.integer({ min: shortest, max: 5000 }) : fc.integer({ min: 600_000, max: 3_600_000 });
}

/**
 * The command arbitraries, weighted towards the commands that move jobs between states. Clock moves need a clock
 * the run moves; ResolveIncident needs the incidents' keys, which only the reference engine's state shows.
 */
export function jobCommandArbitraries(world: Pick<World, 'advance' | 'inspect'>): fc.Arbitrary<JobCommand>[] {
  const weighted = (weight: number, arbitrary: fc.Arbitrary<JobCommand>) => ({ arbitrary, weight });
  const moved = world.advance !== undefined;
  const backOff = moved ? fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })) : fc.oneof(fc.constant(0), durations(false, 0));
  const resolve = fc.record({ kind: fc.constantFrom('open' as const, 'open' as const, 'open' as const, 'resolved' as const, 'unknown' as const), index: fc.nat(7) }).map((t) => new Resolve(t));
  return [
    fc.oneof(
      weighted(4, fc.constantFrom<ProcessId>('one-task', 'error-boundary').map((p) => new CreateInstance(p))),
      weighted(6, fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 3 }), durations(moved, 1)).map(([t, max, timeout]) => new Activate(t, max, timeout))),
      weighted(2, jobTarget.map((t) => new Complete(t))),
      weighted(4, fc.tuple(jobTarget, fc.integer({ min: -1, max: 3 }), backOff).map(([t, r, b]) => new Fail(t, r, b))),
      weighted(2, fc.tuple(jobTarget, fc.constantFrom('NOPE', CAUGHT_CODE)).map(([t, code]) => new Throw(t, code))),
      weighted(2, fc.tuple(jobTarget, fc.integer({ min: 1, max: 3 })).map(([t, r]) => new UpdateRetries(t, r))),
      weighted(2, fc.tuple(jobTarget, durations(moved, 0)).map(([t, timeout]) => new UpdateTimeout(t, timeout))),
      ...(world.inspect ? [weighted(2, resolve)] : []),
      ...(moved ? [weighted(3, fc.integer({ min: 0, max: 6000 }).map((ms) => new AdvanceClock(ms)))] : []),
    ),
  ];
}
