import type { RpcName } from '../../rules/index.js';

/** RPCs whose gateway validates a single `tenantId` (CreateProcessInstanceWithResult: inside `request`). */
export const SINGLE_TENANT_RPCS = [
  'DeployResource',
  'PublishMessage',
  'CreateProcessInstance',
  'CreateProcessInstanceWithResult',
  'EvaluateDecision',
  'BroadcastSignal',
] as const satisfies readonly RpcName[];

/** RPCs whose gateway validates a `tenantIds` list. */
export const TENANT_LIST_RPCS = ['ActivateJobs', 'StreamActivatedJobs'] as const satisfies readonly RpcName[];

/** The field that carries the entity key each key-based RPC is routed by (resource keys are not routed). */
export const ROUTING_KEY_FIELD: Partial<Record<RpcName, string>> = {
  CancelProcessInstance: 'processInstanceKey',
  CompleteJob: 'jobKey',
  FailJob: 'jobKey',
  ThrowError: 'jobKey',
  UpdateJobRetries: 'jobKey',
  UpdateJobTimeout: 'jobKey',
  SetVariables: 'elementInstanceKey',
  ResolveIncident: 'incidentKey',
  ModifyProcessInstance: 'processInstanceKey',
  MigrateProcessInstance: 'processInstanceKey',
};

type Request = Record<string, unknown>;

/** A copy of `request` with its single tenant id replaced. */
export function withTenant(rpc: RpcName, request: Request, tenantId: string): Request {
  if (rpc === 'CreateProcessInstanceWithResult') {
    return { ...request, request: { ...(request['request'] as Request), tenantId } };
  }
  return { ...request, tenantId };
}

/** A copy of `request` with its variables document replaced (every document, for modification). */
export function withVariables(rpc: RpcName, request: Request, variables: string): Request {
  switch (rpc) {
    case 'CreateProcessInstanceWithResult':
      return { ...request, request: { ...(request['request'] as Request), variables } };
    case 'ModifyProcessInstance':
      return {
        ...request,
        activateInstructions: [{ elementId: 'a', ancestorElementInstanceKey: -1, variableInstructions: [{ variables, scopeId: '' }] }],
      };
    default:
      return { ...request, variables };
  }
}
