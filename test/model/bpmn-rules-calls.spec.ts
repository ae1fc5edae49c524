/** Called decisions, call activities, multi-instance and inclusive gateways: one accepted and one rejected model per rule. */
import { around, end, extensionElements, flow, model, start, taskDefinition } from './bpmn-builders.js';
import { describeRules, type RuleCase } from './rule-case.js';

const ruleTask = (called: string): string => model(...around('B', `<bpmn:businessRuleTask id="B">${extensionElements(called)}</bpmn:businessRuleTask>`));
const callActivity = (...extensions: string[]): string => model(...around('C', `<bpmn:callActivity id="C">${extensionElements(...extensions)}</bpmn:callActivity>`));
const loop = (attributes: string, inner = ''): string =>
  model(...around('T', `<bpmn:serviceTask id="T">${extensionElements(taskDefinition())}<bpmn:multiInstanceLoopCharacteristics>${extensionElements(`<zeebe:loopCharacteristics ${attributes}/>`)}${inner}</bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>`));
const LOOP_ELEMENT = 'T > multiInstanceLoopCharacteristics > extensionElements > loopCharacteristics';
/** start → inclusive gateway G with two conditional flows (one maybe without a condition) → end events. */
const inclusive = (secondCondition: string | undefined): string =>
  model(start(), '<bpmn:inclusiveGateway id="G"/>', end('e1'), end('e2'), flow('f0', 'start', 'G'), flow('f1', 'G', 'e1', '=a'), flow('f2', 'G', 'e2', secondCondition));

const CASES: readonly RuleCase[] = [
  {
    rule: 'a called decision has a decision id',
    accepted: ruleTask('<zeebe:calledDecision decisionId="=d" resultVariable="r"/>'),
    rejected: ruleTask('<zeebe:calledDecision decisionId="" resultVariable="r"/>'),
    element: 'B > extensionElements > calledDecision',
    message: "Attribute 'decisionId' must be present and not empty",
  },
  {
    rule: 'a called decision has a result variable',
    accepted: ruleTask('<zeebe:calledDecision decisionId="d" resultVariable="r"/>'),
    rejected: ruleTask('<zeebe:calledDecision decisionId="d"/>'),
    element: 'B > extensionElements > calledDecision',
    message: "Attribute 'resultVariable' must be present and not empty",
  },
  {
    rule: 'a call activity has exactly one zeebe:calledElement',
    accepted: callActivity('<zeebe:calledElement processId="child"/>'),
    rejected: callActivity(),
    element: 'C',
    message: "Must have exactly one 'zeebe:calledElement' extension element",
  },
  {
    rule: 'a called element has a process id that parses',
    accepted: callActivity('<zeebe:calledElement processId="=childId"/>'),
    rejected: callActivity('<zeebe:calledElement processId="=childId +"/>'),
    element: 'C > extensionElements > calledElement',
    message: "failed to parse expression 'childId +'",
  },
  {
    rule: 'multi-instance needs an input collection expression',
    accepted: loop('inputCollection="=items"'),
    rejected: loop('inputCollection="items"'),
    element: LOOP_ELEMENT,
    message: "Expected expression but found static value 'items'",
  },
  {
    rule: 'multi-instance output collection and output element go together',
    accepted: loop('inputCollection="=items" outputCollection="results" outputElement="=r"'),
    rejected: loop('inputCollection="=items" outputCollection="results"'),
    element: LOOP_ELEMENT,
    message: "Attribute 'outputElement' must be present if the attribute 'outputCollection' is set",
  },
  {
    rule: 'multi-instance output element needs an output collection',
    accepted: loop('inputCollection="=items" outputCollection="results" outputElement="=r"'),
    rejected: loop('inputCollection="=items" outputElement="=r"'),
    element: LOOP_ELEMENT,
    message: "Attribute 'outputCollection' must be present if the attribute 'outputElement' is set",
  },
  {
    rule: 'multi-instance has an input collection',
    accepted: loop('inputCollection="=items"'),
    rejected: loop('outputCollection="results" outputElement="=r"'),
    element: LOOP_ELEMENT,
    message: "Attribute 'inputCollection' must be present and not empty",
  },
  {
    rule: 'multi-instance has zeebe:loopCharacteristics',
    accepted: loop('inputCollection="=items"'),
    rejected: model(...around('T', `<bpmn:serviceTask id="T">${extensionElements(taskDefinition())}<bpmn:multiInstanceLoopCharacteristics/></bpmn:serviceTask>`)),
    element: 'T > multiInstanceLoopCharacteristics',
    message: "Must have exactly one 'zeebe:loopCharacteristics' extension element",
  },
  {
    rule: "an inclusive gateway's outgoing flows have a condition or are the default (worded as Zeebe does: 'Must have a condition')",
    accepted: inclusive('=b'),
    rejected: inclusive(undefined),
    element: 'f2',
    message: 'Must have a condition',
  },
];

describeRules('BPMN rules: called decisions, call activities, multi-instance, inclusive gateways', CASES);
