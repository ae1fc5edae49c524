/**
 * Events: none start events, none and terminate end events, none intermediate throw events, and interrupting
 * error boundary events. Other event definitions real Zeebe executes are reported as not supported yet; the
 * rest get real Zeebe's validator messages.
 */
import { child, flag, idOf, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, unsupported, type Problem } from '../problems.js';
import { baseDraft, opt, type ElementHandler } from './draft.js';
import { eventDefinitions } from './elements.js';

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

/** A none start event; a start event with an event definition is not supported yet. */
export const startEvent: ElementHandler = (element, context) => {
  const [definition, ...more] = eventDefinitions(element);
  if (more.length > 0) {
    context.problems.push(problemAt(element, "Start event can't have more than one type"));
    return undefined;
  }
  if (definition !== undefined) {
    context.problems.push(unsupported(element, definition.$type));
    return undefined;
  }
  return { ...baseDraft(element, 'startEvent', context), eventKind: 'none' };
};

/** A none or terminate end event. */
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
  context.problems.push(
    ZEEBE_END_DEFINITIONS.has(definition.$type)
      ? unsupported(element, definition.$type)
      : problemAt(element, 'End events must be one of: none, error, message, terminate, signal, escalation or compensation'),
  );
  return undefined;
};

/** A none intermediate throw event. */
export const intermediateThrowEvent: ElementHandler = (element, context) => {
  const [definition] = eventDefinitions(element);
  if (definition !== undefined) {
    context.problems.push(unsupported(element, definition.$type));
    return undefined;
  }
  return { ...baseDraft(element, 'intermediateThrowEvent', context), eventKind: 'none' };
};

/** The error code an error boundary event catches (undefined: every error), checked like real Zeebe. */
function caughtErrorCode(element: ModdleNode, definition: ModdleNode, problems: Problem[]): string | undefined {
  if (flag(element, 'cancelActivity') === false) {
    problems.push(problemAt(element, 'Non-Interrupting event of this type is not allowed'));
  }
  const error = child(definition, 'errorRef');
  const errorCode = error === undefined ? undefined : text(error, 'errorCode');
  if (errorCode?.startsWith('=') === true) {
    problems.push(problemAt(definition, 'The errorCode of the error catch event is not allowed to be an expression'));
  }
  return errorCode === '' ? undefined : errorCode;
}

/** An interrupting error boundary event attached to an activity. */
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
  if (definition.$type !== 'bpmn:ErrorEventDefinition') {
    context.problems.push(
      ZEEBE_BOUNDARY_DEFINITIONS.has(definition.$type)
        ? unsupported(element, definition.$type)
        : problemAt(element, 'Boundary events must be one of: timer, message, error, signal, escalation'),
    );
    return undefined;
  }
  const errorCode = caughtErrorCode(element, definition, context.problems);
  return {
    ...baseDraft(element, 'boundaryEvent', context),
    ...opt('attachedTo', attachedTo),
    cancelActivity: true,
    eventKind: 'error',
    ...opt('errorCode', errorCode),
  };
};
