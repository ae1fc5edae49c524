/** Process models the state cases deploy, built per run so a shared gateway never sees a collision. */

import { end, flow, jobTask, processDocument, start } from './bpmn-xml.js';

/** start → one service task of `jobType` → end. */
export function oneTaskProcess(processId: string, jobType: string): Buffer {
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'task') + jobTask('serviceTask', 'task', jobType, 'f1', 'f2') + flow('f2', 'task', 'end') + end('end', 'f2'));
}

/** A service task without a job type: every gateway must refuse to deploy it. */
export function taskWithoutJobType(processId: string): Buffer {
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'task') + '<bpmn:serviceTask id="task"><bpmn:incoming>f1</bpmn:incoming></bpmn:serviceTask>');
}

/** start → end: an instance completes as soon as it is created. */
export function straightThroughProcess(processId: string): Buffer {
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'end') + end('end', 'f1'));
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
  const boundary = '<bpmn:boundaryEvent id="declined" attachedToRef="charge"><bpmn:outgoing>f3</bpmn:outgoing><bpmn:errorEventDefinition errorRef="error"/></bpmn:boundaryEvent>';
  return processDocument(
    processId,
    start('start', 'f1') + flow('f1', 'start', 'charge') + jobTask('serviceTask', 'charge', types.charge, 'f1', 'f2', ' retries="2"') + flow('f2', 'charge', 'done') + end('done', 'f2') +
      boundary + flow('f3', 'declined', 'notify') + jobTask('serviceTask', 'notify', types.notify, 'f3', 'f4') + flow('f4', 'notify', 'declined-end') + end('declined-end', 'f4'),
    `<bpmn:error id="error" name="Declined" errorCode="${errorCode}"/>`,
  );
}

/** start → call activity of `childId` → end: each instance starts a child instance of `childId`. */
export function callingProcess(processId: string, childId: string): Buffer {
  const call = `<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="${childId}"/></bpmn:extensionElements></bpmn:callActivity>`;
  return processDocument(processId, '<bpmn:startEvent id="start"/>' + flow('f1', 'start', 'call') + call + flow('f2', 'call', 'end') + '<bpmn:endEvent id="end"/>');
}

/** A process that starts by message only (no none start event): CreateProcessInstance must refuse it. */
export function messageStartProcess(processId: string): Buffer {
  const messageStart = '<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing><bpmn:messageEventDefinition id="md" messageRef="start-message"/></bpmn:startEvent>';
  return processDocument(processId, messageStart + flow('f1', 'start', 'end') + end('end', 'f1'), `<bpmn:message id="start-message" name="${processId}-start"/>`);
}
