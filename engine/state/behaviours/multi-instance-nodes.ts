/** The two runtime shapes of a multi-instance activity: its body (the scope) and its inner instances. */
import type { FlowNode } from '../../model/index.js';

/** The body of a multi-instance activity: no variable mappings (they belong to each inner instance). */
export function asMultiInstanceBody(node: FlowNode): FlowNode {
  if (node.multiInstance === undefined) return node;
  const body: { -readonly [K in keyof FlowNode]: FlowNode[K] } = { ...node, kind: 'multiInstanceBody' };
  delete body.ioMapping;
  return body;
}

/** An inner instance: the activity itself, without loop characteristics and without outgoing flows (the body leaves). */
export function innerInstanceNode(node: FlowNode): FlowNode {
  const inner: { -readonly [K in keyof FlowNode]: FlowNode[K] } = { ...node, outgoing: [] };
  delete inner.multiInstance;
  return inner;
}
