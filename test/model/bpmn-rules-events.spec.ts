/** Message, signal, timer and error events, receive tasks, event-based gateways and event subprocesses: one accepted and one rejected model per rule. */
import assert from 'node:assert/strict';

import { acceptedProcess, around, definitions, end, extensionElements, flow, model, process, serviceTask, start, taskDefinition } from './bpmn-builders.js';
import { describeRules, type RuleCase } from './rule-case.js';

const subscription = (key = '=orderId'): string => extensionElements(`<zeebe:subscription correlationKey="${key}"/>`);
const message = (inner = subscription(), name = 'order-paid'): string => `<bpmn:message id="msg" name="${name}">${inner}</bpmn:message>`;
const messageRef = '<bpmn:messageEventDefinition id="md" messageRef="msg"/>';
const timer = (type: string, value: string): string => `<bpmn:timerEventDefinition id="td"><bpmn:${type}>${value}</bpmn:${type}></bpmn:timerEventDefinition>`;
const catchEvent = (inner: string): string => `<bpmn:intermediateCatchEvent id="C">${inner}</bpmn:intermediateCatchEvent>`;
const withCatch = (inner: string, ...roots: string[]): string => definitions(process('p', ...around('C', catchEvent(inner))), ...roots);
const boundary = (inner: string, interrupting = true): string =>
  `<bpmn:boundaryEvent id="B" attachedToRef="T" cancelActivity="${interrupting}">${inner}</bpmn:boundaryEvent>`;
const withBoundary = (inner: string, interrupting = true, ...roots: string[]): string =>
  definitions(process('p', ...around('T', serviceTask('T', taskDefinition())), boundary(inner, interrupting), end('be'), flow('fb', 'B', 'be')), ...roots);
const eventSubprocess = (startInner: string, interrupting = true): string =>
  `<bpmn:subProcess id="S" triggeredByEvent="true"><bpmn:startEvent id="ss" isInterrupting="${interrupting}">${startInner}</bpmn:startEvent>` +
  '<bpmn:endEvent id="se"/><bpmn:sequenceFlow id="sf" sourceRef="ss" targetRef="se"/></bpmn:subProcess>';
const withEventSubprocess = (startInner: string, interrupting = true, ...roots: string[]): string =>
  definitions(process('p', start(), end(), flow('f', 'start', 'end'), eventSubprocess(startInner, interrupting)), ...roots);
const gateway = (...targets: string[]): string =>
  definitions(
    process('p', start(), '<bpmn:eventBasedGateway id="G"/>', flow('f0', 'start', 'G'),
      ...targets.flatMap((t, i) => [t, flow(`fg${i}`, 'G', `t${i}`), end(`e${i}`), flow(`fe${i}`, `t${i}`, `e${i}`)])),
    message(),
  );
const timerCatch = (id: string): string => `<bpmn:intermediateCatchEvent id="${id}">${timer('timeDuration', 'PT1M')}</bpmn:intermediateCatchEvent>`;
const messageCatch = (id: string): string => `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition id="m${id}" messageRef="msg"/></bpmn:intermediateCatchEvent>`;

const CASES: readonly RuleCase[] = [
  {
    rule: 'a message catch event references a message',
    accepted: withCatch(messageRef, message()),
    rejected: withCatch('<bpmn:messageEventDefinition id="md"/>'),
    element: 'md',
    message: 'Must reference a message',
  },
  {
    rule: 'a message waited for by a catch event has a zeebe:subscription',
    accepted: withCatch(messageRef, message()),
    rejected: withCatch(messageRef, message('')),
    element: 'msg',
    message: 'Must have exactly one zeebe:subscription extension element',
  },
  {
    rule: 'a subscription correlation key is an expression',
    accepted: withCatch(messageRef, message(subscription('=orderId'))),
    rejected: withCatch(messageRef, message(subscription('orderId'))),
    element: 'msg > extensionElements > subscription',
    message: "Expected expression but found static value 'orderId'",
  },
  {
    rule: 'a message has a name',
    accepted: withCatch(messageRef, message()),
    rejected: withCatch(messageRef, message(subscription(), '')),
    element: 'msg',
    message: 'Name must be present and not empty',
  },
  {
    rule: 'a receive task references a message',
    accepted: definitions(process('p', ...around('R', '<bpmn:receiveTask id="R" messageRef="msg"/>')), message()),
    rejected: model(...around('R', '<bpmn:receiveTask id="R"/>')),
    element: 'R',
    message: 'Must reference a message',
  },
  {
    rule: 'an intermediate timer catch event has a duration or a date, not a cycle',
    accepted: withCatch(timer('timeDuration', 'PT10S')),
    rejected: withCatch(timer('timeCycle', 'R3/PT10S')),
    element: 'C',
    message: 'Intermediate timer catch event must have either a time duration or a time date.',
  },
  {
    rule: "a static timer duration is an ISO-8601 duration, evaluated at deploy on the event (Zeebe's TimerCatchEventExpressionValidator)",
    accepted: withCatch(timer('timeDuration', 'P1DT2H')),
    rejected: withCatch(timer('timeDuration', 'ten seconds')),
    element: 'C',
    message: "Invalid timer duration expression (Invalid duration format 'ten seconds' for expression 'ten seconds'.)",
  },
  {
    rule: 'a static timer date is an ISO-8601 date-time with an offset',
    accepted: withCatch(timer('timeDate', '2030-01-01T10:00:00+01:00')),
    rejected: withCatch(timer('timeDate', 'tomorrow')),
    element: 'C',
    message: "Invalid timer date expression (Invalid date-time format 'tomorrow' for expression 'tomorrow'.)",
  },
  {
    rule: 'a static timer cycle is an ISO-8601 cycle or a cron expression',
    accepted: withBoundary(timer('timeCycle', '0 0 9-17 * * MON-FRI'), false),
    rejected: withBoundary(timer('timeCycle', '0 0 25 * * *'), false),
    element: 'B',
    message: "Invalid timer cycle expression (Invalid cycle '0 0 25 * * *' for expression '0 0 25 * * *': expected an ISO-8601 cycle or a cron expression; hour '25': 25 is not in 0-23)",
  },
  {
    rule: 'a timer start event takes a cron cycle, refused when it is not one',
    accepted: model(start('start', timer('timeCycle', '@daily')), end(), flow('f', 'start', 'end')),
    rejected: model(start('start', timer('timeCycle', '0 0 0 * * MON#6')), end(), flow('f', 'start', 'end')),
    element: 'start',
    message: "Invalid timer cycle expression (Invalid cycle '0 0 0 * * MON#6'",
  },
  {
    rule: 'a timer has exactly one of duration, date and cycle',
    accepted: withCatch(timer('timeDuration', 'PT1M')),
    rejected: withCatch('<bpmn:timerEventDefinition id="td"><bpmn:timeDuration>PT1M</bpmn:timeDuration><bpmn:timeDate>2030-01-01T10:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>'),
    element: 'td',
    message: 'Must be exactly one type of timer: timeDuration, timeDate or timeCycle',
  },
  {
    rule: "a process timer start event's FEEL expression is evaluated at deploy, without variables (Zeebe's TimerCatchEventExpressionValidator)",
    accepted: model(start('start', timer('timeCycle', '="R/P" + string(1) + "D"')), end(), flow('f', 'start', 'end')),
    rejected: model(start('start', timer('timeCycle', '=cycle')), end(), flow('f', 'start', 'end')),
    element: 'start',
    message: "Invalid timer cycle expression (Expected result of the expression 'cycle' to be 'STRING', but was 'NULL'.",
  },
  {
    rule: 'an interrupting timer boundary event has no cron cycle either',
    accepted: withBoundary(timer('timeCycle', '0 */5 * * * *'), false),
    rejected: withBoundary(timer('timeCycle', '0 */5 * * * *'), true),
    element: 'B',
    message: 'Interrupting timer event with time cycle is not allowed.',
  },
  {
    rule: 'an interrupting timer boundary event has no cycle',
    accepted: withBoundary(timer('timeCycle', 'R3/PT10S'), false),
    rejected: withBoundary(timer('timeCycle', 'R3/PT10S'), true),
    element: 'B',
    message: 'Interrupting timer event with time cycle is not allowed.',
  },
  {
    rule: 'an intermediate catch event waits for a message, timer, signal or link',
    accepted: withCatch('<bpmn:signalEventDefinition id="sd" signalRef="sig"/>', '<bpmn:signal id="sig" name="go"/>'),
    rejected: withCatch('<bpmn:escalationEventDefinition id="xd"/>'),
    element: 'C',
    message: 'Event definition must be one of: message, timer, signal, or link',
  },
  {
    rule: 'a signal event references a signal',
    accepted: withCatch('<bpmn:signalEventDefinition id="sd" signalRef="sig"/>', '<bpmn:signal id="sig" name="go"/>'),
    rejected: withCatch('<bpmn:signalEventDefinition id="sd"/>'),
    element: 'sd',
    message: 'Must reference a signal',
  },
  {
    rule: "an error end event's error has a code (reported on the definition, as Zeebe's ErrorEventDefinitionValidator does)",
    accepted: definitions(process('p', start(), end('E', '<bpmn:errorEventDefinition id="ed" errorRef="err"/>'), flow('f', 'start', 'E')), '<bpmn:error id="err" errorCode="failed"/>'),
    rejected: definitions(process('p', start(), end('E', '<bpmn:errorEventDefinition id="ed" errorRef="err"/>'), flow('f', 'start', 'E')), '<bpmn:error id="err"/>'),
    element: 'ed',
    message: 'ErrorCode must be present and not empty',
  },
  {
    rule: 'an error end event references an error with a code',
    accepted: definitions(process('p', start(), end('E', '<bpmn:errorEventDefinition id="ed" errorRef="err"/>'), flow('f', 'start', 'E')), '<bpmn:error id="err" errorCode="failed"/>'),
    rejected: model(start(), end('E', '<bpmn:errorEventDefinition id="ed"/>'), flow('f', 'start', 'E')),
    element: 'ed',
    message: 'Must reference an error',
  },
  {
    rule: 'an event-based gateway has at least two outgoing flows',
    accepted: gateway(timerCatch('t0'), messageCatch('t1')),
    rejected: gateway(timerCatch('t0')),
    element: 'G',
    message: 'Event-based gateway must have at least 2 outgoing sequence flows.',
  },
  {
    rule: 'an event-based gateway leads only to message, timer or signal catch events',
    accepted: gateway(timerCatch('t0'), messageCatch('t1')),
    rejected: gateway(timerCatch('t0'), serviceTask('t1', taskDefinition())),
    element: 'G',
    message: 'Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events.',
  },
  {
    rule: 'an error event subprocess start event interrupts',
    accepted: withEventSubprocess('<bpmn:errorEventDefinition id="ee"/>', true),
    rejected: withEventSubprocess('<bpmn:errorEventDefinition id="ee"/>', false),
    element: 'S',
    message: 'Non-Interrupting event of this type is not allowed',
  },
  {
    rule: 'an interrupting timer event subprocess has no cycle',
    accepted: withEventSubprocess(timer('timeCycle', 'R/PT1M'), false),
    rejected: withEventSubprocess(timer('timeCycle', 'R/PT1M'), true),
    element: 'S',
    message: 'Interrupting timer event with time cycle is not allowed.',
  },
  {
    rule: 'an event subprocess starts with a typed start event',
    accepted: withEventSubprocess(timer('timeDuration', 'PT1M')),
    rejected: withEventSubprocess(''),
    element: 'S',
    message: 'Start events in event subprocesses must be one of: message, timer, error, signal or escalation',
  },
  {
    rule: 'a message end event is job-based: exactly one zeebe:taskDefinition',
    accepted: definitions(process('p', start(), end('E', `${extensionElements(taskDefinition('send'))}${messageRef}`), flow('f', 'start', 'E')), message()),
    rejected: definitions(process('p', start(), end('E', messageRef), flow('f', 'start', 'E')), message()),
    element: 'E',
    message: "Must have exactly one 'zeebe:taskDefinition' extension element",
  },
  {
    rule: 'a timer start event has a date or a cycle',
    accepted: model(start('start', timer('timeCycle', 'R/PT1H')), end(), flow('f', 'start', 'end')),
    rejected: model(start('start', timer('timeDuration', 'PT1H')), end(), flow('f', 'start', 'end')),
    element: 'td',
    message: 'Timer start event must have either a time date or a time cycle definition',
  },
];

describeRules('BPMN rules: message, signal, timer and error events', CASES);

describe('BPMN events: what the model keeps', () => {
  it('keeps the message name and correlation key expression of a catch event', async () => {
    const p = await acceptedProcess(withCatch(messageRef, message(subscription('=order.id'))));
    assert.deepEqual(p.elements.get('C')?.message, { name: 'order-paid', correlationKey: '=order.id' });
    assert.equal(p.elements.get('C')?.eventKind, 'message');
  });

  it('keeps a boundary event non-interrupting, and an event subprocess with its typed start event', async () => {
    const b = await acceptedProcess(withBoundary(timer('timeCycle', 'R2/PT1S'), false));
    assert.equal(b.elements.get('B')?.cancelActivity, false);
    assert.deepEqual(b.elements.get('B')?.timer, { type: 'cycle', value: 'R2/PT1S' });
    const s = await acceptedProcess(withEventSubprocess(timer('timeDuration', 'PT1M'), false));
    assert.equal(s.elements.get('S')?.triggeredByEvent, true);
    assert.deepEqual(s.elements.get('S')?.startEvents, ['ss']);
    assert.equal(s.elements.get('ss')?.interrupting, false);
  });

  it('has no none start event for a process that starts by message only', async () => {
    const p = await acceptedProcess(definitions(process('p', start('start', messageRef), end(), flow('f', 'start', 'end')), '<bpmn:message id="msg" name="go"/>'));
    assert.equal(p.noneStartEvent, undefined);
    assert.equal(p.elements.get('start')?.eventKind, 'message');
  });
});
