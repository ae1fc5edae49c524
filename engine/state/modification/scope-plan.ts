/**
 * Where each activation of a modification goes: the flow scope instances (subprocesses) on the way to its
 * element, reused when exactly one exists, opened when none does, chosen by the selected ancestor when several do
 * (real Zeebe's `ElementActivationBehavior`). Planned before anything changes, so a rejection applies nothing;
 * scopes opened by one instruction are seen by the next.
 */
import type { FlowNode } from '../../model/index.js';
import { err, ok, type Result } from '../../result.js';
import type { MachineContext } from '../context.js';
import type { Rejection } from '../machine.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { scopeChain } from '../variables.js';
import { flowScopeChain } from './element-types.js';
import { invalid } from './modify-checks.js';
import { selectedAncestor, type ActivateInstruction } from './modify-request.js';

/** A flow scope instance: one that exists, or one the modification opens. */
export type ScopeRef =
  | { readonly kind: 'existing'; readonly instance: ElementInstance }
  | { readonly kind: 'opened'; readonly node: FlowNode; readonly parent: ScopeRef };

/** One activation: its element, its direct flow scope, and every scope on the way with its element id (the process first). */
export interface PlannedActivation {
  readonly node: FlowNode;
  readonly scope: ScopeRef;
  readonly path: readonly { readonly id: string; readonly ref: ScopeRef }[];
  readonly instruction: ActivateInstruction;
}

/** Plans every activate instruction (their elements were checked to exist), or the first ambiguity. */
export function planActivations(ctx: MachineContext, pi: ProcessInstance, instructions: readonly ActivateInstruction[]): Result<PlannedActivation[], Rejection> {
  const root = ctx.state.elements.get(pi.key);
  if (!root) return ok([]);
  const opened: ScopeRef[] = [];
  const plans: PlannedActivation[] = [];
  for (const instruction of instructions) {
    const node = pi.definition.process.elements.get(instruction.elementId);
    if (!node) continue;
    let ref: ScopeRef = { kind: 'existing', instance: root };
    const path: { id: string; ref: ScopeRef }[] = [{ id: pi.definition.bpmnProcessId, ref }];
    for (const scope of flowScopeChain(pi.definition, node)) {
      const found: Result<ScopeRef | undefined, Rejection> = scope.multiInstance === undefined
        ? reusable(ctx, pi, { scope, parent: ref, ancestor: selectedAncestor(instruction), opened })
        : innerInstance(ctx, pi, { scope, parent: ref, ancestor: selectedAncestor(instruction), opened });
      if (!found.ok) return found;
      ref = found.value ?? open(opened, scope, ref);
      path.push({ id: scope.id, ref });
    }
    plans.push({ node, scope: ref, path, instruction });
  }
  return ok(plans);
}

function open(opened: ScopeRef[], node: FlowNode, parent: ScopeRef): ScopeRef {
  const ref: ScopeRef = { kind: 'opened', node, parent };
  opened.push(ref);
  return ref;
}

interface Lookup {
  readonly scope: FlowNode;
  readonly parent: ScopeRef;
  readonly ancestor: string | undefined;
  readonly opened: readonly ScopeRef[];
}

/** The instance of `scope` under `parent` to reuse, `undefined` to open a new one, or an ambiguity. */
function reusable(ctx: MachineContext, pi: ProcessInstance, lookup: Lookup): Result<ScopeRef | undefined, Rejection> {
  const { ancestor } = lookup;
  const candidates = instancesOf(ctx, lookup);
  const [only] = candidates;
  if (!only) return ok(undefined);
  if (candidates.length === 1) return ok(ancestor !== undefined && keysAbove(ctx, only).includes(ancestor) ? undefined : only);
  const ambiguous = err(invalid('activate-ambiguous-flow-scope',
    `Expected to modify instance of process '${pi.definition.bpmnProcessId}' but it contains one or more activate instructions for an element that has a flow scope with more than one active instance: '${lookup.scope.id}'. Can't decide in which instance of the flow scope the element should be activated. Please specify an ancestor element instance key for this activate instruction.`));
  if (ancestor === undefined) return ambiguous;
  const exact = candidates.find((c) => c.kind === 'existing' && c.instance.key === ancestor);
  if (exact) return ok(exact);
  if (candidates.some((c) => keysAbove(ctx, c).includes(ancestor))) return ok(undefined);
  const aboveAncestor = scopeChain(ctx.state, ancestor);
  const holder = candidates.find((c) => c.kind === 'existing' && aboveAncestor.includes(c.instance.key));
  return holder ? ok(holder) : ambiguous;
}

/**
 * A multi-instance subprocess on the way: its body and then one inner instance must be live (real Zeebe creates
 * neither; with several, the ancestor decides as for any flow scope).
 */
function innerInstance(ctx: MachineContext, pi: ProcessInstance, lookup: Lookup): Result<ScopeRef, Rejection> {
  const notCreatable = err(invalid('activate-flow-scope-not-creatable',
    `Expected to modify instance of process '${pi.definition.bpmnProcessId}' but it contains one or more activate instructions that would result in the activation of multi-instance element '${lookup.scope.id}', which is currently unsupported.`));
  const body = reusable(ctx, pi, lookup);
  if (!body.ok) return body;
  if (body.value?.kind !== 'existing') return notCreatable;
  const inner = reusable(ctx, pi, { ...lookup, parent: body.value, opened: [] });
  if (!inner.ok) return inner;
  return inner.value?.kind === 'existing' ? ok(inner.value) : notCreatable;
}

/** The live and opened instances of the scope's element directly under `parent`. */
function instancesOf(ctx: MachineContext, { scope, parent, opened }: Lookup): ScopeRef[] {
  const live = parent.kind === 'existing'
    ? [...parent.instance.children].flatMap((key) => {
      const child = ctx.state.elements.get(key);
      return child?.elementId === scope.id ? [{ kind: 'existing' as const, instance: child }] : [];
    })
    : [];
  return [...live, ...opened.filter((o) => o.kind === 'opened' && o.node.id === scope.id && sameRef(o.parent, parent))];
}

function sameRef(a: ScopeRef, b: ScopeRef): boolean {
  return a.kind === 'existing' && b.kind === 'existing' ? a.instance.key === b.instance.key : a === b;
}

/** Keys of the live instances above a scope (its flow scopes, up to the process instance). */
function keysAbove(ctx: MachineContext, ref: ScopeRef): string[] {
  if (ref.kind === 'existing') return scopeChain(ctx.state, ref.instance.key).slice(1);
  return ref.parent.kind === 'existing' ? scopeChain(ctx.state, ref.parent.instance.key) : keysAbove(ctx, ref.parent);
}
