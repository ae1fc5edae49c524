/**
 * Events: none, message, timer and signal start events (and error and escalation ones in event subprocesses);
 * none, terminate, error, escalation, signal and compensation end events; none, signal, escalation, link and
 * compensation intermediate throw events; error, escalation, message, timer, signal and compensation boundary events.
 * Other event definitions real Zeebe executes are reported as not supported yet; the rest get real Zeebe's validator
 * messages (a compensation start event too: real Zeebe 8.5 has no compensation event subprocesses).
 */
import { child, flag, idOf, parentOf, type ModdleNode } from '../moddle-node.js';
import { problemAt, unsupported, type Problem } from '../problems.js';
import { baseDraft, opt, type ElementHandler } from './draft.js';
import { EVENT_SUBPROCESS_STARTS, eventDefinitions } from './elements.js';
import { taskDefinitionTask } from './job.js';
import { ANY_TIMER, eventOf, readCatchDefinition, readCaughtError, readSignal, readThrownError, type EventFields, type TimerRule } from './event-definitions.js';
import { readCaughtEscalation, readThrownEscalation } from './escalations.js';
import { readLinkName } from './links.js';
import { readCompensationBoundary, readThrownCompensation } from './compensations.js';

/** Element types a boundary event can be attached to (activities). */
export const ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'bpmn:Task', 'bpmn:ManualTask', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ReceiveTask', 'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask', 'bpmn:UserTask', 'bpmn:SubProcess', 'bpmn:CallActivity', 'bpmn:Transaction',
  'bpmn:AdHocSubProcess',
]);

/** Event definitions real Zeebe supports on end events, besides none. */
const ZEEBE_END_DEFINITIONS = new Set([
  'bpmn:ErrorEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:TerminateEventDefinition',
  'bpmn:SignalEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:CompensateEventDefinition',
]);

/** Event definitions real Zeebe supports on boundary events. */
const ZEEBE_BOUNDARY_DEFINITIONS = new Set([
  'bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:ErrorEventDefinition',
  'bpmn:SignalEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:CompensateEventDefinition',
]);

/** Where a start event is: directly in the process, in an embedded subprocess, or in an event subprocess. */
function startEventPlace(element: ModdleNode): 'process' | 'subprocess' | 'eventSubprocess' {
  const parent = parentOf(element);
  if (parent?.$type === 'bpmn:Process') return 'process';
  return parent !== undefined && flag(parent, 'triggeredByEvent') === true ? 'eventSubprocess' : 'subprocess';
}

// This engine's own rule, after Zeebe's docs ("a time date or time cycle"): Zeebe 8.5's validators do not check it.
const START_TIMERS: TimerRule = {
  allowed: ['date', 'cycle'], problem: 'Timer start event must have either a time date or a time cycle definition', problemOn: (d) => d, evaluatedAtDeploy: true,
};
const INTERRUPTING_TIMERS: TimerRule = { allowed: ['duration', 'date'], problem: 'Interrupting timer event with time cycle is not allowed.' };
/** As above, reported on the event subprocess (Zeebe's SubProcessValidator). */
const EVENT_SUBPROCESS_INTERRUPTING_TIMERS: TimerRule = { ...INTERRUPTING_TIMERS, problemOn: (d) => parentOf(eventOf(d)) ?? d };

/** An escalation throw event's fields: the code thrown (static or an expression). */
const thrownEscalation = (definition: ModdleNode, problems: Problem[]): EventFields =>
  ({ eventKind: 'escalation', ...opt('escalationCode', readThrownEscalation(definition, problems)) });

/** An escalation catch event's fields (boundary or event subprocess start; interrupting or not). */
const caughtEscalation = (definition: ModdleNode, problems: Problem[]): EventFields =>
  ({ eventKind: 'escalation', ...opt('escalationCode', readCaughtEscalation(definition, problems)) });

/**
 * The definition fields of an event subprocess start event (message, timer, signal, escalation or interrupting error);
 * its interrupting rules are reported on the event subprocess, as Zeebe's SubProcessValidator does.
 */
function eventSubprocessStart(element: ModdleNode, definition: ModdleNode, interrupting: boolean, problems: Problem[]): EventFields | undefined {
  if (definition.$type === 'bpmn:ErrorEventDefinition') {
    if (!interrupting) problems.push(problemAt(parentOf(element) ?? element, 'Non-Interrupting event of this type is not allowed'));
    return { eventKind: 'error', ...opt('errorCode', readCaughtError(definition, problems)) };
  }
  if (definition.$type === 'bpmn:EscalationEventDefinition') return caughtEscalation(definition, problems);
  return readCatchDefinition(definition, interrupting ? EVENT_SUBPROCESS_INTERRUPTING_TIMERS : ANY_TIMER, true, problems);
}

/** A start event: none; message, timer or signal in a process; message, timer, signal or error in an event subprocess. */
export const startEvent: ElementHandler = (element, context) => {
  const [definition, ...more] = eventDefinitions(element);
  if (more.length > 0) {
    context.problems.push(problemAt(element, "Start event can't have more than one type"));
    return undefined;
  }
  const place = startEventPlace(element);
  const reportedByScope = place === 'subprocess' || (place === 'eventSubprocess' && !EVENT_SUBPROCESS_STARTS.has(definition?.$type ?? ''));
  if (definition === undefined || reportedByScope) {
    // a typed start event in an embedded subprocess, or an event subprocess's of another type, is reported by the scope rules
    return definition === undefined ? { ...baseDraft(element, 'startEvent', context), eventKind: 'none' } : undefined;
  }
  const interrupting = flag(element, 'isInterrupting') !== false;
  const fields = place === 'process'
    ? readCatchDefinition(definition, START_TIMERS, false, context.problems)
    : eventSubprocessStart(element, definition, interrupting, context.problems);
  if (fields === undefined) {
    context.problems.push(unsupported(element, definition.$type));
    return undefined;
  }
  return { ...baseDraft(element, 'startEvent', context), ...fields, ...(place === 'eventSubprocess' && { interrupting }) };
};

/** A none, terminate, error, escalation, signal, compensation or (job-based) message end event. */
export const endEvent: ElementHandler = (element, context) => {
  const [definition, ...more] = eventDefinitions(element);
  if (more.length > 0) {
    context.problems.push(problemAt(element, 'Must have at most one event definition'));
    return undefined;
  }
  if (definition === undefined || definition.$type === 'bpmn:TerminateEventDefinition') {
    const eventKind = definition === undefined ? 'none' : 'terminate';
    return { ...baseDraft(element, 'endEvent', context), eventKind };
  }
  if (definition.$type === 'bpmn:ErrorEventDefinition') {
    return { ...baseDraft(element, 'endEvent', context), eventKind: 'error', ...opt('errorCode', readThrownError(definition, context.problems)) };
  }
  if (definition.$type === 'bpmn:SignalEventDefinition') {
    return { ...baseDraft(element, 'endEvent', context), eventKind: 'signal', ...opt('signalName', readSignal(definition, context.problems)) };
  }
  if (definition.$type === 'bpmn:EscalationEventDefinition') return { ...baseDraft(element, 'endEvent', context), ...thrownEscalation(definition, context.problems) };
  if (definition.$type === 'bpmn:CompensateEventDefinition') return { ...baseDraft(element, 'endEvent', context), ...readThrownCompensation(element, definition, context) };
  if (definition.$type === 'bpmn:MessageEventDefinition') return messageThrowEvent('endEvent')(element, context);
  context.problems.push(
    ZEEBE_END_DEFINITIONS.has(definition.$type)
      ? unsupported(element, definition.$type)
      : problemAt(element, 'End events must be one of: none, error, message, terminate, signal, escalation or compensation'),
  );
  return undefined;
};

/** A message throw or end event: job-based in Zeebe, like a send task (exactly one `zeebe:taskDefinition`). */
function messageThrowEvent(kind: 'endEvent' | 'intermediateThrowEvent'): ElementHandler {
  const asTask = taskDefinitionTask(kind);
  return (element, context) => {
    const draft = asTask(element, context);
    return draft && { ...draft, eventKind: 'message' };
  };
}

/** A none, signal, escalation, link, compensation or (job-based) message intermediate throw event. */
export const intermediateThrowEvent: ElementHandler = (element, context) => {
  const [definition] = eventDefinitions(element);
  if (definition === undefined) return { ...baseDraft(element, 'intermediateThrowEvent', context), eventKind: 'none' };
  if (definition.$type === 'bpmn:SignalEventDefinition') {
    return { ...baseDraft(element, 'intermediateThrowEvent', context), eventKind: 'signal', ...opt('signalName', readSignal(definition, context.problems)) };
  }
  if (definition.$type === 'bpmn:EscalationEventDefinition') {
    return { ...baseDraft(element, 'intermediateThrowEvent', context), ...thrownEscalation(definition, context.problems) };
  }
  if (definition.$type === 'bpmn:LinkEventDefinition') {
    return { ...baseDraft(element, 'intermediateThrowEvent', context), eventKind: 'link', ...opt('linkName', readLinkName(definition, context.problems)) };
  }
  if (definition.$type === 'bpmn:CompensateEventDefinition') {
    return { ...baseDraft(element, 'intermediateThrowEvent', context), ...readThrownCompensation(element, definition, context) };
  }
  if (definition.$type === 'bpmn:MessageEventDefinition') return messageThrowEvent('intermediateThrowEvent')(element, context);
  context.problems.push(unsupported(element, definition.$type));
  return undefined;
};

/** Activities an escalation boundary event may be attached to. */
const ESCALATION_HOSTS = new Set(['bpmn:SubProcess', 'bpmn:CallActivity', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

/** The fields of a boundary event's definition: error (interrupting only), escalation, compensation, message, timer or signal. */
function boundaryFields(element: ModdleNode, definition: ModdleNode, interrupting: boolean, problems: Problem[]): EventFields | undefined {
  if (definition.$type === 'bpmn:ErrorEventDefinition') {
    if (!interrupting) problems.push(problemAt(element, 'Non-Interrupting event of this type is not allowed'));
    return { eventKind: 'error', ...opt('errorCode', readCaughtError(definition, problems)) };
  }
  if (definition.$type === 'bpmn:EscalationEventDefinition') {
    if (!ESCALATION_HOSTS.has(child(element, 'attachedToRef')?.$type ?? '')) {
      problems.push(problemAt(element, 'An escalation boundary event should only be attached to a subprocess, or a call activity.'));
    }
    return caughtEscalation(definition, problems);
  }
  if (definition.$type === 'bpmn:CompensateEventDefinition') return readCompensationBoundary(element);
  return readCatchDefinition(definition, interrupting ? INTERRUPTING_TIMERS : ANY_TIMER, true, problems);
}

/** A boundary event attached to an activity: error, escalation, compensation, message, timer or signal; interrupting or not. */
export const boundaryEvent: ElementHandler = (element, context) => {
  const attached = child(element, 'attachedToRef');
  const attachedTo = attached === undefined ? undefined : idOf(attached);
  if (attached === undefined || attachedTo === undefined || !ACTIVITY_TYPES.has(attached.$type)) {
    context.problems.push(problemAt(element, 'Must be attached to an activity'));
  }
  const definitions = eventDefinitions(element);
  const [definition] = definitions;
  if (definitions.length !== 1 || definition === undefined) {
    context.problems.push(problemAt(element, 'Must have exactly one event definition'));
    return undefined;
  }
  const cancelActivity = flag(element, 'cancelActivity') !== false;
  const fields = boundaryFields(element, definition, cancelActivity, context.problems);
  if (fields === undefined) {
    context.problems.push(
      ZEEBE_BOUNDARY_DEFINITIONS.has(definition.$type)
        ? unsupported(element, definition.$type)
        : problemAt(element, 'Boundary events must be one of: timer, message, error, signal, escalation'),
    );
    return undefined;
  }
  return { ...baseDraft(element, 'boundaryEvent', context), ...opt('attachedTo', attachedTo), cancelActivity, ...fields };
};
