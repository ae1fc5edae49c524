import fc from 'fast-check';
import type { RunnableCase } from '../harness/run-cases.js';
import type { JobType, ProcessId } from './job-model.js';
import { deployLifecycleModels, jobLifecycleProperty, type World } from './job-lifecycle.js';

/** How far a gateway's clock may be from ours when its job deadlines are judged. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Sequences per run at most (each deploys its processes), and commands per sequence at most. */
const MAX_SEQUENCES = 100;
const MAX_COMMANDS = 20;

/** The model-based job lifecycle as a case of a verify run, in one multi-tenancy setting (an acceptance check). */
export function runnableLifecycleCase(multiTenancy: boolean, settings: { seed: number; runs: number }): RunnableCase {
  const expected = 'every answer as the job lifecycle model predicts';
  return {
    name: `model-based job lifecycle (multi-tenancy ${multiTenancy ? 'on' : 'off'}): random command sequences against a model`,
    ruleId: undefined,
    trailer: false,
    setting: { multiTenancy, authRequired: false },
    run: async ({ fixtures, profile, tenantId }) => {
      const setup = async (): Promise<World> => {
        const run = fixtures.uniqueId('lifecycle');
        const names = { jobType: (type: JobType) => `${run}-${type}`, processId: (process: ProcessId) => `${run}-${process}` };
        const call: World['call'] = (rpc, request) => fixtures.call(rpc, request);
        await deployLifecycleModels(call, names, tenantId);
        return { call, names, tenantId, now: () => Date.now(), clockSkewMs: CLOCK_SKEW_MS, track: (key) => fixtures.track(key), tally: new Map() };
      };
      const result = await fc.check(jobLifecycleProperty(setup, {}, { profile, maxCommands: MAX_COMMANDS }), { seed: settings.seed, numRuns: Math.min(settings.runs, MAX_SEQUENCES) });
      const runs = `${result.numRuns} command sequences`;
      if (!result.failed) return { judged: { passed: true, expected: runs, received: runs, details: '', runs: result.numRuns } };
      const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      return { judged: { passed: false, expected, received: 'an answer the model did not predict', details: `${fc.stringify(result.counterexample?.[0])}\n${cause}`, seed: result.seed, runs: result.numRuns } };
    },
  };
}
