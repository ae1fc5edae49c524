/** Link and escalation events: one accepted and one rejected model per rule, worded as real Zeebe 8.5 words them. */
import assert from 'node:assert/strict';

import { acceptedProcess, definitions, end, esc, flow, process, serviceTask, start, subProcess } from './bpmn-builders.js';
import { describeRules, type RuleCase } from './rule-case.js';

const linkThrow = (id: string, name?: string): string =>
  `<bpmn:intermediateThrowEvent id="${id}"><bpmn:linkEventDefinition id="${id}_def"${name === undefined ? '' : ` name="${name}"`}/></bpmn:intermediateThrowEvent>`;
const linkCatch = (id: string, name: string): string =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:linkEventDefinition id="${id}_def" name="${name}"/></bpmn:intermediateCatchEvent>`;
/** start → throw link `T` … catch link `C` → end, directly in process `p`; `more` are further elements. */
const linked = (throwName: string | undefined, catchName: string, ...more: string[]): string =>
  definitions(process('p', start(), linkThrow('T', throwName), linkCatch('C', catchName), end(), flow('f1', 'start', 'T'), flow('f2', 'C', 'end'), ...more));
const innerLinks = (...elements: string[]): string => subProcess('S', start('s0'), ...elements, end('s9'));

const escalation = (id: string, code?: string): string =>
  `<bpmn:escalation id="${id}"${code === undefined ? '' : ` escalationCode="${esc(code)}"`}/>`;
const escalationDefinition = (id: string, ref?: string): string =>
  `<bpmn:escalationEventDefinition id="${id}"${ref === undefined ? '' : ` escalationRef="${ref}"`}/>`;
/** start → subprocess `S` (throwing `esc` at its end event `E`) → end, with the boundary events given. */
const withSubprocess = (boundaries: readonly string[], ...roots: string[]): string =>
  definitions(
    process('p', start(), subProcess('S', start('s0'), end('E', escalationDefinition('ed', 'esc')), flow('s1', 's0', 'E')), end(), flow('f1', 'start', 'S'), flow('f2', 'S', 'end'), ...boundaries),
    ...roots,
  );
const boundary = (id: string, attachedTo: string, ref?: string, interrupting = true): string =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}">${escalationDefinition(`${id}_def`, ref)}</bpmn:boundaryEvent>`;
const eventSubprocess = (id: string, ref?: string, interrupting = true): string =>
  `<bpmn:subProcess id="${id}" triggeredByEvent="true"><bpmn:startEvent id="${id}_start" isInterrupting="${interrupting}">${escalationDefinition(`${id}_def`, ref)}</bpmn:startEvent>` +
  `<bpmn:endEvent id="${id}_end"/><bpmn:sequenceFlow id="${id}_f" sourceRef="${id}_start" targetRef="${id}_end"/></bpmn:subProcess>`;
const throwing = (inner: string, ...roots: string[]): string =>
  definitions(process('p', start(), end('E', inner), flow('f1', 'start', 'E')), ...roots);
const CATCH_ALL = 'The same scope can not contain more than one escalation catch event without escalation code. An escalation catch event without escalation code catches all escalations.';

const CASES: readonly RuleCase[] = [
  {
    rule: 'a link has a name',
    accepted: linked('a', 'a'),
    rejected: linked(undefined, 'a'),
    element: 'T_def',
    message: 'Link name must be present and not empty.',
  },
  {
    rule: 'a throw link has a catch link of the same name',
    accepted: linked('a', 'a'),
    rejected: linked('a', 'b'),
    element: 'p',
    message: "Can't find an catch link event for the throw link event with the name 'a'.",
  },
  {
    rule: "the catch link is in the throw link's own scope, not in a subprocess of it",
    accepted: linked('a', 'a', innerLinks(linkThrow('T2', 'b'), linkCatch('C2', 'b'))),
    rejected: linked('a', 'b', innerLinks(linkCatch('C2', 'a'))),
    element: 'p',
    message: "Can't find an catch link event for the throw link event with the name 'a'.",
  },
  {
    rule: 'a subprocess checks its own throw links',
    accepted: linked('a', 'a', innerLinks(linkThrow('T2', 'b'), linkCatch('C2', 'b'))),
    rejected: linked('a', 'a', innerLinks(linkThrow('T2', 'b'))),
    element: 'S',
    message: "Can't find an catch link event for the throw link event with the name 'b'.",
  },
  {
    rule: "catch link names are unique in a scope, its subprocesses' included",
    accepted: linked('a', 'a', innerLinks(linkCatch('C2', 'b'))),
    rejected: linked('a', 'a', innerLinks(linkCatch('C2', 'a'))),
    element: 'p',
    message: "Multiple intermediate catch link event definitions with the same name 'a' are not allowed.",
  },
  {
    rule: 'an escalation throw event references an escalation',
    accepted: throwing(escalationDefinition('ed', 'esc'), escalation('esc', 'LATE')),
    rejected: throwing(escalationDefinition('ed')),
    element: 'ed',
    message: 'Must reference an escalation',
  },
  {
    rule: 'a thrown escalation has a code (static or an expression)',
    accepted: throwing(escalationDefinition('ed', 'esc'), escalation('esc', '=code')),
    rejected: throwing(escalationDefinition('ed', 'esc'), escalation('esc')),
    element: 'esc',
    message: 'EscalationCode must be present and not empty',
  },
  {
    rule: "a caught escalation's code is not an expression",
    accepted: withSubprocess([boundary('B', 'S', 'esc')], escalation('esc', 'LATE')),
    rejected: withSubprocess([boundary('B', 'S', 'esc')], escalation('esc', '=code')),
    element: 'B_def',
    message: 'The escalationCode of the escalation catch event is not allowed to be an expression',
  },
  {
    rule: 'an escalation boundary event is attached to a subprocess or a call activity',
    accepted: withSubprocess([boundary('B', 'S')], escalation('esc', 'LATE')),
    rejected: definitions(process('p', start(), serviceTask('T'), end(), flow('f1', 'start', 'T'), flow('f2', 'T', 'end'), boundary('B', 'T')), escalation('esc', 'LATE')),
    element: 'B',
    message: 'An escalation boundary event should only be attached to a subprocess, or a call activity.',
  },
  {
    rule: 'an activity has one escalation boundary event per code',
    accepted: withSubprocess([boundary('B', 'S', 'esc'), boundary('B2', 'S', 'other', false)], escalation('esc', 'LATE'), escalation('other', 'EARLY')),
    rejected: withSubprocess([boundary('B', 'S', 'esc'), boundary('B2', 'S', 'other', false)], escalation('esc', 'LATE'), escalation('other', 'LATE')),
    element: 'S',
    message: "Multiple escalation catch events with the same escalation code 'LATE' are not supported on the same scope.",
  },
  {
    rule: 'an activity has at most one catch-all escalation boundary event',
    accepted: withSubprocess([boundary('B', 'S'), boundary('B2', 'S', 'esc', false)], escalation('esc', 'LATE')),
    rejected: withSubprocess([boundary('B', 'S'), boundary('B2', 'S', undefined, false)], escalation('esc', 'LATE')),
    element: 'S',
    message: CATCH_ALL,
  },
  {
    rule: 'a scope has one escalation event subprocess per code',
    accepted: withSubprocess([eventSubprocess('ES1', 'esc'), eventSubprocess('ES2', undefined, false)], escalation('esc', 'LATE')),
    rejected: withSubprocess([eventSubprocess('ES1', 'esc'), eventSubprocess('ES2', 'esc', false)], escalation('esc', 'LATE')),
    element: 'p',
    message: "Multiple escalation catch events with the same escalation code 'LATE' are not supported on the same scope.",
  },
];

describeRules('BPMN rules: link and escalation events', CASES);

describe('BPMN link and escalation events: what the model keeps', () => {
  it('keeps the link name of throw and catch links', async () => {
    const p = await acceptedProcess(linked('a', 'a'));
    assert.deepEqual([p.elements.get('T')?.eventKind, p.elements.get('T')?.linkName], ['link', 'a']);
    assert.deepEqual([p.elements.get('C')?.eventKind, p.elements.get('C')?.linkName], ['link', 'a']);
  });

  it('keeps a thrown code expression, a caught code, a catch-all and a code-less escalation apart', async () => {
    const roots = [escalation('esc', '="LATE-" + kind'), escalation('late', 'LATE'), escalation('none')];
    const p = await acceptedProcess(withSubprocess([boundary('B1', 'S', 'late', false), boundary('B2', 'S'), eventSubprocess('ES', 'none', false)], ...roots));
    assert.equal(p.elements.get('E')?.escalationCode, '="LATE-" + kind');
    assert.equal(p.elements.get('B1')?.escalationCode, 'LATE');
    assert.equal(p.elements.get('B1')?.cancelActivity, false);
    assert.equal(p.elements.get('B2')?.escalationCode, '', 'no escalation: catches every escalation');
    assert.equal(p.elements.get('ES_start')?.escalationCode, undefined, 'an escalation without a code: catches none');
    assert.equal(p.elements.get('ES_start')?.interrupting, false);
  });
});
