import type { EngineState } from './store.js';
import type { ElementInstance } from './types.js';

/** The scopes from an element instance up to its process instance, innermost first. */
export function scopeChain(state: EngineState, elementKey: string): string[] {
  const chain: string[] = [];
  for (let key: string | undefined = elementKey; key !== undefined; key = state.elements.get(key)?.flowScopeKey) chain.push(key);
  return chain;
}

/** Every variable visible from an element instance: inner scopes shadow outer ones. */
export function visibleVariables(state: EngineState, elementKey: string): Record<string, unknown> {
  const visible: Record<string, unknown> = {};
  for (const scope of scopeChain(state, elementKey).reverse()) {
    for (const [name, value] of state.variables.get(scope) ?? []) visible[name] = value;
  }
  return visible;
}

/**
 * What a task or event brings back (job variables, a caught error's or message's variables, a decision's or script's
 * result): with output mappings it stays local and the mappings decide what leaves; without, it is merged outwards.
 */
export function acceptResult(state: EngineState, element: ElementInstance, variables: Readonly<Record<string, unknown>>): void {
  if ((element.node?.ioMapping?.outputs.length ?? 0) > 0) setLocal(state, element.key, variables);
  else propagate(state, element.key, variables);
}

/** Sets variables on exactly this scope. */
export function setLocal(state: EngineState, scopeKey: string, variables: Readonly<Record<string, unknown>>): void {
  const local = state.variables.get(scopeKey) ?? new Map<string, unknown>();
  for (const [name, value] of Object.entries(variables)) local.set(name, value);
  state.variables.set(scopeKey, local);
}

/**
 * Zeebe's merge: each variable is set on the innermost scope (from `scopeKey` outwards) that already has it,
 * else on the process instance's root scope.
 */
export function propagate(state: EngineState, scopeKey: string, variables: Readonly<Record<string, unknown>>): void {
  const chain = scopeChain(state, scopeKey);
  const root = chain.at(-1) ?? scopeKey;
  for (const [name, value] of Object.entries(variables)) {
    const owner = chain.find((scope) => state.variables.get(scope)?.has(name)) ?? root;
    setLocal(state, owner, { [name]: value });
  }
}
