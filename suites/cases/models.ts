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

/** start → end: an instance completes as soon as it is created. */
export function straightThroughProcess(processId: string): Buffer {
  return Buffer.from(
    `${HEAD}<bpmn:process id="${processId}" isExecutable="true">` +
      '<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>' +
      '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end"/>' +
      '<bpmn:endEvent id="end"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>' +
      '</bpmn:process></bpmn:definitions>',
  );
}

/** A decision table of `decisionId`: `size` (a number) → `label` ("small" below 10, else "large"). */
export function sizeDecision(decisionId: string): Buffer {
  const rule = (id: string, test: string, label: string): string =>
    `<rule id="${id}"><inputEntry id="${id}-in"><text>${test}</text></inputEntry><outputEntry id="${id}-out"><text>"${label}"</text></outputEntry></rule>`;
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" ' +
      `id="${decisionId}-drg" name="${decisionId} requirements" namespace="http://zeebe-conformance-kit">` +
      `<decision id="${decisionId}" name="Size label"><decisionTable id="${decisionId}-table" hitPolicy="FIRST">` +
      '<input id="size-input" label="size"><inputExpression id="size-expr" typeRef="number"><text>size</text></inputExpression></input>' +
      '<output id="label-output" name="label" typeRef="string"/>' +
      rule('small', '&lt; 10', 'small') +
      rule('large', '&gt;= 10', 'large') +
      '</decisionTable></decision></definitions>',
  );
}

/** start → service task `charge` (job `chargeType`, 2 retries) → end, with an error boundary event catching `errorCode` → task `notify` (job `notifyType`) → end. */
export function errorBoundaryProcess(processId: string, types: { charge: string; notify: string }, errorCode: string): Buffer {
  const task = (id: string, type: string, retries: string, incoming: string, outgoing: string): string =>
    `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"${retries}/></bpmn:extensionElements>` +
    `<bpmn:incoming>${incoming}</bpmn:incoming><bpmn:outgoing>${outgoing}</bpmn:outgoing></bpmn:serviceTask>`;
  const flow = (id: string, from: string, to: string): string => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
  return Buffer.from(
    `${HEAD}<bpmn:error id="error" name="Declined" errorCode="${errorCode}"/><bpmn:process id="${processId}" isExecutable="true">` +
      '<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>' +
      flow('f1', 'start', 'charge') +
      task('charge', types.charge, ' retries="2"', 'f1', 'f2') +
      flow('f2', 'charge', 'done') +
      '<bpmn:endEvent id="done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>' +
      '<bpmn:boundaryEvent id="declined" attachedToRef="charge"><bpmn:outgoing>f3</bpmn:outgoing><bpmn:errorEventDefinition errorRef="error"/></bpmn:boundaryEvent>' +
      flow('f3', 'declined', 'notify') +
      task('notify', types.notify, '', 'f3', 'f4') +
      flow('f4', 'notify', 'declined-end') +
      '<bpmn:endEvent id="declined-end"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>' +
      '</bpmn:process></bpmn:definitions>',
  );
}

/** start → call activity of `childId` → end: each instance starts a child instance of `childId`. */
export function callingProcess(processId: string, childId: string): Buffer {
  return Buffer.from(
    `${HEAD}<bpmn:process id="${processId}" isExecutable="true">` +
      '<bpmn:startEvent id="start"/>' +
      '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call"/>' +
      `<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="${childId}"/></bpmn:extensionElements></bpmn:callActivity>` +
      '<bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end"/>' +
      '<bpmn:endEvent id="end"/>' +
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
