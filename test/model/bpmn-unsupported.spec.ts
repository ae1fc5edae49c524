/**
 * Elements real Zeebe executes but this engine does not yet: each is rejected, naming the element id and type
 * (never accepted and ignored).
 */
import assert from 'node:assert/strict';

import {
  around, definitions, extensionElements, model, parse, process, rejectedWith, serviceTask, taskDefinition,
} from './bpmn-builders.js';


interface UnsupportedCase {
  readonly what: string;
  readonly xml: string;
  readonly message: string;
}

const unsupported = (id: string, type: string, qualifier?: string): string =>
  `Element '${id}' of type '${type}'${qualifier === undefined ? '' : ` with '${qualifier}'`} is not supported by this engine yet`;

const CASES: readonly UnsupportedCase[] = [
  { what: 'standard loop', xml: model(...around('X', '<bpmn:task id="X"><bpmn:standardLoopCharacteristics/></bpmn:task>')), message: unsupported('X', 'bpmn:Task', 'bpmn:StandardLoopCharacteristics') },
  { what: 'ad-hoc subprocess', xml: model(...around('X', '<bpmn:adHocSubProcess id="X"><bpmn:task id="x1"/></bpmn:adHocSubProcess>')), message: unsupported('X', 'bpmn:AdHocSubProcess') },
  { what: 'Camunda user task with task listeners (8.6)', xml: model(...around('X', `<bpmn:userTask id="X">${extensionElements('<zeebe:userTask/>', '<zeebe:taskListeners><zeebe:taskListener eventType="complete" type="l"/></zeebe:taskListeners>')}</bpmn:userTask>`)), message: unsupported('X', 'bpmn:UserTask', 'zeebe:taskListeners') },
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
