/**
 * Link events (https://docs.camunda.io/docs/components/modeler/bpmn/link-events/): a link throw event completes and
 * its flow scope continues at the link catch event of the same name, taking none of the throw's flows; a link catch
 * event completes as soon as it is entered, whether a throw or a modification entered it.
 */
import type { FlowNode } from '../../model/index.js';
import type { MachineContext } from '../context.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import type { EventFlow } from './event-flow.js';

/** The catch link a throw link continues at: same name, same flow scope (deployment guarantees exactly one). */
function catchLinkOf(pi: ProcessInstance, node: FlowNode): FlowNode | undefined {
  return [...pi.definition.process.elements.values()].find((n) =>
    n.kind === 'intermediateCatchEvent' && n.eventKind === 'link' && n.linkName === node.linkName && n.flowScope === node.flowScope);
}

/** A link throw event: completes, then its catch link is activated in the same flow scope instance. */
export function throwLink(flow: EventFlow, ctx: MachineContext, pi: ProcessInstance, element: ElementInstance, node: FlowNode): void {
  const target = catchLinkOf(pi, node);
  if (target) flow.jump(ctx, pi, element, target);
  else flow.complete(ctx, pi, element);
}
