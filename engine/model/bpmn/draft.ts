/** The shapes the BPMN builder passes around while it walks a process, before flows are connected. */
import type { FlowNode, FlowNodeKind } from '../types.js';
import { idOf, text, type ModdleNode } from '../moddle-node.js';
import type { Problem } from '../problems.js';
import type { ReferenceIndex } from './read-bpmn.js';
import { readIoMapping } from './io-mapping.js';

/** A flow node before its incoming and outgoing flows are known. */
export type NodeDraft = Omit<FlowNode, 'incoming' | 'outgoing'>;

/** What an element handler may use: the enclosing scope, the problem list, and a way to walk a subprocess. */
export interface HandlerContext {
  /** Id of the enclosing subprocess; undefined directly in the process. */
  readonly scope: string | undefined;
  readonly problems: Problem[];
  /** The raw ids of the document's references, resolved or not. */
  readonly references: ReferenceIndex;
  /** Walks the flow elements of a container that becomes the scope `scopeId`. */
  readonly walk: (container: ModdleNode, scopeId: string) => void;
}

/** Turns one BPMN element into a node draft, or records why it cannot be executed and returns undefined. */
export type ElementHandler = (element: ModdleNode, context: HandlerContext) => NodeDraft | undefined;

/** `{ [key]: value }` when the value is defined, else `{}` (for exactOptionalPropertyTypes). */
export function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The fields every node draft has: id, kind, name, scope and variable mappings. */
export function baseDraft(element: ModdleNode, kind: FlowNodeKind, context: HandlerContext): NodeDraft {
  return {
    id: idOf(element) ?? '',
    kind,
    ...opt('name', text(element, 'name')),
    ...opt('flowScope', context.scope),
    ...opt('ioMapping', readIoMapping(element, context.problems)),
  };
}
