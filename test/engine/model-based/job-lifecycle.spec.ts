import assert from 'node:assert/strict';
import fc from 'fast-check';
import { manualClock, startEngine, type RunningEngine } from '../../../engine/index.js';
import { PROFILES, type Profile } from '../../../rules/index.js';
import { createGatewayClient, type GatewayClient } from '../../../suites/harness/client.js';
import { deployLifecycleModels, jobLifecycleProperty, type ModelTweak, type RunNames, type World } from '../../../suites/model-based/job-lifecycle.js';

/**
 * Model-based test of the job lifecycle: random sequences of CreateProcessInstance, ActivateJobs, CompleteJob,
 * FailJob, ThrowError, UpdateJobRetries, UpdateJobTimeout, ResolveIncident and clock moves, over gRPC against the
 * reference engine, each answer and each engine.inspect() checked against a small model (job-model.ts), per profile.
 *
 * MODEL_SEED pins fast-check's seed; MODEL_SEED, MODEL_PATH and MODEL_REPLAY_PATH together replay the shrunk
 * counterexample of a failure (its report prints all three). MODEL_RUNS sets the runs per profile (default 100),
 * MODEL_COMMANDS the longest sequence (default 25); MODEL_REPORT=1 prints how often each situation was reached.
 * MODEL_TWEAK=fail-without-retries-stays-activatable runs the property against a deliberately wrong model.
 */
const RUNS = Number(process.env['MODEL_RUNS'] ?? '100');
const MAX_COMMANDS = Number(process.env['MODEL_COMMANDS'] ?? '25');
const SEED = process.env['MODEL_SEED'];
const PATH = process.env['MODEL_PATH'];
const REPLAY_PATH = process.env['MODEL_REPLAY_PATH'];
const TWEAK = (process.env['MODEL_TWEAK'] ?? 'none') as ModelTweak;

/** The names the processes and job types have in the model: a reset engine needs no others. */
const SAME_NAMES: RunNames = { jobType: (type) => type, processId: (process) => process };

interface Running {
  readonly engine: RunningEngine;
  readonly client: GatewayClient;
  readonly world: World;
  stop(): Promise<void>;
}

async function startReal(profile: Profile): Promise<Running> {
  const clock = manualClock();
  const engine = await startEngine({ clock, profile });
  const client = createGatewayClient({ address: engine.address });
  const world: World = {
    call: (rpc, request) => client.call(rpc, request),
    names: SAME_NAMES,
    tenantId: '',
    now: () => clock.now(),
    clockSkewMs: 0,
    inspect: () => engine.inspect(),
    advance: (ms) => clock.advance(ms),
    tally: new Map(),
  };
  return {
    engine,
    client,
    world,
    stop: async () => {
      client.close();
      await engine.stop();
    },
  };
}

/** The property on one engine: every sequence starts on a freshly reset engine with the processes deployed. */
function propertyOn(real: Running, profile: Profile, tweak: ModelTweak, replayPath: string | undefined) {
  const setup = async (): Promise<World> => {
    real.engine.reset();
    await deployLifecycleModels(real.world.call, SAME_NAMES, '');
    return real.world;
  };
  return jobLifecycleProperty(setup, real.world, { profile, maxCommands: MAX_COMMANDS, tweak, ...(replayPath === undefined ? {} : { replayPath }) });
}

/** MODEL_REPORT=1: the runs, the commands executed, and how often each situation was reached. */
function report(profile: string, runs: number, tally: ReadonlyMap<string, number>): void {
  if (process.env['MODEL_REPORT'] !== '1') return;
  const commands = [...tally.values()].reduce((a, b) => a + b, 0);
  const lines = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, n]) => `    ${String(n).padStart(5)}  ${label}`);
  console.error(`  model-based job lifecycle (${profile}): ${runs} runs, ${commands} commands\n${lines.join('\n')}`);
}

for (const profile of PROFILES) {
  describe(`model-based: the job lifecycle against a model (profile ${profile})`, () => {
    let real: Running;
    before(async () => {
      real = await startReal(profile);
    });
    after(() => real.stop());

    it('agrees with the model on every answer and every state, over random command sequences', async () => {
      const result = await fc.check(propertyOn(real, profile, TWEAK, REPLAY_PATH), {
        numRuns: RUNS,
        ...(SEED === undefined ? {} : { seed: Number(SEED) }),
        ...(PATH === undefined ? {} : { path: PATH }),
      });
      report(profile, result.numRuns, real.world.tally);
      if (result.failed) {
        const message = await fc.asyncDefaultReportMessage(result);
        const replayPath = /replayPath="([^"]*)"/.exec(fc.stringify(result.counterexample?.[0]))?.[1] ?? '';
        const replay = `MODEL_SEED=${result.seed} MODEL_PATH=${result.counterexamplePath ?? ''} MODEL_REPLAY_PATH='${replayPath}'`;
        const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        assert.fail(`${message ?? 'the model test failed'}\n${cause}\n  replay (profile ${profile}): ${replay}`);
      }
    }).timeout(Math.max(20_000, RUNS * MAX_COMMANDS * 20));
  });
}

describe('model-based: the job lifecycle model test can fail', () => {
  let real: Running;
  before(async () => {
    real = await startReal('documented');
  });
  after(() => real.stop());

  it('finds and shrinks a divergence when the model wrongly thinks FailJob with no retries leaves the job activatable', async () => {
    const result = await fc.check(propertyOn(real, 'documented', 'fail-without-retries-stays-activatable', undefined), { numRuns: 200, seed: 20260101 });
    assert.ok(result.failed, 'the deliberately wrong model was not caught');
    const counterexample = fc.stringify(result.counterexample?.[0]);
    const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    assert.match(counterexample, /FailJob\([^)]*retries (0|-1)/, `the counterexample fails a job without retries: ${counterexample}`);
    assert.match(cause, /engine\.inspect\(\) disagrees with the model/);
    assert.match(cause, /JOB_NO_RETRIES/);
    assert.match(cause, /the run \(profile documented\):\n.*CreateInstance\(one-task\).*\n.*Activate.*\n.*FailJob.*<-- diverged/);
    if (process.env['MODEL_REPORT'] === '1') console.error(`  the wrong model's shrunk counterexample: ${counterexample}\n  ${cause}`);
    const commands = counterexample.split(/,(?![^(]*\))/).length;
    assert.ok(commands <= 4, `shrunk to at most 4 commands (create, activate, fail), got ${commands}: ${counterexample}`);
  });
});
