/** Task, event and expression rules: one accepted and one rejected model per rule. */
import {
  around, definitions, end, error, errorBoundary, extensionElements, flow, input, ioMapping, model, output, process,
  serviceTask, start, taskDefinition,
} from './bpmn-builders.js';
import { describeRules, type RuleCase } from './rule-case.js';

const withService = (...extensions: string[]): string => model(...around('T', serviceTask('T', ...extensions)));
const userTask = (...extensions: string[]): string =>
  model(...around('U', `<bpmn:userTask id="U">${extensionElements(...extensions)}</bpmn:userTask>`));
/** A service task `t` with an error boundary `b` (and maybe a second one, `b2`). */
const withBoundaries = (boundaries: string[], ...roots: string[]): string =>
  definitions(
    process('p', start(), serviceTask('t'), end(), end('e2'), ...boundaries, flow('f1', 'start', 't'), flow('f2', 't', 'end'),
      ...boundaries.map((_, i) => flow(`fb${i}`, i === 0 ? 'b' : `b${i + 1}`, 'e2'))),
    ...roots,
  );

const CASES: readonly RuleCase[] = [
  {
    rule: 'a service task has exactly one zeebe:taskDefinition',
    accepted: withService(taskDefinition('work')),
    rejected: model(...around('T', '<bpmn:serviceTask id="T"/>')),
    element: 'T',
    message: "Must have exactly one 'zeebe:taskDefinition' extension element",
  },
  {
    rule: 'a service task has no second zeebe:taskDefinition',
    accepted: withService(taskDefinition('work')),
    rejected: withService(taskDefinition('a'), taskDefinition('b')),
    element: 'T',
    message: "Must have exactly one 'zeebe:taskDefinition' extension element",
  },
  {
    rule: 'a send task has exactly one zeebe:taskDefinition',
    accepted: model(...around('S', `<bpmn:sendTask id="S">${extensionElements(taskDefinition())}</bpmn:sendTask>`)),
    rejected: model(...around('S', '<bpmn:sendTask id="S"/>')),
    element: 'S',
    message: "Must have exactly one 'zeebe:taskDefinition' extension element",
  },
  {
    rule: 'a script task has a zeebe:script or a zeebe:taskDefinition',
    accepted: model(...around('S', `<bpmn:scriptTask id="S">${extensionElements(taskDefinition())}</bpmn:scriptTask>`)),
    rejected: model(...around('S', '<bpmn:scriptTask id="S"/>')),
    element: 'S',
    message: "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element",
  },
  {
    rule: 'a business rule task has a zeebe:calledDecision or a zeebe:taskDefinition',
    accepted: model(...around('B', `<bpmn:businessRuleTask id="B">${extensionElements(taskDefinition())}</bpmn:businessRuleTask>`)),
    rejected: model(...around('B', `<bpmn:businessRuleTask id="B">${extensionElements(taskDefinition(), '<zeebe:calledDecision decisionId="d" resultVariable="r"/>')}</bpmn:businessRuleTask>`)),
    element: 'B',
    message: "Must have either one 'zeebe:calledDecision' or one 'zeebe:taskDefinition' extension element",
  },
  {
    rule: 'a job type is not empty',
    accepted: withService(taskDefinition('work')),
    rejected: withService(taskDefinition('')),
    element: 'T > extensionElements > taskDefinition',
    message: "Attribute 'type' must be present and not empty",
  },
  {
    rule: 'job retries are not empty',
    accepted: withService(taskDefinition('work', '5')),
    rejected: withService(taskDefinition('work', '')),
    element: 'T > extensionElements > taskDefinition',
    message: "Attribute 'retries' must be present and not empty",
  },
  {
    rule: 'a job type expression parses',
    accepted: withService(taskDefinition('="work-" + kind')),
    rejected: withService(taskDefinition('="work-" +')),
    element: 'T > extensionElements > taskDefinition',
    message: `failed to parse expression '"work-" +'`,
  },
  {
    rule: 'a job retries expression parses',
    accepted: withService(taskDefinition('work', '=retries + 1')),
    rejected: withService(taskDefinition('work', '=retries +')),
    element: 'T > extensionElements > taskDefinition',
    message: "failed to parse expression 'retries +'",
  },
  {
    rule: 'a task header may not use a restricted key',
    accepted: withService(taskDefinition(), '<zeebe:taskHeaders><zeebe:header key="k" value="v"/></zeebe:taskHeaders>'),
    rejected: withService(taskDefinition(), '<zeebe:taskHeaders><zeebe:header key="io.camunda.zeebe:formKey" value="v"/></zeebe:taskHeaders>'),
    element: 'T > extensionElements > taskHeaders',
    message: "Attribute 'key' may not use restricted header 'io.camunda.zeebe:formKey'",
  },
  {
    rule: 'an input mapping source parses',
    accepted: withService(taskDefinition(), ioMapping(input('=a.b', 'c'))),
    rejected: withService(taskDefinition(), ioMapping(input('=a.', 'c'))),
    element: 'T > extensionElements > ioMapping > input',
    message: "failed to parse expression 'a.'",
  },
  {
    rule: 'an output mapping source is an expression',
    accepted: withService(taskDefinition(), ioMapping(output('=result', 'r'))),
    rejected: withService(taskDefinition(), ioMapping(output('result', 'r'))),
    element: 'T > extensionElements > ioMapping > output',
    message: "Expected expression but found static value 'result'. An expression must start with '=' (e.g. '=result').",
  },
  {
    rule: 'a mapping target is a variable path',
    accepted: withService(taskDefinition(), ioMapping(input('=x', 'a.b_c'))),
    rejected: withService(taskDefinition(), ioMapping(input('=x', 'a-b'))),
    element: 'T > extensionElements > ioMapping > input',
    message: "Expected path expression 'a-b' but doesn't match the pattern",
  },
  {
    rule: 'a condition is an expression',
    accepted: model(start(), end(), '<bpmn:exclusiveGateway id="g"/>', flow('f0', 'start', 'g'), flow('f1', 'g', 'end', '=x > 1')),
    rejected: model(start(), end(), '<bpmn:exclusiveGateway id="g"/>', flow('f0', 'start', 'g'), flow('f1', 'g', 'end', 'x > 1')),
    element: 'f1 > conditionExpression',
    message: "Expected expression but found static value 'x > 1'",
  },
  {
    rule: 'a condition parses',
    accepted: model(start(), end(), '<bpmn:exclusiveGateway id="g"/>', flow('f0', 'start', 'g'), flow('f1', 'g', 'end', '=x > 1')),
    rejected: model(start(), end(), '<bpmn:exclusiveGateway id="g"/>', flow('f0', 'start', 'g'), flow('f1', 'g', 'end', '=x >')),
    element: 'f1 > conditionExpression',
    message: "failed to parse expression 'x >'",
  },
  {
    rule: 'a job-based user task has exactly one of formKey and formId',
    accepted: userTask('<zeebe:formDefinition formKey="camunda-forms:bpmn:F"/>'),
    rejected: userTask('<zeebe:formDefinition/>'),
    element: 'U > extensionElements > formDefinition',
    message: "Exactly one of the attributes 'formId, formKey' must be present and not blank",
  },
  {
    rule: "a script's expression is a FEEL expression",
    accepted: model(...around('S', `<bpmn:scriptTask id="S">${extensionElements('<zeebe:script expression="=1 + 1" resultVariable="r"/>')}</bpmn:scriptTask>`)),
    rejected: model(...around('S', `<bpmn:scriptTask id="S">${extensionElements('<zeebe:script expression="1 + 1" resultVariable="r"/>')}</bpmn:scriptTask>`)),
    element: 'S > extensionElements > script',
    message: "Expected expression but found static value '1 + 1'",
  },
  {
    rule: 'a script has a result variable',
    accepted: model(...around('S', `<bpmn:scriptTask id="S">${extensionElements('<zeebe:script expression="=1" resultVariable="r"/>')}</bpmn:scriptTask>`)),
    rejected: model(...around('S', `<bpmn:scriptTask id="S">${extensionElements('<zeebe:script expression="=1"/>')}</bpmn:scriptTask>`)),
    element: 'S > extensionElements > script',
    message: "Attribute 'resultVariable' must be present and not empty",
  },
  {
    rule: 'a Camunda user task has exactly one of formId and externalReference (no embedded form key)',
    accepted: userTask('<zeebe:userTask/>', '<zeebe:formDefinition externalReference="https://forms.example/review"/>'),
    rejected: userTask('<zeebe:userTask/>', '<zeebe:formDefinition formKey="camunda-forms:bpmn:F"/>'),
    element: 'U > extensionElements > formDefinition',
    message: "Exactly one of the attributes 'formId, externalReference' must be present and not blank",
  },
  {
    rule: "a Camunda user task's assignment expression parses",
    accepted: userTask('<zeebe:userTask/>', '<zeebe:assignmentDefinition candidateGroups="=[group]"/>'),
    rejected: userTask('<zeebe:userTask/>', '<zeebe:assignmentDefinition candidateGroups="=[group"/>'),
    element: 'U > extensionElements > assignmentDefinition',
    message: "failed to parse expression '[group'",
  },
  {
    rule: "a job-based user task's assignment expression parses",
    accepted: userTask('<zeebe:assignmentDefinition assignee="=boss"/>'),
    rejected: userTask('<zeebe:assignmentDefinition assignee="=boss +"/>'),
    element: 'U > extensionElements > assignmentDefinition',
    message: "failed to parse expression 'boss +'",
  },
  {
    rule: "a job-based user task's schedule expression parses",
    accepted: userTask('<zeebe:taskSchedule dueDate="=now() + duration(&quot;P1D&quot;)"/>'),
    rejected: userTask('<zeebe:taskSchedule dueDate="=now() +"/>'),
    element: 'U > extensionElements > taskSchedule',
    message: "failed to parse expression 'now() +'",
  },
  {
    rule: 'static candidate groups are a list of comma-separated values',
    accepted: userTask('<zeebe:assignmentDefinition candidateGroups="a, b"/>'),
    rejected: userTask('<zeebe:assignmentDefinition candidateGroups="a,,b"/>'),
    element: 'U > extensionElements > assignmentDefinition',
    message: "Expected static value to be a list of comma-separated values, e.g. 'a,b,c', but found 'a,,b'.",
  },
  {
    rule: "a Camunda user task's static candidate users are a list of comma-separated values",
    accepted: userTask('<zeebe:userTask/>', '<zeebe:assignmentDefinition candidateUsers="a,b"/>'),
    rejected: userTask('<zeebe:userTask/>', '<zeebe:assignmentDefinition candidateUsers="a,b,"/>'),
    element: 'U > extensionElements > assignmentDefinition',
    message: "Expected static value to be a list of comma-separated values, e.g. 'a,b,c', but found 'a,b,'.",
  },
  {
    rule: 'a static due date is a date-time',
    accepted: userTask('<zeebe:taskSchedule dueDate="2023-03-02T15:35+02:00"/>'),
    rejected: userTask('<zeebe:taskSchedule dueDate="12345"/>'),
    element: 'U > extensionElements > taskSchedule',
    message: "Expected static value to be a valid DateTime String, e.g. '2023-03-02T15:35+02:00', but found '12345'.",
  },
  {
    rule: "a Camunda user task's static follow-up date is a date-time",
    accepted: userTask('<zeebe:userTask/>', '<zeebe:taskSchedule followUpDate="2023-03-02T15:35:00Z"/>'),
    rejected: userTask('<zeebe:userTask/>', '<zeebe:taskSchedule followUpDate="tomorrow"/>'),
    element: 'U > extensionElements > taskSchedule',
    message: "Expected static value to be a valid DateTime String, e.g. '2023-03-02T15:35+02:00', but found 'tomorrow'.",
  },
  {
    rule: 'an error boundary event interrupts',
    accepted: withBoundaries([errorBoundary('b', 't', 'err')], error('err', 'E1')),
    rejected: withBoundaries([errorBoundary('b', 't', 'err', false)], error('err', 'E1')),
    element: 'b',
    message: 'Non-Interrupting event of this type is not allowed',
  },
  {
    rule: "a caught error's code is not an expression",
    accepted: withBoundaries([errorBoundary('b', 't', 'err')], error('err', 'E1')),
    rejected: withBoundaries([errorBoundary('b', 't', 'err')], error('err', '=code')),
    element: 'b_def',
    message: 'The errorCode of the error catch event is not allowed to be an expression',
  },
  {
    rule: 'an activity has one error boundary event per error code',
    accepted: withBoundaries([errorBoundary('b', 't', 'err1'), errorBoundary('b2', 't', 'err2')], error('err1', 'A'), error('err2', 'B')),
    rejected: withBoundaries([errorBoundary('b', 't', 'err1'), errorBoundary('b2', 't', 'err2')], error('err1', 'A'), error('err2', 'A')),
    element: 't',
    message: "Multiple error catch events with the same error code 'A' are not supported on the same scope.",
  },
  {
    rule: 'an activity has at most one catch-all error boundary event',
    accepted: withBoundaries([errorBoundary('b', 't'), errorBoundary('b2', 't', 'err1')], error('err1', 'A')),
    rejected: withBoundaries([errorBoundary('b', 't'), errorBoundary('b2', 't')]),
    element: 't',
    message: 'The same scope can not contain more than one error catch event without error code.',
  },
  {
    rule: 'a boundary event has exactly one event definition',
    accepted: withBoundaries([errorBoundary('b', 't')]),
    rejected: withBoundaries(['<bpmn:boundaryEvent id="b" attachedToRef="t"/>']),
    element: 'b',
    message: 'Must have exactly one event definition',
  },
  {
    rule: 'a start event has at most one event definition',
    accepted: model(start(), end(), flow('f', 'start', 'end')),
    rejected: definitions(
      process('p', start('start', '<bpmn:messageEventDefinition id="m1" messageRef="msg"/><bpmn:timerEventDefinition id="t1"><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>'), end(), flow('f', 'start', 'end')),
      '<bpmn:message id="msg" name="m"/>',
    ),
    element: 'start',
    message: "Start event can't have more than one type",
  },
  {
    rule: 'an end event is none, error, message, terminate, signal, escalation or compensation',
    accepted: model(start(), end('end', '<bpmn:terminateEventDefinition id="td"/>'), flow('f', 'start', 'end')),
    rejected: model(start(), end('end', '<bpmn:timerEventDefinition id="td"><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>'), flow('f', 'start', 'end')),
    element: 'end',
    message: 'End events must be one of: none, error, message, terminate, signal, escalation or compensation',
  },
  {
    rule: 'an element real Zeebe does not know is rejected with its message',
    accepted: model(...around('g', '<bpmn:exclusiveGateway id="g"/>')),
    rejected: model(...around('g', '<bpmn:complexGateway id="g"/>')),
    element: 'g',
    message: "Elements of type 'ComplexGateway' are currently not supported.",
  },
];

describeRules('BPMN rules: tasks, events and expressions', CASES);
