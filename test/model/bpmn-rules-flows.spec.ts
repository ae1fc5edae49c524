/** Sequence flow, gateway, start/end event and scope rules: one accepted and one rejected model per rule. */
import {
  end, errorBoundary, exclusiveGateway, flow, model, parallelGateway, process, serviceTask, start, subProcess, task,
  definitions,
} from './bpmn-builders.js';
import { describeRules, type RuleCase } from './rule-case.js';

/** start → gateway g → a | b → end, with the two branch flows given. */
const split = (gateway: string, toA: string, toB: string, ...more: string[]): string =>
  model(start(), gateway, task('a'), task('b'), end(), flow('f0', 'start', 'g'), toA, toB,
    flow('fa', 'a', 'end'), flow('fb', 'b', 'end'), ...more);

const CASES: readonly RuleCase[] = [
  {
    rule: 'a sequence flow must have a source',
    accepted: model(start(), end(), flow('f', 'start', 'end')),
    rejected: model(start(), end(), '<bpmn:sequenceFlow id="f" targetRef="end"/>'),
    element: 'f',
    message: 'SequenceFlow is missing required attribute sourceRef',
  },
  {
    rule: 'a sequence flow must lead somewhere',
    accepted: model(start(), end(), flow('f', 'start', 'end')),
    rejected: model(start(), end(), flow('f', 'start', 'nowhere')),
    element: 'f',
    message: "SequenceFlow has targetRef 'nowhere'  which cannot be resolved",
  },
  {
    rule: 'a sequence flow must come from somewhere known',
    accepted: model(start(), end(), flow('f', 'start', 'end')),
    rejected: model(start(), end(), flow('f', 'ghost', 'end')),
    element: 'f',
    message: "SequenceFlow has sourceRef 'ghost' which cannot be resolved",
  },
  {
    rule: 'a sequence flow connects elements of its own scope',
    accepted: model(start(), subProcess('s', start('s1'), end('e1'), flow('fs', 's1', 'e1')), end(), flow('f1', 'start', 's'), flow('f2', 's', 'end')),
    rejected: model(start(), subProcess('s', start('s1'), end('e1'), flow('fs', 's1', 'end')), end(), flow('f1', 'start', 's'), flow('f2', 's', 'end')),
    element: 'fs',
    message: "SequenceFlow has targetRef 'end' which is not in the scope of the flow",
  },
  {
    rule: 'an exclusive gateway with several outgoing flows needs a condition or default on each',
    accepted: split(exclusiveGateway('g', 'f2'), flow('f1', 'g', 'a', '=x > 1'), flow('f2', 'g', 'b')),
    rejected: split(exclusiveGateway('g'), flow('f1', 'g', 'a', '=x > 1'), flow('f2', 'g', 'b')),
    element: 'f2',
    message: 'Must have a condition or be default flow',
  },
  {
    rule: 'a default flow must start at its gateway',
    accepted: split(exclusiveGateway('g', 'f2'), flow('f1', 'g', 'a', '=x > 1'), flow('f2', 'g', 'b')),
    rejected: split(exclusiveGateway('g', 'fa'), flow('f1', 'g', 'a', '=x > 1'), flow('f2', 'g', 'b', '=x <= 1')),
    element: 'g',
    message: 'Default flow must start at gateway',
  },
  {
    rule: 'a default flow must exist',
    accepted: split(exclusiveGateway('g', 'f2'), flow('f1', 'g', 'a', '=x > 1'), flow('f2', 'g', 'b')),
    rejected: split(exclusiveGateway('g', 'missing'), flow('f1', 'g', 'a', '=x > 1'), flow('f2', 'g', 'b', '=x <= 1')),
    element: 'g',
    message: "Default flow 'missing' cannot be resolved",
  },
  {
    rule: 'conditions only on flows leaving an exclusive gateway (task)',
    accepted: model(start(), task('t'), end(), flow('f1', 'start', 't'), flow('f2', 't', 'end')),
    rejected: model(start(), task('t'), end(), flow('f1', 'start', 't'), flow('f2', 't', 'end', '=x > 1')),
    element: 't',
    message: 'Conditional sequence flows are only supported at exclusive or inclusive gateway',
  },
  {
    rule: 'conditions only on flows leaving an exclusive gateway (parallel gateway)',
    accepted: split(parallelGateway('g'), flow('f1', 'g', 'a'), flow('f2', 'g', 'b')),
    rejected: split(parallelGateway('g'), flow('f1', 'g', 'a', '=x > 1'), flow('f2', 'g', 'b')),
    element: 'g',
    message: 'Conditional sequence flows are only supported at exclusive or inclusive gateway',
  },
  {
    rule: 'a process needs a start event',
    accepted: model(start(), end(), flow('f', 'start', 'end')),
    rejected: model(task('t'), end(), flow('f', 't', 'end')),
    element: 'p',
    message: 'Must have at least one start event',
  },
  {
    rule: 'at most one none start event per process',
    accepted: model(start(), end(), flow('f', 'start', 'end')),
    rejected: model(start('s1'), start('s2'), end(), flow('f1', 's1', 'end'), flow('f2', 's2', 'end')),
    element: 'p',
    message: 'Multiple none start events are not allowed',
  },
  {
    rule: 'a start event has no incoming flows (this engine)',
    accepted: model(start(), task('t'), end(), flow('f1', 'start', 't'), flow('f2', 't', 'end')),
    rejected: model(start(), task('t'), end(), flow('f1', 'start', 't'), flow('f2', 't', 'end'), flow('f3', 't', 'start')),
    element: 'start',
    message: 'Start events must not have incoming sequence flows',
  },
  {
    rule: 'an end event has no outgoing flows',
    accepted: model(start(), task('t'), end(), flow('f1', 'start', 't'), flow('f2', 't', 'end')),
    rejected: model(start(), task('t'), end(), flow('f1', 'start', 't'), flow('f2', 't', 'end'), flow('f3', 'end', 't')),
    element: 'end',
    message: 'End events must not have outgoing sequence flows to other elements.',
  },
  {
    rule: 'a subprocess has exactly one start event (none)',
    accepted: model(start(), subProcess('s', start('s1'), end('e1'), flow('fs', 's1', 'e1')), end(), flow('f1', 'start', 's'), flow('f2', 's', 'end')),
    rejected: model(start(), subProcess('s', task('t1')), end(), flow('f1', 'start', 's'), flow('f2', 's', 'end')),
    element: 's',
    message: 'Must have exactly one start event',
  },
  {
    rule: 'a subprocess has exactly one start event (two)',
    accepted: model(start(), subProcess('s', start('s1'), end('e1'), flow('fs', 's1', 'e1')), end(), flow('f1', 'start', 's'), flow('f2', 's', 'end')),
    rejected: model(start(), subProcess('s', start('s1'), start('s2'), end('e1'), flow('fs', 's1', 'e1'), flow('ft', 's2', 'e1')), end(), flow('f1', 'start', 's'), flow('f2', 's', 'end')),
    element: 's',
    message: 'Must have exactly one start event',
  },
  {
    rule: "a subprocess's start event is a none start event",
    accepted: model(start(), subProcess('s', start('s1'), end('e1'), flow('fs', 's1', 'e1')), end(), flow('f1', 'start', 's'), flow('f2', 's', 'end')),
    rejected: definitions(process('p', start(), subProcess('s', start('s1', '<bpmn:messageEventDefinition id="m" messageRef="msg"/>'), end('e1'), flow('fs', 's1', 'e1')), end(), flow('f1', 'start', 's'), flow('f2', 's', 'end')), '<bpmn:message id="msg" name="m"/>'),
    element: 's',
    message: 'Start events in subprocesses must be of type none',
  },
  {
    rule: 'a boundary event is attached to a known activity',
    accepted: model(start(), serviceTask('t'), end(), errorBoundary('b', 't'), end('e2'), flow('f1', 'start', 't'), flow('f2', 't', 'end'), flow('f3', 'b', 'e2')),
    rejected: model(start(), serviceTask('t'), end(), errorBoundary('b', 'unknown'), end('e2'), flow('f1', 'start', 't'), flow('f2', 't', 'end'), flow('f3', 'b', 'e2')),
    element: 'b',
    message: 'Must be attached to an activity',
  },
  {
    rule: 'a boundary event is attached to an activity, not a gateway',
    accepted: model(start(), serviceTask('t'), end(), errorBoundary('b', 't'), end('e2'), flow('f1', 'start', 't'), flow('f2', 't', 'end'), flow('f3', 'b', 'e2')),
    rejected: model(start(), exclusiveGateway('g'), end(), errorBoundary('b', 'g'), end('e2'), flow('f1', 'start', 'g'), flow('f2', 'g', 'end'), flow('f3', 'b', 'e2')),
    element: 'b',
    message: 'Must be attached to an activity',
  },
  {
    rule: 'a boundary event has no incoming flows',
    accepted: model(start(), serviceTask('t'), end(), errorBoundary('b', 't'), end('e2'), flow('f1', 'start', 't'), flow('f2', 't', 'end'), flow('f3', 'b', 'e2')),
    rejected: model(start(), serviceTask('t'), end(), errorBoundary('b', 't'), end('e2'), flow('f1', 'start', 't'), flow('f2', 't', 'end'), flow('f3', 'b', 'e2'), flow('f4', 'start', 'b')),
    element: 'b',
    message: 'Cannot have incoming sequence flows',
  },
  {
    rule: 'every flow element has an id',
    accepted: model(start(), task('t'), end(), flow('f1', 'start', 't'), flow('f2', 't', 'end')),
    rejected: model(start(), '<bpmn:task/>', end(), flow('f1', 'start', 'end')),
    element: 'p > task',
    message: 'Link id must be present and not empty.',
  },
];

describeRules('BPMN rules: flows, gateways and scopes', CASES);
