import type { DecisionRequirements, ExecutableProcess, FlowNode } from '../model/index.js';
import type { Timer } from './clock.js';

/** A deployed process version. */
export interface ProcessDefinition {
  readonly key: string;
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly tenantId: string;
  readonly resourceName: string;
  readonly checksum: string;
  readonly process: ExecutableProcess;
}

/** A deployed decision requirements graph (DMN file) and its decisions. */
export interface DecisionRequirementsRecord {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly tenantId: string;
  readonly resourceName: string;
  readonly checksum: string;
  readonly drg: DecisionRequirements;
  readonly decisions: readonly { readonly key: string; readonly id: string; readonly name: string; readonly version: number }[];
}

/** A deployed form. */
export interface FormRecord {
  readonly key: string;
  readonly id: string;
  readonly version: number;
  readonly tenantId: string;
  readonly resourceName: string;
  readonly checksum: string;
}

/** Anything DeleteResource can name. */
export type Resource =
  | { readonly kind: 'process'; readonly record: ProcessDefinition }
  | { readonly kind: 'drg'; readonly record: DecisionRequirementsRecord }
  | { readonly kind: 'form'; readonly record: FormRecord };

/** A running process instance: its definition, tenant and partition. Its root element instance has the same key. */
export interface ProcessInstance {
  readonly key: string;
  /** Mutable: MigrateProcessInstance moves the instance to another definition. */
  definition: ProcessDefinition;
  readonly tenantId: string;
  readonly partition: number;
  /** Called once when the instance completes (CreateProcessInstanceWithResult waits on it). */
  readonly onComplete: ((variables: Record<string, unknown>) => void)[];
  /** A child instance: the call activity's element instance and process instance that created it. */
  readonly parent?: { readonly elementInstanceKey: string; readonly processInstanceKey: string };
}

/** What special scopes (multi-instance bodies, call activities) do at points of the generic flow. */
export interface ElementHooks {
  /**
   * A child of this scope is completing (output mappings applied, its variables still readable). A failure keeps the
   * child completing, with an incident on it (Zeebe's beforeExecutionPathCompleted).
   */
  childCompleting?(child: ElementInstance): CompletionFailure | undefined;
  /** The scope has no active children left: true when the hook took over (the scope does not complete yet). */
  scopeDone?(): boolean;
  /** A child of this scope was terminated (already removed from the scope). */
  childTerminated?(child: ElementInstance): void;
  /** The element is being terminated (its children already are). */
  terminated?(): void;
}

/** An active element instance (the process itself is the root one, with no flow scope). */
export interface ElementInstance {
  readonly key: string;
  /** Mutable, with `node`: MigrateProcessInstance re-binds the instance to the target's element. */
  elementId: string;
  node: FlowNode | undefined;
  readonly processInstanceKey: string;
  readonly flowScopeKey: string | undefined;
  readonly children: Set<string>;
  /** Tokens waiting at parallel joins in this scope: gateway id → ids of the flows taken. */
  readonly joins: Map<string, string[]>;
  jobKey?: string;
  /** The Camunda user task this element waits on. */
  userTaskKey?: string;
  hooks?: ElementHooks;
  /** Flows whose tokens are on their way into this scope's elements (an inclusive join must wait for them). */
  inTransit?: string[];
}

/**
 * A completed activity that can be compensated (it has a compensation boundary event), or a completed subprocess or
 * multi-instance body with such activities inside (no handler: compensating it compensates them), as real Zeebe's
 * compensation subscription. Kept until compensated or until its scope ends otherwise.
 */
export interface CompensationSubscription {
  readonly key: string;
  /** The completed activity's element id. */
  readonly activityId: string;
  /** The completed activity's element instance key (the scope of the subscriptions inside it). */
  readonly instanceKey: string;
  /** The element instance key of the flow scope the activity completed in. */
  readonly scopeKey: string;
  /** The compensation handler's element id; undefined for a subprocess or body that only holds subscriptions. */
  readonly handlerId?: string;
  /** Set when a compensation throw event triggers it: that throw event's element instance key. */
  throwKey?: string;
  /** The running handler's element instance key, once activated. */
  handlerKey?: string;
  /** True from the trigger until the handler completes (a handler terminated on its own leaves it true). */
  awaitingHandler?: boolean;
}

export type JobState = 'activatable' | 'activated' | 'failed' | 'error_thrown';

/** A job of a job-based task. */
export interface Job {
  readonly key: string;
  readonly type: string;
  readonly tenantId: string;
  readonly partition: number;
  readonly customHeaders: Readonly<Record<string, string>>;
  /** Mutable, with the definition fields below: MigrateProcessInstance moves a job to the target definition. */
  elementId: string;
  readonly elementInstanceKey: string;
  readonly processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  state: JobState;
  retries: number;
  deadline: number;
  worker: string;
  errorMessage: string;
  /** Deadline, back-off or (never both) pending for this job. */
  timer: Timer | undefined;
}

/**
 * A Camunda user task (`zeebe:userTask`): created when its element is entered, ended by completion through the
 * REST API or by the element's termination. Fields as real Zeebe's user task record.
 */
export interface UserTask {
  readonly key: string;
  readonly tenantId: string;
  readonly elementInstanceKey: string;
  readonly processInstanceKey: string;
  /** Mutable, with the definition fields below: MigrateProcessInstance moves the task to the target definition. */
  elementId: string;
  bpmnProcessId: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  assignee: string;
  candidateGroups: readonly string[];
  candidateUsers: readonly string[];
  /** ISO-8601 date-times, or '' when not set. */
  dueDate: string;
  followUpDate: string;
  /** The linked form's key ('' without one) or the external form reference (''). */
  readonly formKey: string;
  readonly externalFormReference: string;
  readonly customHeaders: Readonly<Record<string, string>>;
  /** Epoch ms on the engine's clock. */
  readonly creationDate: number;
}

export type IncidentType =
  | 'JOB_NO_RETRIES'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CONDITION_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'FORM_NOT_FOUND';

/** Why a step failed: the incident it raises. */
export interface CompletionFailure {
  readonly type: IncidentType;
  readonly message: string;
}

/** An open incident; `resume` retries what failed once the incident is resolved. */
export interface Incident {
  readonly key: string;
  readonly type: IncidentType;
  readonly message: string;
  readonly tenantId: string;
  readonly processInstanceKey: string;
  readonly elementInstanceKey: string;
  readonly jobKey: string | undefined;
  readonly resume: () => void;
}
