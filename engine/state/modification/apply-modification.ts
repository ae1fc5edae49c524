/**
 * Applies a checked and planned modification, in real Zeebe's order: the flow scopes the activations need are
 * opened (with their variables), then the terminate instructions run, each closing the flow scopes it leaves empty
 * up to the process instance (terminated when nothing is left) unless an activation needs them, and last the
 * elements are activated, with their own variables, the way every other activation runs.
 */
import type { MachineContext } from '../context.js';
import { activate, openScope, terminate } from '../execution.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { setLocal } from '../variables.js';
import { documentOf } from '../commands/lookups.js';
import type { ActivateInstruction } from './modify-request.js';
import type { PlannedActivation, ScopeRef } from './scope-plan.js';

/** Runs the modification; nothing here can fail. */
export function applyModification(ctx: MachineContext, pi: ProcessInstance, plans: readonly PlannedActivation[], terminateKeys: readonly string[]): void {
  const instanceOf = materializer(ctx, pi);
  const required = new Set<string>();
  const placed = plans.map((plan) => {
    const variables = (elementId: string): Record<string, unknown> => variablesFor(pi, plan.instruction, elementId);
    for (const step of plan.path) {
      const scope = instanceOf(step.ref, variables);
      setLocal(ctx.state, scope.key, variables(step.id));
      required.add(scope.key);
    }
    return { plan, scope: instanceOf(plan.scope, variables) };
  });
  for (const key of new Set(terminateKeys)) terminateUpwards(ctx, pi, key, required);
  for (const { plan, scope } of placed) {
    if (ctx.state.elements.get(scope.key) === scope) activate(ctx, pi, plan.node, scope, variablesFor(pi, plan.instruction, plan.node.id));
  }
}

type Variables = (elementId: string) => Record<string, unknown>;

/** Turns scope refs into element instances, opening each new scope once, with its variables before its events open. */
function materializer(ctx: MachineContext, pi: ProcessInstance): (ref: ScopeRef, variables: Variables) => ElementInstance {
  const opened = new Map<ScopeRef, ElementInstance>();
  const instanceOf = (ref: ScopeRef, variables: Variables): ElementInstance => {
    if (ref.kind === 'existing') return ref.instance;
    const known = opened.get(ref);
    if (known) return known;
    const created = openScope(ctx, pi, ref.node, instanceOf(ref.parent, variables), (scope) => { setLocal(ctx.state, scope.key, variables(ref.node.id)); });
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

/** Terminates an element instance, then every flow scope it leaves with nothing active, no waiting tokens and no activation to come. */
function terminateUpwards(ctx: MachineContext, pi: ProcessInstance, key: string, required: ReadonlySet<string>): void {
  let element = ctx.state.elements.get(key);
  while (element) {
    const scopeKey = element.flowScopeKey;
    terminate(ctx, element);
    if (scopeKey === undefined) {
      ctx.state.instances.delete(pi.key);
      return;
    }
    const scope = ctx.state.elements.get(scopeKey);
    const idle = scope !== undefined && scope.children.size === 0 && ![...scope.joins.values()].some((w) => w.length > 0) && !required.has(scope.key);
    element = idle ? scope : undefined;
  }
}
