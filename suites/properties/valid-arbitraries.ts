/** Requests that break no gateway rule, varied within the valid values: the ground a violating field is put on. */
import fc from 'fast-check';
import type { RpcName } from '../../rules/index.js';
import type { RunTenants } from '../cases/tenants.js';
import { validRequest } from '../cases/valid-requests.js';
import { keyOnPartition, nonBlankString, positiveInt32, positiveInt64, validVariables } from './arbitraries.js';

type Request = Record<string, unknown>;
type Overlay = Readonly<Record<string, fc.Arbitrary<unknown>>>;

/** What the valid ground depends on besides the RPC. */
export interface Ground {
  readonly multiTenancy: boolean;
  /** Partitions of the target, for keys that route. */
  readonly partitions: number;
  /** The tenants the authorized caller holds. */
  readonly tenants: RunTenants;
}

/** A single tenant id the authorized caller may use: an authorized one (MT on), or empty, blank, `<default>` (MT off). */
export function validTenant(g: Ground): fc.Arbitrary<string> {
  return g.multiTenancy ? fc.constantFrom(...g.tenants.authorized) : fc.constantFrom('', '<default>', ' ', '\t');
}

/** A tenant list the authorized caller may use: authorized ids in any order (MT on), or `[]`, `[<default>, ...]` (MT off). */
export function validTenantList(g: Ground): fc.Arbitrary<string[]> {
  return g.multiTenancy
    ? fc.shuffledSubarray([...g.tenants.authorized], { minLength: 1 })
    : fc.array(fc.constant('<default>'), { maxLength: 2 });
}

/** Every variables document of a modification, one instruction per document. */
export function modifyInstructions(documents: readonly string[]): Request[] {
  return [{ elementId: 'a', ancestorElementInstanceKey: -1, variableInstructions: documents.map((variables) => ({ variables, scopeId: '' })) }];
}

function overlayOf(rpc: RpcName, g: Ground): Overlay {
  const key = keyOnPartition(g.partitions);
  const tenantId = validTenant(g);
  const variables = validVariables;
  const job = { type: nonBlankString, worker: nonBlankString, timeout: positiveInt64, tenantIds: validTenantList(g) };
  const overlays: Readonly<Record<RpcName, () => Overlay>> = {
    ActivateJobs: () => ({ ...job, maxJobsToActivate: positiveInt32 }),
    StreamActivatedJobs: () => job,
    BroadcastSignal: () => ({ signalName: nonBlankString, variables, tenantId }),
    PublishMessage: () => ({ name: nonBlankString, variables, tenantId }),
    EvaluateDecision: () => ({ decisionId: nonBlankString, variables, tenantId }),
    CreateProcessInstance: () => ({ variables, tenantId }),
    CreateProcessInstanceWithResult: () => ({
      request: fc.record({ variables, tenantId }).map((patch) => ({ ...(validRequest(rpc, g.multiTenancy, g.tenants.primary)['request'] as Request), ...patch })),
    }),
    DeployResource: () => ({ tenantId }),
    DeployProcess: () => ({}),
    CancelProcessInstance: () => ({ processInstanceKey: key }),
    CompleteJob: () => ({ jobKey: key, variables }),
    FailJob: () => ({ jobKey: key, variables }),
    ThrowError: () => ({ jobKey: key, variables }),
    UpdateJobRetries: () => ({ jobKey: key, retries: positiveInt32 }),
    UpdateJobTimeout: () => ({ jobKey: key }),
    SetVariables: () => ({ elementInstanceKey: key, variables }),
    ResolveIncident: () => ({ incidentKey: key }),
    ModifyProcessInstance: () => ({ processInstanceKey: key, activateInstructions: fc.array(variables, { minLength: 1, maxLength: 3 }).map(modifyInstructions) }),
    MigrateProcessInstance: () => ({ processInstanceKey: key }),
    DeleteResource: () => ({ resourceKey: key }),
    Topology: () => ({}),
  };
  return overlays[rpc]();
}

/**
 * Valid requests for `rpc`: `validRequest` with tenants, variables, keys, names and positive numbers drawn from
 * their valid ranges; shrinks towards the simplest valid values. ActivateJobs keeps `requestTimeout: -1` (no long poll).
 */
export function validRequestArbitrary(rpc: RpcName, g: Ground): fc.Arbitrary<Request> {
  const base = validRequest(rpc, g.multiTenancy, g.tenants.primary);
  return fc.record(overlayOf(rpc, g)).map((patch) => ({ ...base, ...patch }));
}
