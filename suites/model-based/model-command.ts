import { AssertionError } from 'node:assert';
import assert from 'node:assert/strict';
import type fc from 'fast-check';
import type { RpcName } from '../../rules/index.js';
import type { CallOutcome } from '../harness/client.js';
import { describeJobs, expectedSnapshot, knownJobs, NEVER_ASSIGNED_KEY, type Expected, type JobModel, type ModelJob } from './job-model.js';
import type { World } from './world.js';

/** A command of the model-based run: fast-check's async command over the model and the world. */
export type JobCommand = fc.AsyncCommand<JobModel, World>;

/** Which job a command names: one the model knows by key, one that is gone, or a key never assigned. */
export interface JobTarget {
  readonly kind: 'known' | 'gone' | 'unknown';
  readonly index: number;
}

export const count = (real: World, label: string): void => {
  real.tally.set(label, (real.tally.get(label) ?? 0) + 1);
};

/** The `index`-th item, counting round (undefined for an empty list). */
export const nth = <T>(items: readonly T[], index: number): T | undefined => items[index % Math.max(1, items.length)];

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
export function expectSnapshot(model: JobModel, real: World, after: string): void {
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
export abstract class ModelCommand implements JobCommand {
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

export abstract class JobKeyCommand extends ModelCommand {
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

