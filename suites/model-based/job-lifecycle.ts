/**
 * The model-based property of the job lifecycle (fast-check `commands`): random sequences of CreateProcessInstance,
 * ActivateJobs, CompleteJob, FailJob, ThrowError, UpdateJobRetries and UpdateJobTimeout (plus ResolveIncident and
 * clock moves where the target allows them), each answer checked against a small model (job-model.ts). Every
 * sequence deploys its own processes and job types, so it holds on a shared gateway too.
 */
import fc from 'fast-check';
import type { Profile } from '../../rules/index.js';
import { errorBoundaryProcess, oneTaskProcess } from '../cases/models.js';
import type { CallOutcome } from '../harness/client.js';
import { jobCommandArbitraries } from './job-command-arbitraries.js';
import { CAUGHT_CODE, freshModel, type JobModel, type ModelTweak } from './job-model.js';
import type { RunNames, World } from './world.js';

export { jobCommandArbitraries } from './job-command-arbitraries.js';
export type { RunNames, Snapshot, World } from './world.js';
export { freshModel, type JobModel, type ModelTweak } from './job-model.js';

/** The processes of the model, deployed under this run's names; throws if the target refuses them. */
export async function deployLifecycleModels(call: (rpc: 'DeployResource', request: object) => Promise<CallOutcome>, names: RunNames, tenantId: string): Promise<void> {
  const oneTask = names.processId('one-task');
  const errorBoundary = names.processId('error-boundary');
  const resources = [
    { name: `${oneTask}.bpmn`, content: oneTaskProcess(oneTask, names.jobType('one-task-work')) },
    { name: `${errorBoundary}.bpmn`, content: errorBoundaryProcess(errorBoundary, { charge: names.jobType('charge-card'), notify: names.jobType('notify-customer') }, CAUGHT_CODE) },
  ];
  const outcome = await call('DeployResource', { resources, tenantId });
  if (outcome.status !== 'OK') throw new Error(`the job lifecycle's processes were refused: ${outcome.status} ${outcome.details}`);
}

/** How the property runs: the profile's answers, a deliberately wrong model (to prove it can fail), a replay path. */
export interface LifecycleOptions {
  readonly profile: Profile;
  readonly maxCommands: number;
  readonly tweak?: ModelTweak;
  readonly replayPath?: string;
}

/** The property: each sequence gets a fresh world from `setup` and agrees with the model throughout. */
export function jobLifecycleProperty(setup: () => Promise<World>, arbitrariesOf: Pick<World, 'advance' | 'inspect'>, options: LifecycleOptions): fc.IAsyncProperty<[Iterable<fc.AsyncCommand<JobModel, World>>]> {
  const constraints = { maxCommands: options.maxCommands, size: 'max' as const, ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }) };
  return fc.asyncProperty(fc.commands(jobCommandArbitraries(arbitrariesOf), constraints), async (commands) => {
    await fc.asyncModelRun(async () => {
      const real = await setup();
      return { model: freshModel(options.profile, options.tweak ?? 'none', real.now()), real };
    }, commands);
  });
}
