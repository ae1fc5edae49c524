/**
 * The deployment-side model of the reference engine: what a deployed resource becomes once it is parsed and
 * validated. Plain readonly data; the state machine executes it, nothing here runs anything.
 */

import type { DecisionModel } from './dmn/decision-model.js';

/** The kinds of BPMN flow nodes this engine executes. Anything else is rejected at deployment. */
export type FlowNodeKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateThrowEvent'
  | 'task'
  | 'manualTask'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'userTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'subProcess'
  | 'boundaryEvent'
  | 'callActivity'
  | 'inclusiveGateway'
  /** Runtime only: the body of a multi-instance activity, the flow scope of its inner instances. */
  | 'multiInstanceBody'
  | 'intermediateCatchEvent'
  | 'receiveTask'
  | 'eventBasedGateway';

/** A business rule task's `zeebe:calledDecision`: the decision id (static or `=...`) and where the result goes. */
export interface CalledDecision {
  readonly decisionId: string;
  readonly resultVariable: string;
}

/** A script task's `zeebe:script`: a FEEL expression (`=...`) and the variable its result goes to. */
export interface Script {
  readonly expression: string;
  readonly resultVariable: string;
}

/** A call activity's `zeebe:calledElement`: the process id (static or `=...`) and what variables cross. */
export interface CalledElement {
  readonly processId: string;
  readonly propagateAllChildVariables: boolean;
  readonly propagateAllParentVariables: boolean;
}

/** Multi-instance loop characteristics with their `zeebe:loopCharacteristics` (expressions keep their `=`). */
export interface MultiInstance {
  readonly sequential: boolean;
  readonly inputCollection: string;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: string;
  readonly completionCondition?: string;
}

/** One variable mapping: `source` is a FEEL expression (usually `=...`; a static input source is a string value). */
export interface Mapping {
  readonly source: string;
  readonly target: string;
}

/** The `zeebe:ioMapping` of a flow node, in document order. */
export interface IoMapping {
  readonly inputs: readonly Mapping[];
  readonly outputs: readonly Mapping[];
}

/**
 * How a job-based element creates its job. `type` and `retries` are static strings or FEEL expressions (`=...`);
 * a job-based user task's `userTask` holds what is evaluated when its job is created (static values are `headers`).
 */
export interface JobDefinition {
  readonly type: string;
  readonly retries: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly userTask?: UserTaskProperties;
}

/**
 * A user task's assignment and schedule (static values or FEEL expressions, `=...`) and linked form id, evaluated
 * (the form resolved) when the task is entered.
 */
export interface UserTaskProperties {
  readonly assignee?: string;
  readonly candidateGroups?: string;
  readonly candidateUsers?: string;
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly formId?: string;
}

/** A Camunda user task's definition: its properties, or an external form reference instead of a linked form. */
export interface ZeebeUserTask extends UserTaskProperties {
  readonly externalReference?: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A flow node of a process or of an embedded subprocess. */
export interface FlowNode {
  readonly id: string;
  readonly name?: string;
  readonly kind: FlowNodeKind;
  /** Ids of the sequence flows that end here, in document order. */
  readonly incoming: readonly string[];
  /** Ids of the sequence flows that start here, in document order. */
  readonly outgoing: readonly string[];
  /** Id of the enclosing subprocess; undefined for an element directly in the process. */
  readonly flowScope?: string;
  readonly job?: JobDefinition;
  /** A Camunda user task (`zeebe:userTask`): the engine keeps the task itself, no job. */
  readonly userTask?: ZeebeUserTask;
  readonly ioMapping?: IoMapping;
  /** Exclusive gateway: id of its default flow. */
  readonly defaultFlow?: string;
  /** Boundary event: id of the activity it is attached to. */
  readonly attachedTo?: string;
  /** Boundary event: true when it interrupts the activity (error boundary events always do). */
  readonly cancelActivity?: boolean;
  /** Error boundary event: the referenced bpmn:error's errorCode; undefined catches every error. */
  readonly errorCode?: string;
  /**
   * Escalation throw events: the code thrown (static or `=...`). Escalation catch events (boundary, event
   * subprocess start): the code caught, `''` for every escalation (no escalationRef, or an empty code); absent
   * when the referenced escalation has no code, which catches none (as in real Zeebe).
   */
  readonly escalationCode?: string;
  /** Compensation boundary event: id of the compensation handler its association leads to. */
  readonly compensationHandler?: string;
  /** Compensation throw event: the activity its `activityRef` names; undefined compensates its whole scope. */
  readonly compensationActivity?: string;
  /** Activity marked `isForCompensation`: a compensation handler, started only by compensation (no flows). */
  readonly isForCompensation?: boolean;
  /** Link events: the link name; a throw continues at the catch of the same name in its flow scope. */
  readonly linkName?: string;
  /** Events: which event definition they carry (a receive task: 'message'). */
  readonly eventKind?: EventKind;
  /** Message catch events, receive tasks, message start events: the message they wait for. */
  readonly message?: MessageDefinition;
  /** Signal events: the signal name (static, or a FEEL expression `=...`). */
  readonly signalName?: string;
  /** Timer events: when they fire. */
  readonly timer?: TimerDefinition;
  /** Subprocess: true for an event subprocess (started by its start event's trigger, never by a flow). */
  readonly triggeredByEvent?: boolean;
  /** Start event of an event subprocess: true when triggering it interrupts the enclosing scope. */
  readonly interrupting?: boolean;
  /** Subprocess: its none start event ids (exactly one once validated). */
  readonly startEvents?: readonly string[];
  /** Script task evaluated by the engine (instead of a job). */
  readonly script?: Script;
  /** Business rule task evaluated by the engine (instead of a job). */
  readonly calledDecision?: CalledDecision;
  /** Call activity: the process it starts. */
  readonly calledElement?: CalledElement;
  /** Activity with multi-instance loop characteristics. */
  readonly multiInstance?: MultiInstance;
}

/** The event definitions this engine executes. */
export type EventKind = 'none' | 'error' | 'terminate' | 'message' | 'signal' | 'timer' | 'escalation' | 'link' | 'compensation';

/** A message subscription: `name` static or `=expr`; `correlationKey` a FEEL expression (`=...`), absent on start events. */
export interface MessageDefinition {
  readonly name: string;
  readonly correlationKey?: string;
}

/** A timer: an ISO-8601 duration, date or cycle, static or as a FEEL expression (`=...`). */
export interface TimerDefinition {
  readonly type: 'duration' | 'date' | 'cycle';
  readonly value: string;
}

/** A sequence flow; `condition` is the trimmed conditionExpression body, e.g. `=x > 1`. */
export interface SequenceFlow {
  readonly id: string;
  readonly sourceRef: string;
  readonly targetRef: string;
  readonly condition?: string;
}

/** An executable process of a deployed BPMN resource. */
export interface ExecutableProcess {
  readonly bpmnProcessId: string;
  readonly name?: string;
  /** Every flow node of the process, subprocess contents included (see `flowScope`). */
  readonly elements: ReadonlyMap<string, FlowNode>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
  /** The process-level none start event; undefined when the process has none. */
  readonly noneStartEvent?: string;
}

/** A decision of a deployed DRG. */
export interface DecisionInfo {
  readonly id: string;
  readonly name: string;
}

/** A deployed decision requirements graph. `definitions` keeps the parsed dmn-moddle tree for evaluation. */
export interface DecisionRequirements {
  readonly id: string;
  readonly name: string;
  readonly decisions: readonly DecisionInfo[];
  readonly definitions: unknown;
  /** Each decision ready to evaluate, by decision id. */
  readonly models: ReadonlyMap<string, DecisionModel>;
}

/** A deployed form. */
export interface FormInfo {
  readonly id: string;
}

/** What a deployed resource became; `checksum` is the sha256 hex of its bytes. */
export type ParsedResource =
  | { readonly kind: 'bpmn'; readonly processes: readonly ExecutableProcess[]; readonly checksum: string }
  | { readonly kind: 'dmn'; readonly drg: DecisionRequirements; readonly checksum: string }
  | { readonly kind: 'form'; readonly form: FormInfo; readonly checksum: string };
