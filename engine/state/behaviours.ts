import { evaluateCondition, evaluateInteger, evaluateString } from '../feel/index.js';
import type { FlowNode } from '../model/index.js';
import type { MachineContext } from './context.js';
import { raiseIncident } from './incidents.js';
import { createJob } from './jobs.js';
import type { EventElementKind } from './behaviours/event-runtime.js';
import type { ElementInstance, ProcessInstance } from './types.js';
import { visibleVariables } from './variables.js';
import { calledDecision } from './behaviours/called-decision.js';
import { callActivity } from './behaviours/call-activity.js';
import { inclusiveGateway } from './behaviours/inclusive-gateway.js';
import { multiInstanceBody } from './behaviours/multi-instance.js';
import { scriptTask } from './behaviours/script-task.js';
import { jobHeaders } from './user-task-job.js';
import { openUserTask } from './user-tasks.js';

/** The flow operations behaviours call back into (passed in, so behaviours do not import execution). */
export interface Flow {
  /** `entered` sees the new element instance before its input mappings and behaviour run. */
  activate(ctx: MachineContext, pi: ProcessInstance, node: FlowNode, scope: ElementInstance, local?: Record<string, unknown>, entered?: (element: ElementInstance) => void): ElementInstance;
  complete(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, flows?: readonly string[]): void;
  /** Completes an element and continues at `target` in the same flow scope, taking no flow (a link throw event). */
  jump(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, target: FlowNode): void;
  completeScopeIfDone(ctx: MachineContext, pi: ProcessInstance, scope: ElementInstance): void;
  terminate(ctx: MachineContext, element: ElementInstance): void;
  createRootScope(ctx: MachineContext, pi: ProcessInstance): ElementInstance;
  /** A process instance started: opens its event subprocesses. */
  processStarted(ctx: MachineContext, pi: ProcessInstance, root: ElementInstance): void;
}

/** What an element does once activated; completion and flows are the engine's. */
export interface Behaviour {
  activate(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void;
}

/** One small handler per element kind the model layer accepts. */
export function createBehaviours(flow: Flow): Readonly<Record<Exclude<FlowNode['kind'], EventElementKind>, Behaviour>> {
  const passThrough: Behaviour = { activate: (ctx, pi, element) => flow.complete(ctx, pi, element) };
  const job: Behaviour = { activate: (ctx, pi, element) => startJob(ctx, pi, element) };
  return {
    startEvent: passThrough,
    intermediateThrowEvent: passThrough,
    task: passThrough,
    manualTask: passThrough,
    boundaryEvent: passThrough,
    parallelGateway: passThrough,
    endEvent: { activate: (ctx, pi, element) => endEvent(ctx, pi, element, flow) },
    serviceTask: job,
    sendTask: job,
    scriptTask: { activate: (ctx, pi, element) => (element.node?.script ? scriptTask(ctx, pi, element, flow) : startJob(ctx, pi, element)) },
    businessRuleTask: { activate: (ctx, pi, element) => (element.node?.calledDecision ? calledDecision(ctx, pi, element, flow) : startJob(ctx, pi, element)) },
    userTask: { activate: (ctx, pi, element) => (element.node?.userTask ? openUserTask(ctx, pi, element) : startJob(ctx, pi, element)) },
    exclusiveGateway: { activate: (ctx, pi, element) => exclusiveGateway(ctx, pi, element, flow) },
    subProcess: { activate: (ctx, pi, element) => subProcess(ctx, pi, element, flow) },
    callActivity: { activate: (ctx, pi, element) => callActivity(ctx, pi, element, flow) },
    inclusiveGateway: { activate: (ctx, pi, element) => inclusiveGateway(ctx, pi, element, flow) },
    multiInstanceBody: { activate: (ctx, pi, element) => multiInstanceBody(ctx, pi, element, flow) },
  };
}

function endEvent(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, flow: Flow): void {
  const scope = element.flowScopeKey === undefined ? undefined : ctx.state.elements.get(element.flowScopeKey);
  if (element.node?.eventKind === 'terminate' && scope) {
    for (const sibling of [...scope.children]) {
      const other = ctx.state.elements.get(sibling);
      if (other && other.key !== element.key) flow.terminate(ctx, other);
    }
    scope.joins.clear();
  }
  flow.complete(ctx, pi, element);
}

/**
 * Job type and retries may be expressions, and a job-based user task's assignment, schedule and linked form too:
 * all evaluated when the task is entered; a failure is an incident whose resolution tries again.
 */
function startJob(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void {
  const definition = element.node?.job;
  if (!definition) return;
  const retry = (): void => {
    startJob(ctx, pi, element);
  };
  const variables = visibleVariables(ctx.state, element.key);
  const type = evaluateString(definition.type, variables);
  const retries = evaluateInteger(definition.retries, variables);
  if (!type.ok || !retries.ok) {
    const error = !type.ok ? type.error : !retries.ok ? retries.error : '';
    raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', error, undefined, retry);
    return;
  }
  const headers = jobHeaders(ctx, pi, definition, variables);
  if (!headers.ok) {
    raiseIncident(ctx, element, headers.error.type, headers.error.message, undefined, retry);
    return;
  }
  createJob(ctx, pi, element, type.value, retries.value, headers.value);
}

/** The first outgoing flow whose condition holds, else the default flow, else an incident. */
function exclusiveGateway(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, flow: Flow): void {
  const node = element.node;
  if (!node) return;
  const chosen = chooseFlow(ctx, pi, element, node);
  if (chosen.ok) {
    flow.complete(ctx, pi, element, chosen.value === undefined ? [] : [chosen.value]);
    return;
  }
  raiseIncident(ctx, element, 'CONDITION_ERROR', chosen.error, undefined, () => exclusiveGateway(ctx, pi, element, flow));
}

function chooseFlow(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, node: FlowNode): { ok: true; value: string | undefined } | { ok: false; error: string } {
  if (node.outgoing.length === 0) return { ok: true, value: undefined };
  const variables = visibleVariables(ctx.state, element.key);
  for (const id of node.outgoing) {
    const condition = pi.definition.process.flows.get(id)?.condition;
    if (id === node.defaultFlow) continue;
    if (condition === undefined) return { ok: true, value: id };
    const holds = evaluateCondition(condition, variables);
    if (!holds.ok) return holds;
    if (holds.value) return { ok: true, value: id };
  }
  if (node.defaultFlow !== undefined) return { ok: true, value: node.defaultFlow };
  return { ok: false, error: `Expected at least one condition to evaluate to true, or to have a default flow` };
}

function subProcess(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, flow: Flow): void {
  const start = element.node?.startEvents?.[0];
  const node = start === undefined ? undefined : pi.definition.process.elements.get(start);
  if (node) flow.activate(ctx, pi, node, element);
  else flow.completeScopeIfDone(ctx, pi, element);
}
