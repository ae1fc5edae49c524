/** Compensation events and handlers: one accepted and one rejected model per rule, worded as real Zeebe 8.5 words them. */
import assert from 'node:assert/strict';

import { acceptedProcess, definitions, end, flow, process, serviceTask, start, subProcess, taskDefinition } from './bpmn-builders.js';
import { describeRules, type RuleCase } from './rule-case.js';

const compensate = (id: string, attributes = ''): string => `<bpmn:compensateEventDefinition id="${id}"${attributes}/>`;
const boundary = (id: string, attachedTo: string): string =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}">${compensate(`${id}_def`)}</bpmn:boundaryEvent>`;
const association = (source: string, target: string): string => `<bpmn:association id="${source}_to_${target}" sourceRef="${source}" targetRef="${target}"/>`;
const handler = (id: string, type = 'bpmn:serviceTask', inner = `<bpmn:extensionElements>${taskDefinition('undo')}</bpmn:extensionElements>`): string =>
  `<${type} id="${id}" isForCompensation="true">${inner}</${type}>`;
const throwEvent = (id: string, attributes = ''): string => `<bpmn:intermediateThrowEvent id="${id}">${compensate(`${id}_def`, attributes)}</bpmn:intermediateThrowEvent>`;

/** start → A → X (the compensation throw or end event) → end, A with a compensation boundary event B and its handler U. */
const compensable = (x: string, ...more: string[]): string => definitions(process('p',
  start(), serviceTask('A'), x, end(), boundary('B', 'A'), handler('U'), association('B', 'U'),
  flow('f1', 'start', 'A'), flow('f2', 'A', 'X'), flow('f3', 'X', 'end'), ...more));
/** The same without the flow out of X (an end event). */
const ending = (x: string): string => definitions(process('p',
  start(), serviceTask('A'), x, boundary('B', 'A'), handler('U'), association('B', 'U'), flow('f1', 'start', 'A'), flow('f2', 'A', 'X')));
/** An event subprocess `ES` of `scope`'s contents, started by `definition`, with a compensation throw event `X` inside. */
const eventSubprocess = (definition: string, xAttributes = ''): string =>
  `<bpmn:subProcess id="ES" triggeredByEvent="true"><bpmn:startEvent id="es0">${definition}</bpmn:startEvent>${throwEvent('X', xAttributes)}` +
  `<bpmn:endEvent id="es9"/>${flow('es1', 'es0', 'X')}${flow('es2', 'X', 'es9')}</bpmn:subProcess>`;
const errorStart = '<bpmn:errorEventDefinition id="err"/>';
/** start → A (compensable) → end, and an error event subprocess whose throw event X has the given attributes. */
const fromEventSubprocess = (xAttributes: string): string => definitions(process('p',
  start(), serviceTask('A'), end(), boundary('B', 'A'), handler('U'), association('B', 'U'), flow('f1', 'start', 'A'), flow('f2', 'A', 'end'),
  eventSubprocess(errorStart, xAttributes)));
/** A handler U with the given extra elements around it. */
const withHandler = (u: string, ...more: string[]): string => compensable(throwEvent('X'), ...more).replace(handler('U'), u);

const CASES: readonly RuleCase[] = [
  {
    rule: 'a compensation boundary event has an association to its handler',
    accepted: compensable(throwEvent('X')),
    rejected: compensable(throwEvent('X')).replace(association('B', 'U'), ''),
    element: 'B',
    message: 'Compensation boundary events must have a compensation association and no outgoing sequence flows',
  },
  {
    rule: 'a compensation boundary event has no outgoing flows',
    accepted: compensable(throwEvent('X')),
    rejected: compensable(throwEvent('X'), end('e2'), flow('f4', 'B', 'e2')),
    element: 'B',
    message: 'Compensation boundary events must have a compensation association and no outgoing sequence flows',
  },
  {
    rule: "(this engine's own) the association leads to an activity marked isForCompensation",
    accepted: compensable(throwEvent('X')),
    rejected: compensable(throwEvent('X')).replace(handler('U'), serviceTask('U')),
    element: 'B',
    message: "The compensation association must lead to an activity marked isForCompensation, but 'U' is not one",
  },
  {
    rule: 'a compensation handler has no incoming flows',
    accepted: withHandler(handler('U')),
    rejected: withHandler(handler('U'), flow('f9', 'start', 'U')),
    element: 'U',
    message: 'A compensation handler should have no incoming sequence flows',
  },
  {
    rule: 'a compensation handler has no outgoing flows',
    accepted: withHandler(handler('U')),
    rejected: withHandler(handler('U'), end('e2'), flow('f9', 'U', 'e2')),
    element: 'U',
    message: 'A compensation handler should have no outgoing sequence flows',
  },
  {
    rule: 'a compensation handler has no boundary events',
    accepted: withHandler(handler('U')),
    rejected: withHandler(handler('U'), '<bpmn:boundaryEvent id="UB" attachedToRef="U"><bpmn:timerEventDefinition id="ut"><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>', end('e2'), flow('f9', 'UB', 'e2')),
    element: 'U',
    message: 'A compensation handler should have no boundary events',
  },
  {
    rule: 'a compensation handler task is a service, user, send, script, manual or undefined task',
    accepted: withHandler(handler('U', 'bpmn:manualTask', '')),
    rejected: withHandler(handler('U', 'bpmn:receiveTask', '')),
    element: 'U',
    message: 'Compensation task must be one of: service task, user task, send task, script task, manual task, or undefined task.',
  },
  {
    rule: 'a compensation intermediate throw event waits for completion',
    accepted: compensable(throwEvent('X', ' waitForCompletion="true"')),
    rejected: compensable(throwEvent('X', ' waitForCompletion="false"')),
    element: 'X',
    message: 'A compensation intermediate throwing event waitForCompletion attribute must be true or not present',
  },
  {
    rule: 'a compensation end event waits for completion',
    accepted: ending(end('X', compensate('X_def'))),
    rejected: ending(end('X', compensate('X_def', ' waitForCompletion="false"'))),
    element: 'X',
    message: 'A compensation end event waitForCompletion attribute must be true or not present',
  },
  {
    rule: 'an activityRef names an existing activity',
    accepted: compensable(throwEvent('X', ' activityRef="A"')),
    rejected: compensable(throwEvent('X', ' activityRef="nowhere"')),
    element: 'X_def',
    message: "The referenced compensation activity 'nowhere' doesn't exist",
  },
  {
    rule: 'an activityRef names an activity with a compensation boundary event, or a subprocess',
    accepted: compensable(throwEvent('X', ' activityRef="S"'), subProcess('S', start('s0'), end('s9'), flow('s1', 's0', 's9'))),
    rejected: compensable(throwEvent('X', ' activityRef="T"'), serviceTask('T')),
    element: 'X_def',
    message: "The referenced compensation activity 'T' must have either a compensation boundary event or be a subprocess",
  },
  {
    rule: 'an activityRef names an activity of the throw event scope (from an event subprocess: of the scope around it)',
    accepted: fromEventSubprocess(' activityRef="A"'),
    rejected: compensable(throwEvent('X', ' activityRef="I"'),
      subProcess('S', start('s0'), serviceTask('I'), end('s9'), boundary('IB', 'I'), handler('IU'), association('IB', 'IU'), flow('s1', 's0', 'I'), flow('s2', 'I', 's9'))),
    element: 'X_def',
    message: "The referenced compensation activity 'I' must be in the same scope as the compensation throw event",
  },
  {
    rule: 'an event subprocess is not started by a compensation start event (no compensation event subprocesses in 8.5)',
    accepted: definitions(process('p', start(), end(), flow('f1', 'start', 'end'),
      subProcess('S', start('s0'), end('s9'), flow('s1', 's0', 's9'), eventSubprocess(errorStart)))),
    rejected: definitions(process('p', start(), end(), flow('f1', 'start', 'end'),
      subProcess('S', start('s0'), end('s9'), flow('s1', 's0', 's9'), eventSubprocess(compensate('cs'))))),
    element: 'ES',
    message: 'Start events in event subprocesses must be one of: message, timer, error, signal or escalation',
  },
  {
    rule: 'a compensation event subprocess is not on the process level',
    accepted: fromEventSubprocess(''),
    rejected: definitions(process('p', start(), end(), flow('f1', 'start', 'end'), eventSubprocess(compensate('cs')))),
    element: 'ES',
    message: 'A compensation event subprocess is not allowed on the process level',
  },
];

describeRules('BPMN rules: compensation events and handlers', CASES);

describe('BPMN compensation: what the model keeps', () => {
  it("keeps a boundary event's handler, a throw event's activity and the handler's marker", async () => {
    const p = await acceptedProcess(compensable(throwEvent('X', ' activityRef="A"')));
    assert.equal(p.elements.get('B')?.eventKind, 'compensation');
    assert.equal(p.elements.get('B')?.compensationHandler, 'U');
    assert.equal(p.elements.get('X')?.compensationActivity, 'A');
    assert.equal(p.elements.get('U')?.isForCompensation, true);
  });

  it('accepts subprocesses, call activities and multi-instance activities as handlers', async () => {
    const call = '<bpmn:extensionElements><zeebe:calledElement processId="undo"/></bpmn:extensionElements>';
    const loop = `<bpmn:extensionElements>${taskDefinition('undo')}</bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>`;
    for (const u of [
      handler('U', 'bpmn:subProcess', `${start('u0')}${end('u9')}${flow('u1', 'u0', 'u9')}`),
      handler('U', 'bpmn:callActivity', call),
      handler('U', 'bpmn:serviceTask', loop),
    ]) {
      const p = await acceptedProcess(withHandler(u));
      assert.equal(p.elements.get('U')?.isForCompensation, true);
    }
  });
});
