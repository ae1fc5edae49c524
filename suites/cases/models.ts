/** Process models the state cases deploy, built per run so a shared gateway never sees a collision. */

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="conformance-defs" targetNamespace="http://zeebe-conformance-kit">';

/** start → one service task of `jobType` → end. */
export function oneTaskProcess(processId: string, jobType: string): Buffer {
  return Buffer.from(
    `${HEAD}<bpmn:process id="${processId}" isExecutable="true">` +
      '<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>' +
      '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>' +
      `<bpmn:serviceTask id="task"><bpmn:extensionElements><zeebe:taskDefinition type="${jobType}"/></bpmn:extensionElements>` +
      '<bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>' +
      '<bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>' +
      '<bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>' +
      '</bpmn:process></bpmn:definitions>',
  );
}

/** A service task without a job type: every gateway must refuse to deploy it. */
export function taskWithoutJobType(processId: string): Buffer {
  return Buffer.from(
    `${HEAD}<bpmn:process id="${processId}" isExecutable="true">` +
      '<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>' +
      '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>' +
      '<bpmn:serviceTask id="task"><bpmn:incoming>f1</bpmn:incoming></bpmn:serviceTask>' +
      '</bpmn:process></bpmn:definitions>',
  );
}

/** A process that starts by message only (no none start event): CreateProcessInstance must refuse it. */
export function messageStartProcess(processId: string): Buffer {
  return Buffer.from(
    `${HEAD}<bpmn:message id="start-message" name="${processId}-start"/><bpmn:process id="${processId}" isExecutable="true">` +
      '<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing><bpmn:messageEventDefinition id="md" messageRef="start-message"/></bpmn:startEvent>' +
      '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end"/>' +
      '<bpmn:endEvent id="end"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>' +
      '</bpmn:process></bpmn:definitions>',
  );
}
