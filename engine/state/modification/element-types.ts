import type { FlowNode } from '../../model/index.js';
import type { ProcessDefinition } from '../types.js';

/** What an element id names in a process, in real Zeebe's `BpmnElementType` terms (it looks up flows too). */
export type ElementLookup =
  | { readonly found: 'node'; readonly node: FlowNode }
  | { readonly found: 'process' | 'flow' }
  | { readonly found: 'nothing' };

/** Looks an id up the way real Zeebe's `getElementById` does: flow nodes, sequence flows and the process itself. */
export function lookUp(definition: ProcessDefinition, id: string): ElementLookup {
  const node = definition.process.elements.get(id);
  if (node) return { found: 'node', node };
  if (id === definition.bpmnProcessId) return { found: 'process' };
  return definition.process.flows.has(id) ? { found: 'flow' } : { found: 'nothing' };
}

/** A flow node's type as real Zeebe names it, e.g. `SERVICE_TASK`, `SUB_PROCESS`, `EVENT_SUB_PROCESS`. */
export function elementTypeOf(node: FlowNode | undefined): string {
  if (!node) return 'PROCESS';
  if (isEventSubprocess(node)) return 'EVENT_SUB_PROCESS';
  return node.kind.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
}

/** The type of whatever an id names. */
export function lookupTypeOf(lookup: ElementLookup): string {
  if (lookup.found === 'node') return elementTypeOf(lookup.node);
  return lookup.found === 'flow' ? 'SEQUENCE_FLOW' : lookup.found === 'process' ? 'PROCESS' : 'UNSPECIFIED';
}

/** An event subprocess (started by its start event's trigger, never by a flow). */
export function isEventSubprocess(node: FlowNode): boolean {
  return node.kind === 'subProcess' && node.triggeredByEvent === true;
}

/** The ids of an element's flow scopes (subprocesses), outermost first; the process itself is not among them. */
export function flowScopeChain(definition: ProcessDefinition, node: FlowNode): FlowNode[] {
  const chain: FlowNode[] = [];
  for (let id = node.flowScope; id !== undefined; id = definition.process.elements.get(id)?.flowScope) {
    const scope = definition.process.elements.get(id);
    if (scope) chain.unshift(scope);
  }
  return chain;
}
