/**
 * Message and signal names that would make a subscription ambiguous, after real Zeebe 8.5's
 * `ModelUtil.verifyNoDuplicatedEventDefinition` (run by `ActivityValidator` on an activity's boundary events,
 * `ProcessValidator`/`SubProcessValidator` on the start events of a scope's event subprocesses, `ProcessValidator` on
 * a process's signal start events and `EventBasedGatewayValidator` on a gateway's target events), `ReceiveTaskValidator` and
 * `MessageValidator`. Names are compared as written, as in Zeebe: two identical `=expression` names are duplicates,
 * different expressions never are; an absent or empty name is left to the "Name must be present" rule.
 */
import { child, children, flag, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, type Problem } from '../problems.js';
import { eventDefinitions, flowElementsWithin } from './elements.js';

const MESSAGE = 'bpmn:MessageEventDefinition';
const SIGNAL = 'bpmn:SignalEventDefinition';

/** The non-empty names of the messages (or signals) the definitions of one type reference, in document order. */
function namesOf(definitions: readonly ModdleNode[], type: string, reference: string): string[] {
  return definitions
    .filter((d) => d.$type === type)
    .map((d) => child(d, reference))
    .map((referenced) => (referenced === undefined ? '' : text(referenced, 'name') ?? ''))
    .filter((name) => name !== '');
}

/** The names that occur more than once, each once, in order of first occurrence. */
const repeated = (names: readonly string[]): string[] => [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];

/** The duplicate-name problems among message names and signal names: messages first, then signals, as in real Zeebe. */
export function duplicateNamesAmong(messageNames: readonly string[], signalNames: readonly string[]): string[] {
  const nonEmpty = (names: readonly string[]): string[] => names.filter((name) => name !== '');
  return [
    ...repeated(nonEmpty(messageNames)).map((n) => `Multiple message event definitions with the same name '${n}' are not allowed.`),
    ...repeated(nonEmpty(signalNames)).map((n) => `Multiple signal event definitions with the same name '${n}' are not allowed.`),
  ];
}

/** The duplicate-name problems among some event definitions. */
export const duplicateNames = (definitions: readonly ModdleNode[]): string[] =>
  duplicateNamesAmong(namesOf(definitions, MESSAGE, 'messageRef'), namesOf(definitions, SIGNAL, 'signalRef'));

/**
 * No two signal start events of a process share a signal name (`ProcessValidator`). Two message start events may share
 * a message name in Zeebe 8.5.0: the check for that came to 8.5 only in a late patch (camunda/camunda#38776, 2025).
 */
export function checkStartEventNames(process: ModdleNode, problems: Problem[]): void {
  const signals = children(process, 'flowElements')
    .filter((e) => e.$type === 'bpmn:StartEvent')
    .flatMap((start) => eventDefinitions(start))
    .filter((d) => d.$type === SIGNAL);
  for (const message of duplicateNames(signals)) problems.push(problemAt(process, message));
}

/** A receive task waits for a message no message boundary event of its own waits for (by name). */
export function receiveTaskBoundaryProblem(activity: ModdleNode, boundaryDefinitions: readonly ModdleNode[]): string | undefined {
  if (activity.$type !== 'bpmn:ReceiveTask') return undefined;
  const message = child(activity, 'messageRef');
  const name = message === undefined ? undefined : text(message, 'name');
  const same = name !== undefined && namesOf(boundaryDefinitions, MESSAGE, 'messageRef').includes(name);
  return same ? 'Cannot reference the same message name as a boundary event' : undefined;
}

const CATCH_OR_THROW_EVENTS = new Set(['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent', 'bpmn:IntermediateThrowEvent', 'bpmn:EndEvent']);

/** How many times the message is referenced by the elements, events' definitions and tasks' messageRef alike. */
function references(message: ModdleNode, elements: readonly ModdleNode[]): number {
  return elements
    .flatMap((e) => (CATCH_OR_THROW_EVENTS.has(e.$type) || e.$type === 'bpmn:StartEvent' ? eventDefinitions(e) : [e]))
    .filter((owner) => child(owner, 'messageRef') === message).length;
}

/** The start events of the event subprocesses directly in the processes (the ones real Zeebe's MessageValidator counts). */
const eventSubprocessStarts = (processes: readonly ModdleNode[]): ModdleNode[] =>
  processes
    .flatMap((p) => children(p, 'flowElements'))
    .filter((e) => e.$type === 'bpmn:SubProcess' && flag(e, 'triggeredByEvent') === true)
    .flatMap((s) => children(s, 'flowElements').filter((e) => e.$type === 'bpmn:StartEvent'));

/**
 * No message is referenced by two start events of the file's processes, unless something that waits for or sends
 * it (which real Zeebe's `MessageValidator` checks first) also references it; the problem is about the message.
 */
export function checkStartMessageReferences(rootElements: readonly ModdleNode[], problems: Problem[]): void {
  const processes = rootElements.filter((e) => e.$type === 'bpmn:Process');
  const starts = processes.flatMap((p) => children(p, 'flowElements')).filter((e) => e.$type === 'bpmn:StartEvent');
  const others = processes.flatMap((p) => flowElementsWithin(p))
    .filter((e) => CATCH_OR_THROW_EVENTS.has(e.$type) || e.$type === 'bpmn:ReceiveTask' || e.$type === 'bpmn:SendTask');
  const subprocessStarts = eventSubprocessStarts(processes);
  for (const message of rootElements.filter((e) => e.$type === 'bpmn:Message')) {
    const elsewhere = references(message, others) > 0 || references(message, subprocessStarts) === 1;
    if (!elsewhere && references(message, starts) > 1) {
      problems.push(problemAt(message, 'A message cannot be referred by more than one start event'));
    }
  }
}
