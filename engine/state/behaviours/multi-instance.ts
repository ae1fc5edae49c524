/**
 * The multi-instance body (https://docs.camunda.io/docs/components/modeler/bpmn/multi-instance/): one inner
 * instance per item of the input collection, all at once (parallel) or one after another (sequential), each with
 * `loopCounter` and the input element as local variables. The output element of each completed inner instance
 * goes to its place in the output collection (a terminated one leaves its `null`); the completion condition,
 * checked after each completion, terminates the rest (an output element or condition that fails to evaluate is an
 * incident on the completing inner instance). An empty collection completes at once; a collection that is
 * not a list raises an incident. The body completes once no inner instance is active and no item is left; an inner
 * instance terminated by a modification counts as terminated (Zeebe's ELEMENT_TERMINATED applier), and the
 * modification itself ends a body it leaves empty.
 */
import { evaluateCondition, evaluateExpression, evaluateList } from '../../feel/index.js';
import { feelBody } from '../../model/feel.js';
import type { FlowNode, MultiInstance } from '../../model/index.js';
import type { Flow } from '../behaviours.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import { ok } from '../../result.js';
import type { CompletionFailure, ElementInstance, ProcessInstance } from '../types.js';
import { propagate, setLocal, visibleVariables } from '../variables.js';
import { innerInstanceNode } from './multi-instance-nodes.js';

const SIMPLE_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

interface Loop {
  readonly ctx: MachineContext;
  readonly pi: ProcessInstance;
  readonly body: ElementInstance;
  readonly flow: Flow;
  readonly mi: MultiInstance;
  readonly inner: FlowNode;
  readonly items: readonly unknown[];
  readonly output: unknown[];
  next: number;
  completed: number;
  terminated: number;
  done: boolean;
  starting: boolean;
}

function startInner(loop: Loop): void {
  const index = loop.next++;
  const { mi } = loop;
  const outputName = mi.outputElement === undefined ? undefined : feelBody(mi.outputElement);
  const local: Record<string, unknown> = { loopCounter: index + 1 };
  if (mi.inputElement !== undefined) local[mi.inputElement] = loop.items[index];
  // A plain variable as output element starts local, so a job's result lands in this inner instance.
  if (outputName !== undefined && SIMPLE_NAME.test(outputName.trim())) local[outputName.trim()] = null;
  // A migrated body runs its next inner instances as the target's element.
  const current = loop.pi.definition.process.elements.get(loop.body.elementId);
  loop.flow.activate(loop.ctx, loop.pi, current ? innerInstanceNode(current) : loop.inner, loop.body, local);
}

/**
 * What the completion condition sees on top of the completing inner instance's variables; Zeebe 8.5 keeps these out
 * of the process variables. The completing one is completed, no longer active. Sequential: the inner instances
 * created so far, not the collection's size. Parallel: Zeebe activates every inner instance before the first
 * completes, so those this loop has not started yet count as created and active.
 */
function counters(loop: Loop, completing: number): Record<string, number> {
  const notStarted = loop.mi.sequential ? 0 : loop.items.length - loop.next;
  return {
    numberOfInstances: loop.next + notStarted,
    numberOfActiveInstances: loop.body.children.size - 1 + notStarted,
    numberOfCompletedInstances: loop.completed + completing,
    numberOfTerminatedInstances: loop.terminated,
  };
}

/**
 * Zeebe's beforeExecutionPathCompleted: the output element goes to its slot, then the completion condition is checked
 * (counting the completing inner instance as completed). An evaluation that fails, or a condition that is not a
 * boolean (e.g. null for a missing variable), is an EXTRACT_VALUE_ERROR incident on the completing inner instance;
 * nothing is counted until it succeeds.
 */
function childCompleting(loop: Loop, child: ElementInstance): CompletionFailure | undefined {
  const { ctx, mi } = loop;
  const variables = visibleVariables(ctx.state, child.key);
  const output = mi.outputCollection !== undefined && mi.outputElement !== undefined ? evaluateExpression(mi.outputElement, variables) : ok(null);
  if (!output.ok) return { type: 'EXTRACT_VALUE_ERROR', message: output.error };
  const holds = mi.completionCondition === undefined ? ok(false) : evaluateCondition(mi.completionCondition, { ...variables, ...counters(loop, 1) });
  if (!holds.ok) return { type: 'EXTRACT_VALUE_ERROR', message: holds.error };
  loop.completed += 1;
  const counter = ctx.state.variables.get(child.key)?.get('loopCounter');
  // The body's output collection variable is this array: filled in place (no copy per completion).
  if (mi.outputCollection !== undefined && typeof counter === 'number') loop.output[counter - 1] = output.value;
  if (holds.value) terminateOthers(loop, child);
  return undefined;
}

/** The completion condition holds: the body completes once the other inner instances are terminated. */
function terminateOthers(loop: Loop, child: ElementInstance): void {
  loop.done = true;
  for (const key of [...loop.body.children]) {
    const sibling = loop.ctx.state.elements.get(key);
    if (sibling && sibling !== child) loop.flow.terminate(loop.ctx, sibling);
  }
}

/**
 * Starts inner instances one after another while each completes at once (a loop, not a recursion, so a long
 * collection of pass-through tasks does not grow the stack); stops at one that waits, else completes the body.
 */
function runSequential(loop: Loop): void {
  loop.starting = true;
  while (!loop.done && loop.next < loop.items.length) {
    startInner(loop);
    if (loop.body.children.size > 0) break;
  }
  loop.starting = false;
  const { ctx, pi, body } = loop;
  if (body.children.size === 0 && ctx.state.elements.get(body.key) === body) loop.flow.completeScopeIfDone(ctx, pi, body);
}

/** Called when the body has no active inner instance: start the next one (sequential), or let the body complete. */
function scopeDone(loop: Loop): boolean {
  if (loop.starting) return true;
  if (!loop.done && loop.mi.sequential && loop.next < loop.items.length) {
    runSequential(loop);
    return true;
  }
  const { outputCollection } = loop.mi;
  const parent = loop.body.flowScopeKey;
  if (outputCollection !== undefined && parent !== undefined) propagate(loop.ctx.state, parent, { [outputCollection]: loop.output });
  return false;
}

/** Activates a multi-instance body. */
export function multiInstanceBody(ctx: MachineContext, pi: ProcessInstance, body: ElementInstance, flow: Flow): void {
  const original = pi.definition.process.elements.get(body.elementId);
  const mi = original?.multiInstance;
  if (!original || !mi) return;
  const collection = evaluateList(mi.inputCollection, visibleVariables(ctx.state, body.key));
  if (!collection.ok) {
    raiseIncident(ctx, body, 'EXTRACT_VALUE_ERROR', collection.error, undefined, () => multiInstanceBody(ctx, pi, body, flow));
    return;
  }
  const items = collection.value;
  const loop: Loop = { ctx, pi, body, flow, mi, inner: innerInstanceNode(original), items, output: items.map(() => null), next: 0, completed: 0, terminated: 0, done: false, starting: true };
  body.hooks = {
    childCompleting: (child) => childCompleting(loop, child),
    scopeDone: () => scopeDone(loop),
    childTerminated: () => { loop.terminated += 1; },
  };
  if (mi.outputCollection !== undefined) setLocal(ctx.state, body.key, { [mi.outputCollection]: loop.output });
  if (mi.sequential) {
    runSequential(loop);
    return;
  }
  for (let i = 0; i < items.length; i++) startInner(loop);
  loop.starting = false;
  if (body.children.size === 0 && ctx.state.elements.get(body.key) === body) flow.completeScopeIfDone(ctx, pi, body);
}
