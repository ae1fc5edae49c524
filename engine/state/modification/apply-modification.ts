/**
 * Applies a checked and planned modification, in real Zeebe's order: flow scopes are opened and the activated
 * element instances created (with their variables), then the terminate instructions run, each closing the flow
 * scopes it leaves empty up to the process instance (terminated when nothing is left), and last the activated
 * elements start.
 */
import type { MachineContext } from '../context.js';
import { enter, start, terminate } from '../execution.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { setLocal } from '../variables.js';
import { documentOf } from '../commands/lookups.js';
import type { ActivateInstruction } from './modify-request.js';
import type { PlannedActivation, ScopeRef } from './scope-plan.js';

/** Runs the modification; nothing here can fail. */
export function applyModification(ctx: MachineContext, pi: ProcessInstance, plans: readonly PlannedActivation[], terminateKeys: readonly string[]): void {
  const instanceOf = materializer(ctx, pi);
  const entered = plans.map((plan) => {
    for (const step of plan.path) setLocal(ctx.state, instanceOf(step.ref).key, variablesFor(pi, plan.instruction, step.id));
    return { element: enter(ctx, pi, plan.node, instanceOf(plan.scope)), local: variablesFor(pi, plan.instruction, plan.node.id) };
  });
  for (const key of new Set(terminateKeys)) terminateUpwards(ctx, pi, key);
  for (const { element, local } of entered) {
    if (ctx.state.elements.get(element.key) === element) start(ctx, pi, element, local);
  }
}

/** Turns scope refs into element instances, entering each opened scope once. */
function materializer(ctx: MachineContext, pi: ProcessInstance): (ref: ScopeRef) => ElementInstance {
  const opened = new Map<ScopeRef, ElementInstance>();
  const instanceOf = (ref: ScopeRef): ElementInstance => {
    if (ref.kind === 'existing') return ref.instance;
    const known = opened.get(ref);
    if (known) return known;
    const created = enter(ctx, pi, ref.node, instanceOf(ref.parent));
    opened.set(ref, created);
    return created;
  };
  return instanceOf;
}

/** The variables an instruction sets on the scope of `elementId` (empty scope id: the process instance). */
function variablesFor(pi: ProcessInstance, instruction: ActivateInstruction, elementId: string): Record<string, unknown> {
  const mine = instruction.variableInstructions.filter((v) => v.scopeId === elementId || (v.scopeId === '' && elementId === pi.definition.bpmnProcessId));
  return Object.assign({}, ...mine.map((v) => documentOf(v.variables))) as Record<string, unknown>;
}

/** Terminates an element instance, then every flow scope it leaves with nothing active and no waiting tokens. */
function terminateUpwards(ctx: MachineContext, pi: ProcessInstance, key: string): void {
  let element = ctx.state.elements.get(key);
  while (element) {
    const scopeKey = element.flowScopeKey;
    if (scopeKey === undefined) {
      terminate(ctx, element);
      ctx.state.instances.delete(pi.key);
      return;
    }
    terminate(ctx, element);
    const scope = ctx.state.elements.get(scopeKey);
    element = scope && scope.children.size === 0 && ![...scope.joins.values()].some((w) => w.length > 0) ? scope : undefined;
  }
}
