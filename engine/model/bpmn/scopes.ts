/**
 * Rules about a scope as a whole, after real Zeebe's `ProcessValidator`, `SubProcessValidator`,
 * `EndEventValidator` and `BoundaryEventValidator`, plus two rules of this engine's own: no flow into a start event,
 * none into or out of an event subprocess.
 */
import type { FlowNode } from '../types.js';
import { children, flag, type ModdleNode } from '../moddle-node.js';
import { problemAt, problemOn, type Problem } from '../problems.js';
import { eventDefinitions } from './elements.js';

/** The start-event rules of a process (`bpmn:Process`) or embedded subprocess. */
export function checkStartEvents(container: ModdleNode, problems: Problem[]): void {
  const startEvents = children(container, 'flowElements').filter((e) => e.$type === 'bpmn:StartEvent');
  if (container.$type === 'bpmn:Process') {
    if (startEvents.length === 0) {
      problems.push(problemAt(container, 'Must have at least one start event'));
    } else if (startEvents.filter((e) => eventDefinitions(e).length === 0).length > 1) {
      problems.push(problemAt(container, 'Multiple none start events are not allowed'));
    }
    return;
  }
  const [startEvent] = startEvents;
  const typed = startEvent !== undefined && eventDefinitions(startEvent).length > 0;
  if (startEvents.length !== 1) {
    problems.push(problemAt(container, 'Must have exactly one start event'));
  } else if (flag(container, 'triggeredByEvent') === true) {
    if (!typed) problems.push(problemAt(container, 'Start events in event subprocesses must be one of: message, timer, error, signal or escalation'));
  } else if (typed) {
    problems.push(problemAt(container, 'Start events in subprocesses must be of type none'));
  }
}

const CONNECTION_RULES: Readonly<Partial<Record<FlowNode['kind'], (node: FlowNode) => string | undefined>>> = {
  // this engine's own rule and wording: Zeebe 8.5's validators do not check a start event's incoming flows
  startEvent: (node) => (node.incoming.length > 0 ? 'Start events must not have incoming sequence flows' : undefined),
  boundaryEvent: (node) => (node.incoming.length > 0 ? 'Cannot have incoming sequence flows' : undefined),
  // this engine's own rule and wording: Zeebe 8.5's validators do not check an event subprocess's flows
  subProcess: (node) =>
    node.triggeredByEvent === true && node.incoming.length + node.outgoing.length > 0
      ? 'Event subprocesses cannot have incoming or outgoing sequence flows'
      : undefined,
  endEvent: (node) =>
    node.outgoing.length > 0 ? 'End events must not have outgoing sequence flows to other elements.' : undefined,
};

/** Rules about the flows of connected nodes: no flow into a start or boundary event, none out of an end event. */
export function checkConnections(nodes: Iterable<FlowNode>, problems: Problem[]): void {
  for (const node of nodes) {
    const message = CONNECTION_RULES[node.kind]?.(node);
    if (message !== undefined) {
      problems.push(problemOn(node.id, message));
    }
  }
}
