/**
 * Reads the message, signal, timer and error event definitions of catch and throw events, checked like real
 * Zeebe's `MessageValidator`, `ZeebeSubscriptionValidator`, `SignalValidator`, `TimerEventDefinitionValidator`
 * and `ErrorEventDefinitionValidator`.
 */
import type { FlowNode, MessageDefinition, TimerDefinition } from '../types.js';
import { verifyExpression, feelBody } from '../feel.js';
import { child, parentOf, text, type ModdleNode } from '../moddle-node.js';
import { evaluateTimerValue } from '../../feel/index.js';
import { problemAt, type Problem } from '../problems.js';
import { opt } from './draft.js';
import { extensions } from './elements.js';

/** What a catch event's definition adds to its node. */
export type EventFields = Pick<FlowNode, 'eventKind' | 'message' | 'signalName' | 'timer' | 'errorCode' | 'escalationCode' | 'linkName' | 'compensationHandler' | 'compensationActivity'>;

/**
 * Which timer types a place allows, and the problem when another is used, reported on the event unless `problemOn`
 * names another element (as Zeebe's validators do). `evaluatedAtDeploy`: a process's timer start event, whose FEEL
 * expression Zeebe evaluates at deployment too, without variables.
 */
export interface TimerRule {
  readonly allowed: readonly TimerDefinition['type'][];
  readonly problem: string;
  readonly problemOn?: (definition: ModdleNode) => ModdleNode;
  readonly evaluatedAtDeploy?: boolean;
}

/** The event an event definition belongs to. */
export const eventOf = (definition: ModdleNode): ModdleNode => parentOf(definition) ?? definition;

/** Any timer type. */
export const ANY_TIMER: TimerRule = { allowed: ['duration', 'date', 'cycle'], problem: '' };

const isPresent = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * The message a definition (or receive task) references. `withSubscription`: catch events, receive tasks and
 * event subprocess starts need a `zeebe:subscription` correlation key; process start events do not.
 */
export function readMessage(owner: ModdleNode, withSubscription: boolean, problems: Problem[]): MessageDefinition | undefined {
  const message = child(owner, 'messageRef');
  if (message === undefined) {
    problems.push(problemAt(owner, 'Must reference a message'));
    return undefined;
  }
  const name = text(message, 'name');
  if (!isPresent(name)) problems.push(problemAt(message, 'Name must be present and not empty'));
  problems.push(...verifyExpression(name, { mandatory: false, nonStatic: false }).map((m) => problemAt(message, m)));
  if (!withSubscription) return { name: name ?? '' };
  const subscriptions = extensions(message, 'zeebe:Subscription');
  const [subscription] = subscriptions;
  if (subscriptions.length !== 1 || subscription === undefined) {
    problems.push(problemAt(message, 'Must have exactly one zeebe:subscription extension element'));
    return undefined;
  }
  const correlationKey = text(subscription, 'correlationKey');
  problems.push(...verifyExpression(correlationKey, { mandatory: true, nonStatic: true }).map((m) => problemAt(subscription, m)));
  return { name: name ?? '', ...opt('correlationKey', correlationKey) };
}

/** The name of the signal a definition references. */
export function readSignal(definition: ModdleNode, problems: Problem[]): string | undefined {
  const signal = child(definition, 'signalRef');
  if (signal === undefined) {
    problems.push(problemAt(definition, 'Must reference a signal'));
    return undefined;
  }
  const name = text(signal, 'name');
  if (!isPresent(name)) problems.push(problemAt(signal, 'Name must be present and not empty'));
  problems.push(...verifyExpression(name, { mandatory: false, nonStatic: false }).map((m) => problemAt(signal, m)));
  return name ?? '';
}

const TIMER_PROPERTIES: readonly (readonly [string, TimerDefinition['type']])[] = [
  ['timeDuration', 'duration'],
  ['timeDate', 'date'],
  ['timeCycle', 'cycle'],
];

/** The timer of a definition: exactly one of timeDuration, timeDate, timeCycle, of a type the place allows. */
export function readTimer(definition: ModdleNode, rule: TimerRule, problems: Problem[]): TimerDefinition | undefined {
  const present = TIMER_PROPERTIES.filter(([property]) => child(definition, property) !== undefined);
  const [found] = present;
  if (present.length !== 1 || found === undefined) {
    problems.push(problemAt(definition, 'Must be exactly one type of timer: timeDuration, timeDate or timeCycle'));
    return undefined;
  }
  const [property, type] = found;
  const expression = child(definition, property);
  const value = (expression === undefined ? '' : (text(expression, 'body') ?? '')).trim();
  if (!rule.allowed.includes(type)) {
    problems.push(problemAt((rule.problemOn ?? eventOf)(definition), rule.problem));
    return undefined;
  }
  const isStatic = feelBody(value) === undefined;
  const messages = isStatic ? [] : verifyExpression(value, { mandatory: true, nonStatic: false });
  problems.push(...messages.map((m) => problemAt(definition, m)));
  if (messages.length === 0 && (isStatic || rule.evaluatedAtDeploy === true)) problems.push(...evaluateAtDeploy(definition, type, value));
  return { type, value };
}

/**
 * A timer value evaluated as at deployment, without variables (Zeebe's TimerCatchEventExpressionValidator): a static
 * value on every catch event, a FEEL expression on a process's timer start event; a failure is reported on the event.
 * A cycle that does not parse keeps this engine's reason inside Zeebe's wrapper (Zeebe's is a Java parser's).
 */
function evaluateAtDeploy(definition: ModdleNode, type: TimerDefinition['type'], value: string): Problem[] {
  const evaluated = evaluateTimerValue(type, value, {});
  return evaluated.ok ? [] : [problemAt(eventOf(definition), `Invalid timer ${type} expression (${evaluated.error})`)];
}

/** The error code an error throw event throws (static or a FEEL expression). */
export function readThrownError(definition: ModdleNode, problems: Problem[]): string | undefined {
  const error = child(definition, 'errorRef');
  if (error === undefined) {
    problems.push(problemAt(definition, 'Must reference an error'));
    return undefined;
  }
  const errorCode = text(error, 'errorCode');
  if (!isPresent(errorCode)) {
    problems.push(problemAt(definition, 'ErrorCode must be present and not empty'));
    return undefined;
  }
  problems.push(...verifyExpression(errorCode, { mandatory: true, nonStatic: false }).map((m) => problemAt(error, m)));
  return errorCode;
}

/** The error code an error catch event catches (undefined: every error); an expression is not allowed. */
export function readCaughtError(definition: ModdleNode, problems: Problem[]): string | undefined {
  const error = child(definition, 'errorRef');
  const errorCode = error === undefined ? undefined : text(error, 'errorCode');
  if (errorCode?.startsWith('=') === true) {
    problems.push(problemAt(definition, 'The errorCode of the error catch event is not allowed to be an expression'));
  }
  return errorCode === '' ? undefined : errorCode;
}

/** The fields of a message, signal or timer catch definition; undefined for another definition type. */
export function readCatchDefinition(definition: ModdleNode, timers: TimerRule, withSubscription: boolean, problems: Problem[]): EventFields | undefined {
  switch (definition.$type) {
    case 'bpmn:MessageEventDefinition':
      return { eventKind: 'message', ...opt('message', readMessage(definition, withSubscription, problems)) };
    case 'bpmn:SignalEventDefinition':
      return { eventKind: 'signal', ...opt('signalName', readSignal(definition, problems)) };
    case 'bpmn:TimerEventDefinition':
      return { eventKind: 'timer', ...opt('timer', readTimer(definition, timers, problems)) };
    default:
      return undefined;
  }
}
