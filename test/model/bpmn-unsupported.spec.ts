/**
 * Elements real Zeebe executes but this engine does not yet: each is rejected, naming the element id and type
 * (never accepted and ignored).
 */
import assert from 'node:assert/strict';

import {
  around, definitions, end, extensionElements, flow, model, parse, process, rejectedWith, serviceTask, start, taskDefinition,
} from './bpmn-builders.js';

const TIMER = '<bpmn:timerEventDefinition id="X_timer"><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition>';
const MESSAGE = '<bpmn:messageEventDefinition id="X_msg" messageRef="msg"/>';
const withMessage = (...elements: string[]): string =>
  definitions(process('p', ...elements), '<bpmn:message id="msg" name="m"><bpmn:extensionElements><zeebe:subscription correlationKey="=k"/></bpmn:extensionElements></bpmn:message>');

interface UnsupportedCase {
  readonly what: string;
  readonly xml: string;
  readonly message: string;
}

const unsupported = (id: string, type: string, qualifier?: string): string =>
  `Element '${id}' of type '${type}'${qualifier === undefined ? '' : ` with '${qualifier}'`} is not supported by this engine yet`;

const CASES: readonly UnsupportedCase[] = [
  { what: 'message start event', xml: withMessage(start('X', MESSAGE), end(), flow('f', 'X', 'end')), message: unsupported('X', 'bpmn:StartEvent', 'bpmn:MessageEventDefinition') },
  { what: 'timer start event', xml: model(start('X', TIMER), end(), flow('f', 'X', 'end')), message: unsupported('X', 'bpmn:StartEvent', 'bpmn:TimerEventDefinition') },
  { what: 'timer catch event', xml: model(...around('X', `<bpmn:intermediateCatchEvent id="X">${TIMER}</bpmn:intermediateCatchEvent>`)), message: unsupported('X', 'bpmn:IntermediateCatchEvent') },
  { what: 'message throw event', xml: withMessage(...around('X', `<bpmn:intermediateThrowEvent id="X">${extensionElements(taskDefinition())}${MESSAGE}</bpmn:intermediateThrowEvent>`)), message: unsupported('X', 'bpmn:IntermediateThrowEvent', 'bpmn:MessageEventDefinition') },
  { what: 'signal throw event', xml: model(...around('X', '<bpmn:intermediateThrowEvent id="X"><bpmn:signalEventDefinition id="s"/></bpmn:intermediateThrowEvent>')), message: unsupported('X', 'bpmn:IntermediateThrowEvent', 'bpmn:SignalEventDefinition') },
  { what: 'link throw event', xml: model(...around('X', '<bpmn:intermediateThrowEvent id="X"><bpmn:linkEventDefinition id="l" name="a"/></bpmn:intermediateThrowEvent>')), message: unsupported('X', 'bpmn:IntermediateThrowEvent', 'bpmn:LinkEventDefinition') },
  { what: 'error end event', xml: model(start(), end('X', '<bpmn:errorEventDefinition id="e"/>'), flow('f', 'start', 'X')), message: unsupported('X', 'bpmn:EndEvent', 'bpmn:ErrorEventDefinition') },
  { what: 'escalation end event', xml: model(start(), end('X', '<bpmn:escalationEventDefinition id="e"/>'), flow('f', 'start', 'X')), message: unsupported('X', 'bpmn:EndEvent', 'bpmn:EscalationEventDefinition') },
  { what: 'timer boundary event', xml: model(...around('T', serviceTask('T')), `<bpmn:boundaryEvent id="X" attachedToRef="T">${TIMER}</bpmn:boundaryEvent>`), message: unsupported('X', 'bpmn:BoundaryEvent', 'bpmn:TimerEventDefinition') },
  { what: 'receive task', xml: withMessage(...around('X', '<bpmn:receiveTask id="X" messageRef="msg"/>')), message: unsupported('X', 'bpmn:ReceiveTask') },
  { what: 'event-based gateway', xml: model(...around('X', '<bpmn:eventBasedGateway id="X"/>')), message: unsupported('X', 'bpmn:EventBasedGateway') },
  { what: 'standard loop', xml: model(...around('X', '<bpmn:task id="X"><bpmn:standardLoopCharacteristics/></bpmn:task>')), message: unsupported('X', 'bpmn:Task', 'bpmn:StandardLoopCharacteristics') },
  { what: 'event subprocess', xml: model(start(), end(), flow('f', 'start', 'end'), `<bpmn:subProcess id="X" triggeredByEvent="true"><bpmn:startEvent id="xs">${TIMER}</bpmn:startEvent></bpmn:subProcess>`), message: unsupported('X', 'bpmn:SubProcess', 'triggeredByEvent') },
  { what: 'ad-hoc subprocess', xml: model(...around('X', '<bpmn:adHocSubProcess id="X"><bpmn:task id="x1"/></bpmn:adHocSubProcess>')), message: unsupported('X', 'bpmn:AdHocSubProcess') },
  { what: 'compensation handler', xml: model(...around('X', '<bpmn:task id="X" isForCompensation="true"/>')), message: unsupported('X', 'bpmn:Task', 'isForCompensation') },
  { what: 'script task with zeebe:script', xml: model(...around('X', `<bpmn:scriptTask id="X">${extensionElements('<zeebe:script expression="=1" resultVariable="r"/>')}</bpmn:scriptTask>`)), message: unsupported('X', 'bpmn:ScriptTask', 'zeebe:script') },
  { what: 'Camunda user task', xml: model(...around('X', `<bpmn:userTask id="X">${extensionElements('<zeebe:userTask/>')}</bpmn:userTask>`)), message: unsupported('X', 'bpmn:UserTask', 'zeebe:userTask') },
  { what: 'user task with a linked form', xml: model(...around('X', `<bpmn:userTask id="X">${extensionElements('<zeebe:formDefinition formId="f"/>')}</bpmn:userTask>`)), message: unsupported('X', 'bpmn:UserTask', 'zeebe:formDefinition formId') },
  { what: 'user task assigned by expression', xml: model(...around('X', `<bpmn:userTask id="X">${extensionElements('<zeebe:assignmentDefinition assignee="=boss"/>')}</bpmn:userTask>`)), message: unsupported('X', 'bpmn:UserTask', 'zeebe:assignmentDefinition assignee expression') },
  { what: 'user task schedule', xml: model(...around('X', `<bpmn:userTask id="X">${extensionElements('<zeebe:taskSchedule dueDate="2030-01-01T00:00:00Z"/>')}</bpmn:userTask>`)), message: unsupported('X', 'bpmn:UserTask', 'zeebe:taskSchedule') },
  { what: 'execution listeners', xml: model(...around('X', serviceTask('X', taskDefinition(), '<zeebe:executionListeners><zeebe:executionListener eventType="start" type="l"/></zeebe:executionListeners>'))), message: unsupported('X', 'bpmn:ServiceTask', 'zeebe:executionListeners') },
];

describe('BPMN elements this engine does not support yet', () => {
  for (const { what, xml, message } of CASES) {
    it(`rejects a ${what}, naming the element and its type`, async () => {
      await rejectedWith(xml, 'X', message);
    });
  }

  it('does not look at the elements of a non-executable pool', async () => {
    const xml = definitions(
      process('p', ...around('T', serviceTask('T'))),
      '<bpmn:process id="doc" isExecutable="false"><bpmn:receiveTask id="X"/><bpmn:serviceTask id="Y"/></bpmn:process>',
    );
    const result = await parse(xml);
    assert.ok(result.ok);
  });
});
