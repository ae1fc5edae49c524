/** Message and signal names that would make a subscription ambiguous (and error event subprocesses of one code): one accepted and one rejected model per rule. */
import assert from 'node:assert/strict';

import { accepted, definitions, end, error, extensionElements, flow, process, rejected, serviceTask, start, subProcess, taskDefinition } from './bpmn-builders.js';
import { describeRules, type RuleCase } from './rule-case.js';

const subscription = extensionElements('<zeebe:subscription correlationKey="=orderId"/>');
const message = (id: string, name: string): string => `<bpmn:message id="${id}" name="${name}">${subscription}</bpmn:message>`;
const signal = (id: string, name: string): string => `<bpmn:signal id="${id}" name="${name}"/>`;
const messageDefinition = (owner: string, ref: string): string => `<bpmn:messageEventDefinition id="md_${owner}" messageRef="${ref}"/>`;
const errorDefinition = (owner: string, ref: string): string => `<bpmn:errorEventDefinition id="ed_${owner}" errorRef="${ref}"/>`;
const signalDefinition = (owner: string, ref: string): string => `<bpmn:signalEventDefinition id="sd_${owner}" signalRef="${ref}"/>`;
/** A start event with the definition, leading to an end event of its own. */
const startedBy = (id: string, definition: (owner: string) => string): string[] =>
  [start(id, definition(id)), end(`end_${id}`), flow(`f_${id}`, id, `end_${id}`)];

/** A process started by two messages (or the same one twice). */
const twoMessageStarts = (first: string, second: string, ...roots: string[]): string =>
  definitions(process('p', ...startedBy('s1', (o) => messageDefinition(o, first)), ...startedBy('s2', (o) => messageDefinition(o, second))), ...roots);

const twoSignalStarts = (...roots: string[]): string =>
  definitions(process('p', ...startedBy('s1', (o) => signalDefinition(o, 'g1')), ...startedBy('s2', (o) => signalDefinition(o, 'g2'))), ...roots);

const boundary = (id: string, attachedTo: string, definition: string): string =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}">${definition}</bpmn:boundaryEvent>${end(`end_${id}`)}${flow(`f_${id}`, id, `end_${id}`)}`;
/** A service task with two boundary events. */
const twoBoundaries = (first: string, second: string, ...roots: string[]): string =>
  definitions(process('p', start(), serviceTask('T', taskDefinition()), end(), flow('f1', 'start', 'T'), flow('f2', 'T', 'end'),
    boundary('B1', 'T', first), boundary('B2', 'T', second)), ...roots);

/** An event-based gateway leading to two catch events. */
const gateway = (first: string, second: string, ...roots: string[]): string =>
  definitions(process('p', start(), '<bpmn:eventBasedGateway id="G"/>', flow('f0', 'start', 'G'),
    ...[first, second].flatMap((definition, i) => [
      `<bpmn:intermediateCatchEvent id="c${i}">${definition}</bpmn:intermediateCatchEvent>`, flow(`fg${i}`, 'G', `c${i}`), end(`e${i}`), flow(`fe${i}`, `c${i}`, `e${i}`),
    ])), ...roots);

const eventSubprocess = (id: string, definition: string): string =>
  `<bpmn:subProcess id="${id}" triggeredByEvent="true">${start(`${id}_start`, definition)}${end(`${id}_end`)}` +
  `${flow(`${id}_f`, `${id}_start`, `${id}_end`)}</bpmn:subProcess>`;
/** An embedded subprocess `sub` with two event subprocesses. */
const twoEventSubprocesses = (first: string, second: string, ...roots: string[]): string =>
  definitions(process('p', start(), subProcess('sub', start('ss'), end('se'), flow('sf', 'ss', 'se'), eventSubprocess('E1', first), eventSubprocess('E2', second)),
    end(), flow('f1', 'start', 'sub'), flow('f2', 'sub', 'end')), ...roots);

/** A receive task waiting for m1, with a message boundary event waiting for m2. */
const receiveTask = (...roots: string[]): string =>
  definitions(process('p', start(), '<bpmn:receiveTask id="R" messageRef="m1"/>', end(), flow('f1', 'start', 'R'), flow('f2', 'R', 'end'),
    boundary('B', 'R', messageDefinition('B', 'm2'))), ...roots);

const sameMessageName = (name: string): string => `Multiple message event definitions with the same name '${name}' are not allowed.`;
const sameSignalName = (name: string): string => `Multiple signal event definitions with the same name '${name}' are not allowed.`;

const CASES: readonly RuleCase[] = [
  {
    rule: "a process's signal start events wait for signals of different names",
    accepted: twoSignalStarts(signal('g1', 'go'), signal('g2', 'stop')),
    rejected: twoSignalStarts(signal('g1', 'go'), signal('g2', 'go')),
    element: 'p',
    message: sameSignalName('go'),
  },
  {
    rule: 'a message is referenced by one start event at most',
    accepted: twoMessageStarts('m1', 'm2', message('m1', 'a'), message('m2', 'b')),
    rejected: twoMessageStarts('m1', 'm1', message('m1', 'a')),
    element: 'm1',
    message: 'A message cannot be referred by more than one start event',
  },
  {
    rule: "an activity's message boundary events wait for messages of different names",
    accepted: twoBoundaries(messageDefinition('B1', 'm1'), messageDefinition('B2', 'm2'), message('m1', 'a'), message('m2', 'b')),
    rejected: twoBoundaries(messageDefinition('B1', 'm1'), messageDefinition('B2', 'm2'), message('m1', 'a'), message('m2', 'a')),
    element: 'T',
    message: sameMessageName('a'),
  },
  {
    rule: 'message names that are expressions are compared as written',
    accepted: twoBoundaries(messageDefinition('B1', 'm1'), messageDefinition('B2', 'm2'), message('m1', '=kind'), message('m2', '=other')),
    rejected: twoBoundaries(messageDefinition('B1', 'm1'), messageDefinition('B2', 'm2'), message('m1', '=kind'), message('m2', '=kind')),
    element: 'T',
    message: sameMessageName('=kind'),
  },
  {
    rule: "an activity's signal boundary events wait for signals of different names",
    accepted: twoBoundaries(signalDefinition('B1', 'g1'), signalDefinition('B2', 'g2'), signal('g1', 'go'), signal('g2', 'stop')),
    rejected: twoBoundaries(signalDefinition('B1', 'g1'), signalDefinition('B2', 'g1'), signal('g1', 'go')),
    element: 'T',
    message: sameSignalName('go'),
  },
  {
    rule: "an event-based gateway's message catch events wait for messages of different names",
    accepted: gateway(messageDefinition('c0', 'm1'), messageDefinition('c1', 'm2'), message('m1', 'a'), message('m2', 'b')),
    rejected: gateway(messageDefinition('c0', 'm1'), messageDefinition('c1', 'm2'), message('m1', 'a'), message('m2', 'a')),
    element: 'G',
    message: sameMessageName('a'),
  },
  {
    rule: "an event-based gateway's signal catch events wait for signals of different names",
    accepted: gateway(signalDefinition('c0', 'g1'), signalDefinition('c1', 'g2'), signal('g1', 'go'), signal('g2', 'stop')),
    rejected: gateway(signalDefinition('c0', 'g1'), signalDefinition('c1', 'g2'), signal('g1', 'go'), signal('g2', 'go')),
    element: 'G',
    message: sameSignalName('go'),
  },
  {
    rule: "a scope's message event subprocesses wait for messages of different names",
    accepted: twoEventSubprocesses(messageDefinition('E1', 'm1'), messageDefinition('E2', 'm2'), message('m1', 'a'), message('m2', 'b')),
    rejected: twoEventSubprocesses(messageDefinition('E1', 'm1'), messageDefinition('E2', 'm2'), message('m1', 'a'), message('m2', 'a')),
    element: 'sub',
    message: sameMessageName('a'),
  },
  {
    rule: "a scope's signal event subprocesses wait for signals of different names",
    accepted: twoEventSubprocesses(signalDefinition('E1', 'g1'), signalDefinition('E2', 'g2'), signal('g1', 'go'), signal('g2', 'stop')),
    rejected: twoEventSubprocesses(signalDefinition('E1', 'g1'), signalDefinition('E2', 'g2'), signal('g1', 'go'), signal('g2', 'go')),
    element: 'sub',
    message: sameSignalName('go'),
  },
  {
    rule: "a scope's error event subprocesses catch different codes (Zeebe's same check, run with the names)",
    accepted: twoEventSubprocesses(errorDefinition('E1', 'r1'), errorDefinition('E2', 'r2'), error('r1', 'x'), error('r2', 'y')),
    rejected: twoEventSubprocesses(errorDefinition('E1', 'r1'), errorDefinition('E2', 'r2'), error('r1', 'x'), error('r2', 'x')),
    element: 'sub',
    message: "Multiple error catch events with the same error code 'x' are not supported on the same scope.",
  },
  {
    rule: "a scope has one catch-all error event subprocess at most",
    accepted: twoEventSubprocesses('<bpmn:errorEventDefinition id="ed_E1"/>', errorDefinition('E2', 'r2'), error('r2', 'y')),
    rejected: twoEventSubprocesses('<bpmn:errorEventDefinition id="ed_E1"/>', '<bpmn:errorEventDefinition id="ed_E2"/>'),
    element: 'sub',
    message: 'The same scope can not contain more than one error catch event without error code. An error catch event without error code catches all errors.',
  },
  {
    rule: "a receive task's message boundary events wait for other message names than its own",
    accepted: receiveTask(message('m1', 'a'), message('m2', 'b')),
    rejected: receiveTask(message('m1', 'a'), message('m2', 'a')),
    element: 'R',
    message: 'Cannot reference the same message name as a boundary event',
  },
];

describeRules('BPMN rules: message and signal names', CASES);

describe('BPMN rules: message and signal names, what is not a duplicate', () => {
  it('reports a message referenced by two start events once, not as two definitions of the same name', async () => {
    const reason = await rejected(twoMessageStarts('m1', 'm1', message('m1', 'a')));
    assert.doesNotMatch(reason, /Multiple message event definitions/);
  });

  it('accepts two message start events whose messages share a name, as Zeebe 8.5.0 does', async () => {
    await accepted(twoMessageStarts('m1', 'm2', message('m1', 'a'), message('m2', 'a')));
  });
});
