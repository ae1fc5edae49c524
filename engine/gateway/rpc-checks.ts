import type { RpcName } from '../../rules/index.js';
import type { Check } from './check.js';
import type * as R from './requests.js';
import { keyPartitionCheck } from './keys.js';
import { singleTenantCheck, tenantListCheck } from './tenants.js';
import { variablesCheck, variablesListCheck } from './variables.js';
import { violation, type Violation } from '../violation.js';

/** Which checks the gateway runs for each RPC, in the order the real gateway runs them (spec/real-gateway.md). */
export const RPC_CHECKS: { readonly [K in RpcName]: readonly Check<never>[] } = {
  ActivateJobs: [
    tenantListCheck<R.ActivateJobsRequest>('ActivateJobs'),
    belowOne('ActivateJobs/INVALID_ARGUMENT/max-jobs-below-1', (r: R.ActivateJobsRequest) => BigInt(r.maxJobsToActivate), 'ACTIVATE', 'activate job batch with max jobs to activate'),
    belowOne('ActivateJobs/INVALID_ARGUMENT/timeout-below-1', (r: R.ActivateJobsRequest) => BigInt(r.timeout), 'ACTIVATE', 'activate job batch with timeout'),
    typeChecks<R.ActivateJobsRequest>('ActivateJobs', 'ACTIVATE', 'activate job batch'),
    (r: R.ActivateJobsRequest) =>
      r.worker.trim() === ''
        ? violation('ActivateJobs/INVALID_ARGUMENT/worker-blank', rejected('ACTIVATE', 'Expected to activate job batch with worker to be present, but it was blank'))
        : undefined,
  ],
  StreamActivatedJobs: [
    tenantListCheck<R.StreamActivatedJobsRequest>('StreamActivatedJobs'),
    typeChecks<R.StreamActivatedJobsRequest>('StreamActivatedJobs', 'STREAM', 'stream activated jobs'),
    belowOne('StreamActivatedJobs/INVALID_ARGUMENT/timeout-below-1', (r: R.StreamActivatedJobsRequest) => BigInt(r.timeout), 'STREAM', 'stream activated jobs with timeout'),
  ],
  BroadcastSignal: [variablesCheck('BroadcastSignal', (r: R.WithVariables) => r.variables), singleTenantCheck('BroadcastSignal')],
  PublishMessage: [variablesCheck('PublishMessage', (r: R.WithVariables) => r.variables), singleTenantCheck('PublishMessage')],
  EvaluateDecision: [
    variablesCheck('EvaluateDecision', (r: R.EvaluateDecisionRequest) => r.variables),
    singleTenantCheck('EvaluateDecision'),
    decisionReferenceCheck,
  ],
  CreateProcessInstance: [
    variablesCheck('CreateProcessInstance', (r: R.CreateProcessInstanceRequest) => r.variables),
    singleTenantCheck('CreateProcessInstance'),
  ],
  CreateProcessInstanceWithResult: [
    variablesCheck('CreateProcessInstanceWithResult', (r: R.CreateProcessInstanceWithResultRequest) => r.request?.variables ?? ''),
    (r: R.CreateProcessInstanceWithResultRequest, c) =>
      singleTenantCheck('CreateProcessInstanceWithResult')({ tenantId: r.request?.tenantId ?? '' }, c),
  ],
  DeployResource: [
    singleTenantCheck('DeployResource'),
    (r: R.DeployResourceRequest) =>
      r.resources.length === 0
        ? violation('DeployResource/INVALID_ARGUMENT/no-resources', rejected('CREATE', 'Expected to deploy at least one resource, but none given'))
        : undefined,
  ],
  DeployProcess: [
    (r: R.DeployProcessRequest) =>
      r.processes.length === 0
        ? violation('DeployProcess/INVALID_ARGUMENT/no-resources', rejected('CREATE', 'Expected to deploy at least one resource, but none given'))
        : undefined,
  ],
  CancelProcessInstance: [keyPartitionCheck((r: { processInstanceKey: string }) => r.processInstanceKey)],
  CompleteJob: [variablesCheck('CompleteJob', (r: R.WithVariables) => r.variables), jobKeyCheck()],
  FailJob: [variablesCheck('FailJob', (r: R.WithVariables) => r.variables), jobKeyCheck()],
  ThrowError: [variablesCheck('ThrowError', (r: R.WithVariables) => r.variables), jobKeyCheck()],
  UpdateJobRetries: [
    (r: R.UpdateJobRetriesRequest) =>
      r.retries < 1
        ? violation(
            'UpdateJobRetries/INVALID_ARGUMENT/retries-below-1',
            rejected('UPDATE_RETRIES', `Expected to update retries for job with key '${r.jobKey}' with a positive amount of retries, but the amount given was '${r.retries}'`),
          )
        : undefined,
    jobKeyCheck(),
  ],
  UpdateJobTimeout: [jobKeyCheck()],
  SetVariables: [
    variablesCheck('SetVariables', (r: R.WithVariables) => r.variables),
    keyPartitionCheck((r: { elementInstanceKey: string }) => r.elementInstanceKey),
  ],
  ResolveIncident: [keyPartitionCheck((r: { incidentKey: string }) => r.incidentKey)],
  ModifyProcessInstance: [
    variablesListCheck(
      'ModifyProcessInstance',
      (r: R.ModifyProcessInstanceRequest) => r.activateInstructions.flatMap((a) => a.variableInstructions.map((v) => v.variables)),
      'variable-instruction',
    ),
    keyPartitionCheck((r: R.ModifyProcessInstanceRequest) => r.processInstanceKey),
  ],
  MigrateProcessInstance: [keyPartitionCheck((r: { processInstanceKey: string }) => r.processInstanceKey)],
  // Resource keys are not routed by their partition: the deployment partition answers (NOT_FOUND for a bad key).
  DeleteResource: [],
  Topology: [],
};

/** The broker's rejection wording, which the real gateway passes on as the status details. */
function rejected(intent: string, reason: string): string {
  return `Command '${intent}' rejected with code 'INVALID_ARGUMENT': ${reason}`;
}

function belowOne<R>(ruleId: string, pick: (r: R) => bigint, intent: string, what: string): Check<R> {
  return (r) => {
    const value = pick(r);
    return value < 1n ? violation(ruleId, rejected(intent, `Expected to ${what} to be greater than zero, but it was '${value}'`)) : undefined;
  };
}

/** An empty type, then a whitespace-only one: the real ActivateJobs rejects only the first. */
function typeChecks<R extends { readonly type: string }>(rpc: RpcName, intent: string, what: string): Check<R> {
  return (r) => {
    if (r.type === '') return violation(`${rpc}/INVALID_ARGUMENT/type-empty`, rejected(intent, `Expected to ${what} with type to be present, but it was blank`));
    if (r.type.trim() === '') {
      return violation(`${rpc}/INVALID_ARGUMENT/type-whitespace`, rejected(intent, `Expected to ${what} with type to be present, but it was blank`));
    }
    return undefined;
  };
}

function jobKeyCheck(): Check<{ readonly jobKey: string }> {
  return keyPartitionCheck((r) => r.jobKey);
}

/** The page's Errors bullet: exactly one of decision id and decision key. */
function decisionReferenceCheck(r: R.EvaluateDecisionRequest): Violation | undefined {
  const hasKey = r.decisionKey !== '0';
  const hasId = r.decisionId !== '';
  if (hasKey && hasId) {
    return violation('EvaluateDecision/INVALID_ARGUMENT/both-id-and-key', rejected('EVALUATE', 'Expected either a decision id or a decision key, but both were given'));
  }
  if (!hasKey && !hasId) {
    return violation('EvaluateDecision/INVALID_ARGUMENT/neither-id-nor-key', rejected('EVALUATE', "Expected to evaluate decision with key '0', but no decision found for key '0'"));
  }
  return undefined;
}
