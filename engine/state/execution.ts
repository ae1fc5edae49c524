import { applyInputMappings, applyOutputMappings } from '../feel/index.js';
import type { FlowNode } from '../model/index.js';
import type { MachineContext } from './context.js';
import { raiseIncident } from './incidents.js';
import type { ElementInstance, ProcessInstance } from './types.js';
import { propagate, setLocal, visibleVariables } from './variables.js';
import { createBehaviours, type Behaviour } from './behaviours.js';
import { createEventRuntime } from './behaviours/event-runtime.js';
import { closeSubscriptions } from './subscriptions/subscriptions.js';
import { dropJob } from './jobs.js';
import { dropUserTask } from './user-tasks.js';
import { arriveAtInclusiveJoin, retryInclusiveJoins } from './inclusive-join.js';
import { asMultiInstanceBody } from './behaviours/multi-instance-nodes.js';
import { dropInstance, dropOnTermination, recordCompletion } from './compensations.js';

const FLOW = { activate, complete, jump, completeScopeIfDone, terminate, createRootScope, processStarted };
const BASE_BEHAVIOURS = createBehaviours(FLOW);

/** Message, signal, timer and error events; built once from this module's flow operations (no import cycle). */
export const EVENTS = createEventRuntime(FLOW, BASE_BEHAVIOURS);

/** How each element kind behaves; built once from this module's flow operations (no import cycle). */
const BEHAVIOURS: Readonly<Record<FlowNode['kind'], Behaviour>> = { ...BASE_BEHAVIOURS, ...EVENTS.behaviours };

/** Creates the root element instance of a process instance (key = instance key). */
export function createRootScope(ctx: MachineContext, pi: ProcessInstance): ElementInstance {
  const root: ElementInstance = {
    key: pi.key,
    elementId: pi.definition.bpmnProcessId,
    node: undefined,
    processInstanceKey: pi.key,
    flowScopeKey: undefined,
    children: new Set(),
    joins: new Map(),
  };
  ctx.state.elements.set(root.key, root);
  return root;
}

/** Creates an element instance in a scope (`entered` sees it first), applies its input mappings, then runs its behaviour. */
export function activate(ctx: MachineContext, pi: ProcessInstance, node: FlowNode, scope: ElementInstance, local: Record<string, unknown> = {}, entered?: (element: ElementInstance) => void): ElementInstance {
  const element = enter(ctx, pi, asMultiInstanceBody(node), scope);
  entered?.(element);
  setLocal(ctx.state, element.key, local);
  applyInputs(ctx, pi, element);
  return element;
}

/** A process instance (a root one or a call activity's child) started: opens its event subprocesses. */
export function processStarted(ctx: MachineContext, pi: ProcessInstance, root: ElementInstance): void {
  EVENTS.processStarted(ctx, pi, root);
}

/**
 * Opens a flow scope without running it (for a start instruction or a modification), as real Zeebe activates it:
 * its boundary events and event subprocesses wait from then on. `before` runs first (e.g. sets the scope's variables).
 */
export function openScope(ctx: MachineContext, pi: ProcessInstance, node: FlowNode, scope: ElementInstance, before?: (opened: ElementInstance) => void): ElementInstance {
  const opened = enter(ctx, pi, node, scope);
  before?.(opened);
  EVENTS.afterActivation(ctx, pi, opened);
  return opened;
}

/** Creates an element instance without running it or opening its events (see `openScope`). */
export function enter(ctx: MachineContext, pi: ProcessInstance, node: FlowNode, scope: ElementInstance): ElementInstance {
  const element: ElementInstance = {
    key: ctx.keys.next(pi.partition),
    elementId: node.id,
    node,
    processInstanceKey: pi.key,
    flowScopeKey: scope.key,
    children: new Set(),
    joins: new Map(),
  };
  ctx.state.elements.set(element.key, element);
  scope.children.add(element.key);
  return element;
}

function applyInputs(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void {
  const inputs = element.node?.ioMapping?.inputs ?? [];
  if (inputs.length > 0) {
    const mapped = applyInputMappings(inputs, visibleVariables(ctx.state, element.flowScopeKey ?? element.key));
    if (!mapped.ok) {
      raiseIncident(ctx, element, 'IO_MAPPING_ERROR', mapped.error, undefined, () => applyInputs(ctx, pi, element));
      return;
    }
    setLocal(ctx.state, element.key, mapped.value);
  }
  if (element.node) BEHAVIOURS[element.node.kind].activate(ctx, pi, element);
  EVENTS.afterActivation(ctx, pi, element);
}


/** Completes an element: output mappings, then leave it by `flows` (default: every outgoing flow). */
export function complete(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, flows?: readonly string[]): void {
  const scope = leave(ctx, pi, element, () => { complete(ctx, pi, element, flows); });
  if (!scope) return;
  const taken = flows ?? element.node?.outgoing ?? [];
  const inTransit = (scope.inTransit ??= []);
  inTransit.push(...taken);
  for (const flowId of taken) {
    inTransit.splice(inTransit.indexOf(flowId), 1);
    arrive(ctx, pi, flowId, scope);
  }
  if (taken.length === 0) completeScopeIfDone(ctx, pi, scope);
  EVENTS.afterCompletion(ctx, pi, element);
}

/** Completes an element (output mappings), then activates `target` in its flow scope, as Zeebe completes a link throw event. */
export function jump(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, target: FlowNode): void {
  const scope = leave(ctx, pi, element, () => { jump(ctx, pi, element, target); });
  if (scope) activate(ctx, pi, target, scope);
}

/**
 * Applies an element's output mappings, records it for compensation, and removes it; its flow scope, or undefined
 * (none, or an incident on the mappings).
 */
function leave(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, retry: () => void): ElementInstance | undefined {
  const outputs = element.node?.ioMapping?.outputs ?? [];
  const scope = element.flowScopeKey === undefined ? undefined : ctx.state.elements.get(element.flowScopeKey);
  if (outputs.length > 0 && scope) {
    const mapped = applyOutputMappings(outputs, visibleVariables(ctx.state, element.key), visibleVariables(ctx.state, scope.key));
    if (!mapped.ok) {
      raiseIncident(ctx, element, 'IO_MAPPING_ERROR', mapped.error, undefined, retry);
      return undefined;
    }
    propagate(ctx.state, scope.key, mapped.value);
  }
  const failure = scope?.hooks?.childCompleting?.(element);
  if (failure) {
    // Resolving completes the element again, output mappings included, as Zeebe re-processes COMPLETE_ELEMENT.
    raiseIncident(ctx, element, failure.type, failure.message, undefined, retry);
    return undefined;
  }
  recordCompletion(ctx, pi, element);
  remove(ctx, element);
  return scope;
}

/** A token arrives over a flow: a parallel join waits for every incoming flow, anything else activates. */
function arrive(ctx: MachineContext, pi: ProcessInstance, flowId: string, scope: ElementInstance): void {
  const flow = pi.definition.process.flows.get(flowId);
  const target = flow && pi.definition.process.elements.get(flow.targetRef);
  if (!target) return;
  if (target.kind === 'inclusiveGateway' && target.incoming.length > 1) {
    arriveAtInclusiveJoin(ctx, pi, target, flowId, scope, activate);
    return;
  }
  if (target.kind !== 'parallelGateway' || target.incoming.length <= 1) {
    activate(ctx, pi, target, scope);
    return;
  }
  const waiting = [...(scope.joins.get(target.id) ?? []), flowId];
  if (!target.incoming.every((id) => waiting.includes(id))) {
    scope.joins.set(target.id, waiting);
    return;
  }
  const rest = [...waiting];
  for (const id of target.incoming) rest.splice(rest.indexOf(id), 1);
  scope.joins.set(target.id, rest);
  activate(ctx, pi, target, scope);
}

/** A scope with no active children and no tokens waiting at a join is done. */
export function completeScopeIfDone(ctx: MachineContext, pi: ProcessInstance, scope: ElementInstance): void {
  if (retryInclusiveJoins(ctx, pi, scope, activate)) return;
  if (scope.children.size > 0 || [...scope.joins.values()].some((w) => w.length > 0)) return;
  if (scope.hooks?.scopeDone?.() === true) return;
  if (scope.flowScopeKey === undefined) completeInstance(ctx, pi);
  else complete(ctx, pi, scope);
}

function completeInstance(ctx: MachineContext, pi: ProcessInstance): void {
  const variables = Object.fromEntries(ctx.state.variables.get(pi.key) ?? []);
  remove(ctx, ctx.state.elements.get(pi.key));
  ctx.state.instances.delete(pi.key);
  for (const done of pi.onComplete) done(variables);
}

/** Terminates an element instance and everything inside it: jobs, incidents, variables, compensation subscriptions. */
export function terminate(ctx: MachineContext, element: ElementInstance): void {
  for (const child of [...element.children]) {
    const instance = ctx.state.elements.get(child);
    if (instance) terminate(ctx, instance);
  }
  if (element.jobKey !== undefined) dropJob(ctx, element.jobKey);
  dropUserTask(ctx, element);
  element.hooks?.terminated?.();
  for (const [key, incident] of ctx.state.incidents) if (incident.elementInstanceKey === element.key) ctx.state.incidents.delete(key);
  dropOnTermination(ctx, element);
  remove(ctx, element);
  const scope = element.flowScopeKey === undefined ? undefined : ctx.state.elements.get(element.flowScopeKey);
  scope?.hooks?.childTerminated?.(element);
}

function remove(ctx: MachineContext, element: ElementInstance | undefined): void {
  if (!element) return;
  ctx.state.elements.delete(element.key);
  ctx.state.variables.delete(element.key);
  closeSubscriptions(ctx, element.key);
  if (element.flowScopeKey !== undefined) ctx.state.elements.get(element.flowScopeKey)?.children.delete(element.key);
  else dropInstance(ctx, element.processInstanceKey);
}
