/** The gateway the model-based commands run against, and what a run can see of it besides the API. */
import type { RpcName } from '../../rules/index.js';
import type { CallOutcome } from '../harness/client.js';
import type { JobType, ProcessId, SeenIncident } from './job-model.js';

/** What one instance of the model's processes is called on the target, per run (unique on a shared gateway). */
export interface RunNames {
  jobType(type: JobType): string;
  processId(process: ProcessId): string;
}

/** What engine.inspect() shows, when the target is the reference engine. */
export interface Snapshot {
  readonly instances: number;
  readonly jobs: number;
  readonly incidents: readonly SeenIncident[];
}

/**
 * The gateway the commands run against, and what a run can see of it besides the API: a live gateway offers only
 * the API and its own clock; the reference engine in a test also its state and a clock the test moves.
 */
export interface World {
  readonly call: (rpc: RpcName, request: object) => Promise<CallOutcome>;
  readonly names: RunNames;
  /** The tenant instances are created in, and the tenants jobs are activated for. */
  readonly tenantId: string;
  /** The target's time (epoch ms): exact with a clock the run moves, the local clock otherwise. */
  readonly now: () => number;
  /** How far the target's job deadlines may be off the model's (clocks of two machines; 0 with a moved clock). */
  readonly clockSkewMs: number;
  readonly inspect?: () => Snapshot;
  readonly advance?: (ms: number) => void;
  /** Told of every instance created, so that the run can cancel it afterwards. */
  readonly track?: (processInstanceKey: string) => void;
  /** How often each situation was reached. */
  readonly tally: Map<string, number>;
}
