/**
 * Elements that wait for something: intermediate catch events (message, timer, signal; and link, which does not
 * wait), receive tasks and event-based gateways, checked like real Zeebe's `IntermediateCatchEventValidator`, `ReceiveTaskValidator` and
 * `EventBasedGatewayValidator`.
 */
import type { FlowNode, SequenceFlow } from '../types.js';
import type { ModdleNode } from '../moddle-node.js';
import { problemOn, problemAt, type Problem } from '../problems.js';
import { baseDraft, opt, type ElementHandler } from './draft.js';
import { eventDefinitions } from './elements.js';
import { readCatchDefinition, readMessage, type EventFields, type TimerRule } from './event-definitions.js';
import { readLinkName } from './links.js';
import { duplicateNamesAmong } from './name-duplicates.js';

const CATCH_TIMERS: TimerRule = { allowed: ['duration', 'date'], problem: 'Intermediate timer catch event must have either a time duration or a time date.' };

/** A link catch event's fields: where throw links of the same name continue. */
const linkCatch = (definition: ModdleNode, problems: Problem[]): EventFields =>
  ({ eventKind: 'link', ...opt('linkName', readLinkName(definition, problems)) });

/** A message, timer, signal or link intermediate catch event. */
export const intermediateCatchEvent: ElementHandler = (element, context) => {
  const definitions = eventDefinitions(element);
  const [definition] = definitions;
  if (definitions.length !== 1 || definition === undefined) {
    context.problems.push(problemAt(element, 'Must have exactly one event definition'));
    return undefined;
  }
  const fields = definition.$type === 'bpmn:LinkEventDefinition'
    ? linkCatch(definition, context.problems)
    : readCatchDefinition(definition, CATCH_TIMERS, true, context.problems);
  if (fields === undefined) {
    context.problems.push(problemAt(element, 'Event definition must be one of: message, timer, signal, or link'));
    return undefined;
  }
  return { ...baseDraft(element, 'intermediateCatchEvent', context), ...fields };
};

/** A receive task: waits for its message like a message catch event, and can carry boundary events. */
export const receiveTask: ElementHandler = (element, context) => {
  const message = readMessage(element, true, context.problems);
  return { ...baseDraft(element, 'receiveTask', context), eventKind: 'message', ...opt('message', message) };
};

/** An event-based gateway; its targets are checked once the flows are connected. */
export const eventBasedGateway: ElementHandler = (element, context) => baseDraft(element, 'eventBasedGateway', context);

const WAITABLE = new Set(['message', 'timer', 'signal']);

/** Every event-based gateway leads to at least two message, timer or signal intermediate catch events, none two of the same name. */
export function checkEventGateways(elements: ReadonlyMap<string, FlowNode>, flows: readonly SequenceFlow[], problems: Problem[]): void {
  const targetOf = new Map(flows.map((flow) => [flow.id, elements.get(flow.targetRef)]));
  for (const gateway of elements.values()) {
    if (gateway.kind !== 'eventBasedGateway') continue;
    if (gateway.outgoing.length < 2) {
      problems.push(problemOn(gateway.id, 'Event-based gateway must have at least 2 outgoing sequence flows.'));
    }
    const targets = gateway.outgoing.map((id) => targetOf.get(id));
    if (!targets.every((t) => t?.kind === 'intermediateCatchEvent' && WAITABLE.has(t.eventKind ?? ''))) {
      problems.push(problemOn(gateway.id, 'Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events.'));
    }
    const catches = targets.filter((t) => t?.kind === 'intermediateCatchEvent');
    const names = duplicateNamesAmong(catches.map((t) => t?.message?.name ?? ''), catches.map((t) => t?.signalName ?? ''));
    for (const message of names) problems.push(problemOn(gateway.id, message));
  }
}
