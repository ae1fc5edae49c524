import type { RpcName } from '../../rules/index.js';
import type { Enforcement } from '../enforcement.js';
import { err, type Result } from '../result.js';
import type { Clock } from './clock.js';
import type { MachineContext } from './context.js';
import { createJobActivation, type JobActivation } from './commands/activation.js';
import { createProcessInstance, createProcessInstanceWithResult } from './commands/create-instance.js';
import { deployProcess, deployResource } from './commands/deploy.js';
import { evaluateDecisionCommand } from './commands/evaluate-decision.js';
import { cancelProcessInstance, deleteResource, resolveIncident, setVariables } from './commands/instance-commands.js';
import { completeJob, failJob, throwError, updateJobRetries, updateJobTimeout } from './commands/job-commands.js';
import { broadcastSignal, publishMessage } from './commands/messages.js';
import { migrateProcessInstance } from './commands/migrate-instance.js';
import { modifyProcessInstance } from './commands/modify-instance.js';
import { executeUserTaskCommand, type UserTaskCommand } from './commands/user-task-commands.js';
import { createKeyGenerator } from './keys.js';
import type { Command, Rejection, StateMachine } from './machine.js';
import { createState } from './store.js';
import { cancelAllTimers } from './timers.js';
import type { UserTask } from './types.js';

type Handler = (ctx: MachineContext, command: Command) => Result<unknown, Rejection> | Promise<Result<unknown, Rejection>>;

/** One handler per unary RPC this engine executes; the rest answer NOT_IMPLEMENTED until their issue lands. */
const UNARY: Partial<Record<RpcName, Handler>> = {
  DeployResource: deployResource,
  DeployProcess: deployProcess,
  CreateProcessInstance: createProcessInstance,
  CreateProcessInstanceWithResult: createProcessInstanceWithResult,
  CancelProcessInstance: cancelProcessInstance,
  SetVariables: setVariables,
  DeleteResource: deleteResource,
  ResolveIncident: resolveIncident,
  CompleteJob: completeJob,
  FailJob: failJob,
  ThrowError: throwError,
  UpdateJobRetries: updateJobRetries,
  UpdateJobTimeout: updateJobTimeout,
  PublishMessage: publishMessage,
  BroadcastSignal: broadcastSignal,
  EvaluateDecision: evaluateDecisionCommand,
  ModifyProcessInstance: modifyProcessInstance,
  MigrateProcessInstance: migrateProcessInstance,
};

/** What tests and the control endpoint may see of the state (the gateway API has no query RPCs). */
export interface EngineSnapshot {
  readonly instances: number;
  readonly jobs: number;
  /** Published messages still within their time to live. */
  readonly messages: number;
  readonly incidents: readonly { key: string; type: string; message: string; processInstanceKey: string; elementInstanceKey: string; jobKey?: string }[];
  /** Open Camunda user tasks (the gateway API cannot list them; real Zeebe shows them in Tasklist). */
  readonly userTasks: readonly UserTaskView[];
  /** Compensation subscriptions alive: completed activities that can still be compensated, or are being compensated. */
  readonly compensations: number;
}

/** What the REST layer sends for a Camunda user task. */
export type { UserTaskAction, UserTaskChangeset, UserTaskCommand } from './commands/user-task-commands.js';

/** A Camunda user task as the snapshot shows it. */
export type UserTaskView = Omit<UserTask, 'creationDate'> & { readonly creationDate: string };

/** The engine's state machine, with a reset that drops every deployment, instance and job. */
export interface EngineStateMachine extends StateMachine {
  reset(): void;
  /** Cancels every pending event timer (the engine stops). */
  stop(): void;
  inspect(): EngineSnapshot;
  /** A command on a Camunda user task (the REST API's). */
  userTask(command: UserTaskCommand): Result<void, Rejection>;
}

/** Creates a state machine for one engine. */
export function createStateMachine(settings: { enforcement: Enforcement; multiTenancy: boolean; partitions: number; clock: Clock }): EngineStateMachine {
  let runtime = freshRuntime(settings);
  return {
    execute: async (command) => {
      const handler = UNARY[command.rpc];
      return handler ? handler(runtime.ctx, command) : err(notImplemented(command.rpc));
    },
    stream: (command, sink) => {
      const { ctx, activation } = runtime;
      if (command.rpc === 'ActivateJobs') return activation.activateJobs(ctx, command, sink);
      if (command.rpc === 'StreamActivatedJobs') return activation.streamJobs(ctx, command, sink);
      return err(notImplemented(command.rpc));
    },
    reset: () => {
      cancelAllTimers(runtime.ctx);
      runtime = freshRuntime(settings);
    },
    stop: () => {
      cancelAllTimers(runtime.ctx);
    },
    inspect: () => snapshotOf(runtime.ctx),
    userTask: (command) => executeUserTaskCommand(runtime.ctx, command),
  };
}

/** Empty state, keys from 1 again, no waiting workers. */
function freshRuntime(settings: { enforcement: Enforcement; multiTenancy: boolean; partitions: number; clock: Clock }): { ctx: MachineContext; activation: JobActivation } {
  let cursor = 0;
  const activation = createJobActivation();
  const ctx: MachineContext = {
    ...settings,
    state: createState(),
    keys: createKeyGenerator(),
    nextPartition: () => (cursor++ % settings.partitions) + 1,
    jobActivatable: (job) => activation.jobActivatable(ctx, job),
  };
  return { ctx, activation };
}

function snapshotOf(ctx: MachineContext): EngineSnapshot {
  const { state } = ctx;
  const incidents = [...state.incidents.values()].map((i) => ({
    key: i.key,
    type: i.type,
    message: i.message,
    processInstanceKey: i.processInstanceKey,
    elementInstanceKey: i.elementInstanceKey,
    ...(i.jobKey !== undefined && { jobKey: i.jobKey }),
  }));
  const userTasks = [...state.userTasks.values()].map((t) => ({ ...t, creationDate: new Date(t.creationDate).toISOString() }));
  const compensations = [...state.compensations.values()].reduce((sum, list) => sum + list.length, 0);
  return { instances: state.instances.size, jobs: state.jobs.size, messages: state.messages.size, incidents, userTasks, compensations };
}

function notImplemented(rpc: RpcName): Rejection {
  return {
    type: 'NOT_IMPLEMENTED',
    intent: rpc,
    reason: `the reference engine does not implement ${rpc} yet: the request passed every gateway check, but the engine has no state for it`,
  };
}
