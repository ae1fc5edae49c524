/**
 * Rules about a scope as a whole, after real Zeebe's `ProcessValidator`, `SubProcessValidator`,
 * `EndEventValidator` and `BoundaryEventValidator`, plus two rules of this engine's own: no flow into a start event,
 * none into or out of an event subprocess.
 */
import type { FlowNode } from '../types.js';
import { children, flag, parentOf, type ModdleNode } from '../moddle-node.js';
import { problemAt, problemOn, type Problem } from '../problems.js';
import { EVENT_SUBPROCESS_STARTS, eventDefinitions } from './elements.js';

const EVENT_SUBPROCESS_START_TYPES = 'Start events in event subprocesses must be one of: message, timer, error, signal or escalation';

/** Real Zeebe 8.5's rules on an event subprocess's start event: typed, of a supported type, no compensation on the process level. */
function checkEventSubprocessStart(container: ModdleNode, startEvent: ModdleNode, problems: Problem[]): void {
  const definitions = eventDefinitions(startEvent);
  if (definitions.length === 0) problems.push(problemAt(container, EVENT_SUBPROCESS_START_TYPES));
  if (definitions.some((d) => d.$type === 'bpmn:CompensateEventDefinition') && parentOf(container)?.$type !== 'bpmn:SubProcess') {
    problems.push(problemAt(container, 'A compensation event subprocess is not allowed on the process level'));
  }
  for (const definition of definitions) {
    if (!EVENT_SUBPROCESS_STARTS.has(definition.$type)) problems.push(problemAt(container, EVENT_SUBPROCESS_START_TYPES));
  }
}

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
  } else if (startEvent !== undefined && flag(container, 'triggeredByEvent') === true) {
    checkEventSubprocessStart(container, startEvent, problems);
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
