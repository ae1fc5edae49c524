/**
 * The request fields the gateway layer reads, as decoded by proto-loader (int64 as decimal strings,
 * defaults filled in). Only what the checks need; the state machine sees the whole message.
 */

export interface WithTenantId {
  readonly tenantId: string;
}

export interface WithTenantIds {
  readonly tenantIds: readonly string[];
}

export interface WithVariables {
  readonly variables: string;
}

export interface ActivateJobsRequest extends WithTenantIds {
  readonly type: string;
  readonly worker: string;
  readonly timeout: string;
  readonly maxJobsToActivate: number;
}

export interface StreamActivatedJobsRequest extends WithTenantIds {
  readonly type: string;
  readonly timeout: string;
}

export interface CreateProcessInstanceRequest extends WithTenantId, WithVariables {}

export interface CreateProcessInstanceWithResultRequest {
  readonly request: CreateProcessInstanceRequest | null;
}

export interface EvaluateDecisionRequest extends WithTenantId, WithVariables {
  readonly decisionKey: string;
  readonly decisionId: string;
}

export interface DeployResourceRequest extends WithTenantId {
  readonly resources: readonly unknown[];
}

export interface DeployProcessRequest {
  readonly processes: readonly unknown[];
}

export interface UpdateJobRetriesRequest {
  readonly jobKey: string;
  readonly retries: number;
}

export interface ModifyProcessInstanceRequest {
  readonly processInstanceKey: string;
  readonly activateInstructions: readonly {
    readonly variableInstructions: readonly WithVariables[];
  }[];
}
