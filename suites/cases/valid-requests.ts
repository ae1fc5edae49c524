import type { RpcName } from '../../rules/index.js';

/** A key on partition 1 (`(1 << 51) + 1`): routable on every target, yet unlikely to name a live entity. */
export const PARTITION_ONE_KEY = '2251799813685249';

/** The tenant the conformance callers are authorized for. */
export const AUTHORIZED_TENANT = 'tenant-a';

/** The longest valid tenant id (31 characters). */
export const MAX_TENANT = 'b'.repeat(31);

/** Every tenant the authorized caller must hold for the cases to mean what they say. */
export const AUTHORIZED_TENANTS: readonly string[] = [AUTHORIZED_TENANT, '<default>', MAX_TENANT];

const BPMN = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"><bpmn:process id="conformance-p" isExecutable="true"><bpmn:startEvent id="s"/></bpmn:process></bpmn:definitions>',
);

/** A request for each RPC that breaks no gateway-layer rule, under the given multi-tenancy setting (`tenant`: one the caller holds). */
export function validRequest(rpc: RpcName, multiTenancy: boolean, tenant = AUTHORIZED_TENANT): Record<string, unknown> {
  const tenantId = multiTenancy ? tenant : '';
  const tenantIds = multiTenancy ? [tenant] : [];
  const key = PARTITION_ONE_KEY;
  const create = { bpmnProcessId: 'conformance-p', version: -1, variables: '{"a":1}', tenantId };
  const requests: Record<RpcName, Record<string, unknown>> = {
    ActivateJobs: { type: 'conformance-job', worker: 'conformance', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1, tenantIds },
    StreamActivatedJobs: { type: 'conformance-job', worker: 'conformance', timeout: 60_000, tenantIds },
    BroadcastSignal: { signalName: 'conformance-signal', variables: '{}', tenantId },
    PublishMessage: { name: 'conformance-message', correlationKey: 'k', timeToLive: 0, variables: '{}', tenantId },
    EvaluateDecision: { decisionId: 'conformance-decision', variables: '{}', tenantId },
    CreateProcessInstance: create,
    CreateProcessInstanceWithResult: { request: create, requestTimeout: 1000 },
    DeployResource: { resources: [{ name: 'conformance.bpmn', content: BPMN }], tenantId },
    DeployProcess: { processes: [{ name: 'conformance.bpmn', definition: BPMN }] },
    CancelProcessInstance: { processInstanceKey: key },
    CompleteJob: { jobKey: key, variables: '{}' },
    FailJob: { jobKey: key, retries: 1, errorMessage: 'conformance', retryBackOff: 0, variables: '' },
    ThrowError: { jobKey: key, errorCode: 'conformance-error', errorMessage: '', variables: '' },
    UpdateJobRetries: { jobKey: key, retries: 1 },
    UpdateJobTimeout: { jobKey: key, timeout: 1000 },
    SetVariables: { elementInstanceKey: key, variables: '{"a":1}', local: false },
    ResolveIncident: { incidentKey: key },
    ModifyProcessInstance: {
      processInstanceKey: key,
      activateInstructions: [{ elementId: 'a', ancestorElementInstanceKey: -1, variableInstructions: [{ variables: '{"a":1}', scopeId: '' }] }],
      terminateInstructions: [],
    },
    MigrateProcessInstance: { processInstanceKey: key, migrationPlan: { targetProcessDefinitionKey: key, mappingInstructions: [] } },
    DeleteResource: { resourceKey: key },
    Topology: {},
  };
  return requests[rpc];
}
