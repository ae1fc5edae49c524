/** Reads of BPMN elements shared by the handlers: extension elements and event definitions. */
import { child, children, type ModdleNode } from '../moddle-node.js';

/** The extension elements of a given type (e.g. `zeebe:TaskDefinition`) on an element. */
export function extensions(element: ModdleNode, type: string): readonly ModdleNode[] {
  const extensionElements = child(element, 'extensionElements');
  return extensionElements === undefined ? [] : children(extensionElements, 'values').filter((v) => v.$type === type);
}

/** The event definitions of an event (empty for a none event). */
export function eventDefinitions(element: ModdleNode): readonly ModdleNode[] {
  return children(element, 'eventDefinitions');
}

/** The start event definitions real Zeebe 8.5 allows in event subprocesses (no compensation event subprocesses). */
export const EVENT_SUBPROCESS_STARTS: ReadonlySet<string> = new Set([
  'bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:ErrorEventDefinition', 'bpmn:SignalEventDefinition', 'bpmn:EscalationEventDefinition',
]);

const CONTAINERS = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

/** Every flow element of a process or subprocess, the contents of its subprocesses included. */
export function flowElementsWithin(container: ModdleNode): ModdleNode[] {
  return children(container, 'flowElements').flatMap((e) => [e, ...(CONTAINERS.has(e.$type) ? flowElementsWithin(e) : [])]);
}
