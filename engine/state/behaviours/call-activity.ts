/**
 * A call activity (https://docs.camunda.io/docs/components/modeler/bpmn/call-activities/): starts the latest
 * version of the called process in the parent's tenant, with all visible variables (or only the activity's input
 * mappings when `propagateAllParentVariables` is false). The child's completion completes the activity with the
 * child's variables (all, or only what the output mappings take when `propagateAllChildVariables` is false);
 * terminating the activity terminates the child. An unknown process raises CALLED_ELEMENT_ERROR.
 */
import { evaluateString } from '../../feel/index.js';
import type { CalledElement } from '../../model/index.js';
import type { Flow } from '../behaviours.js';
import type { MachineContext } from '../context.js';
import { raiseIncident } from '../incidents.js';
import { latest } from '../store.js';
import type { ElementInstance, ProcessDefinition, ProcessInstance } from '../types.js';
import { propagate, setLocal, visibleVariables } from '../variables.js';

function variablesForChild(ctx: MachineContext, element: ElementInstance, called: CalledElement): Record<string, unknown> {
  if (called.propagateAllParentVariables) return visibleVariables(ctx.state, element.key);
  return Object.fromEntries(ctx.state.variables.get(element.key) ?? []);
}

function childCompleted(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, called: CalledElement, variables: Record<string, unknown>, flow: Flow): void {
  if (ctx.state.elements.get(element.key) !== element) return;
  const hasOutputs = (element.node?.ioMapping?.outputs.length ?? 0) > 0;
  if (called.propagateAllChildVariables && !hasOutputs) propagate(ctx.state, element.key, variables);
  else setLocal(ctx.state, element.key, variables);
  flow.complete(ctx, pi, element);
}

function startChild(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, definition: ProcessDefinition, flow: Flow): void {
  const called = element.node?.calledElement;
  const start = definition.process.noneStartEvent === undefined ? undefined : definition.process.elements.get(definition.process.noneStartEvent);
  if (!called || !start) return;
  const child: ProcessInstance = {
    key: ctx.keys.next(pi.partition),
    definition,
    tenantId: pi.tenantId,
    partition: pi.partition,
    onComplete: [],
    parent: { elementInstanceKey: element.key, processInstanceKey: pi.key },
  };
  child.onComplete.push((variables) => childCompleted(ctx, pi, element, called, variables, flow));
  ctx.state.instances.set(child.key, child);
  const root = flow.createRootScope(ctx, child);
  setLocal(ctx.state, root.key, variablesForChild(ctx, element, called));
  element.hooks = {
    terminated: () => {
      const childRoot = ctx.state.elements.get(child.key);
      if (childRoot) flow.terminate(ctx, childRoot);
      ctx.state.instances.delete(child.key);
    },
  };
  flow.activate(ctx, child, start, root);
  flow.processStarted(ctx, child, root);
}

type Resolved = { ok: true; value: ProcessDefinition } | { ok: false; type: 'EXTRACT_VALUE_ERROR' | 'CALLED_ELEMENT_ERROR'; message: string };

function resolve(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, called: CalledElement): Resolved {
  const processId = evaluateString(called.processId, visibleVariables(ctx.state, element.key));
  if (!processId.ok) return { ok: false, type: 'EXTRACT_VALUE_ERROR', message: processId.error };
  const definition = latest(ctx.state.processes, pi.tenantId, processId.value);
  if (!definition) return { ok: false, type: 'CALLED_ELEMENT_ERROR', message: `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.` };
  if (definition.process.noneStartEvent === undefined) {
    return { ok: false, type: 'CALLED_ELEMENT_ERROR', message: `Expected process with BPMN process id '${processId.value}' to have a none start event, but not found.` };
  }
  return { ok: true, value: definition };
}

/** Activates a call activity: resolves the process id and starts the child instance, or raises an incident. */
export function callActivity(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, flow: Flow): void {
  const called = element.node?.calledElement;
  if (!called) return;
  const resolved = resolve(ctx, pi, element, called);
  if (resolved.ok) startChild(ctx, pi, element, resolved.value, flow);
  else raiseIncident(ctx, element, resolved.type, resolved.message, undefined, () => callActivity(ctx, pi, element, flow));
}
