import { randomUUID } from 'node:crypto';
import type { RpcName } from '../../rules/index.js';

/**
 * A key on partition 1 (`(1 << 51) + 999999999999`) that names nothing: it routes like any real key, but a
 * partition hands out keys upwards from `(1 << 51) + 1`, so it would take a trillion records to reach this one.
 * Every probe that acts on an entity by key acts on nothing, and answers NOT_FOUND on a gateway that implements it.
 */
export const NO_SUCH_KEY = ((1n << 51n) + 999_999_999_999n).toString();

/** Invalid JSON: every gateway refuses these variables before it sends a command anywhere. */
const NOT_JSON = '[';

/** A name nothing on any cluster can carry: no process, decision, job type, message or signal has it. */
export function probeName(): string {
  return `zeebe-conformance-probe-${randomUUID()}`;
}

/** The request that tells multi-tenancy on (INVALID_ARGUMENT: an empty tenant list) from off (OK, no jobs). */
export function multiTenancyProbe(): Record<string, unknown> {
  // No job can have a fresh random type, and requestTimeout -1 answers at once instead of long-polling.
  return { type: probeName(), worker: 'probe', timeout: 1000, maxJobsToActivate: 1, requestTimeout: -1, tenantIds: [] };
}

/**
 * For every RPC but Topology and ActivateJobs (probed on their own), a request that cannot change anything on a
 * real cluster. Any answer but UNIMPLEMENTED means the RPC is implemented. Where a valid request with no effect
 * exists, the probe is valid, so that a gateway which checks requests but cannot execute them (such as the
 * reference engine for some RPCs) still answers UNIMPLEMENTED; the others are refused before they act.
 * `tenantId` is the authorized caller's tenant with multi-tenancy on, `''` with it off.
 */
export function harmlessProbes(tenantId: string): readonly (readonly [RpcName, Record<string, unknown>])[] {
  const create = { bpmnProcessId: probeName(), version: -1, variables: NOT_JSON, tenantId };
  return [
    // Timeout 0 is refused before a stream opens; a gateway that opened one anyway waits for a job type nobody
    // creates, and the probe cancels it.
    ['StreamActivatedJobs', { type: probeName(), worker: 'probe', timeout: 0, tenantIds: [] }],
    // Key-based commands on a key that names nothing: nothing to cancel, complete, fail, update, resolve or delete.
    ['CancelProcessInstance', { processInstanceKey: NO_SUCH_KEY }],
    ['CompleteJob', { jobKey: NO_SUCH_KEY, variables: '' }],
    ['FailJob', { jobKey: NO_SUCH_KEY, retries: 1, errorMessage: 'probe', variables: '' }],
    ['ThrowError', { jobKey: NO_SUCH_KEY, errorCode: 'probe', errorMessage: '', variables: '' }],
    ['UpdateJobRetries', { jobKey: NO_SUCH_KEY, retries: 1 }],
    ['UpdateJobTimeout', { jobKey: NO_SUCH_KEY, timeout: 1000 }],
    ['SetVariables', { elementInstanceKey: NO_SUCH_KEY, variables: '{}', local: true }],
    ['ResolveIncident', { incidentKey: NO_SUCH_KEY }],
    ['ModifyProcessInstance', { processInstanceKey: NO_SUCH_KEY, activateInstructions: [], terminateInstructions: [] }],
    ['MigrateProcessInstance', { processInstanceKey: NO_SUCH_KEY, migrationPlan: { targetProcessDefinitionKey: NO_SUCH_KEY, mappingInstructions: [] } }],
    ['DeleteResource', { resourceKey: NO_SUCH_KEY }],
    // Creating instances and deploying cannot be made harmless by a valid request: these are refused before
    // acting (variables that are not JSON; a deployment without resources), and name a process that does not exist.
    ['CreateProcessInstance', create],
    ['CreateProcessInstanceWithResult', { request: create, requestTimeout: 1000, fetchVariables: [] }],
    ['DeployResource', { resources: [], tenantId }],
    ['DeployProcess', { processes: [] }],
    // Evaluating a decision changes no state, and this decision does not exist (NOT_FOUND).
    ['EvaluateDecision', { decisionId: probeName(), variables: '', tenantId }],
    // A message with time-to-live 0 is never buffered, and a fresh random name matches no subscription and no
    // message start event: it correlates to nothing and leaves nothing behind.
    ['PublishMessage', { name: probeName(), correlationKey: probeName(), timeToLive: 0, messageId: '', variables: '', tenantId }],
    // No signal catch event can wait for a fresh random name: the broadcast triggers nothing.
    ['BroadcastSignal', { signalName: probeName(), variables: '', tenantId }],
  ];
}
