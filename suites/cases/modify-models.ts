/** Process models the modification and migration cases deploy, built per run so a shared gateway never sees a collision. */

import { end, flow, jobTask, processDocument, start } from './bpmn-xml.js';

/** start → service task `a` (job `typeA`) → service task `b` (job `typeB`) → end. */
export function twoTasksProcess(processId: string, typeA: string, typeB: string): Buffer {
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'a') + jobTask('serviceTask', 'a', typeA, 'f1', 'f2') + flow('f2', 'a', 'b') +
    jobTask('serviceTask', 'b', typeB, 'f2', 'f3') + flow('f3', 'b', 'end') + end('end', 'f3'));
}

/** start → subprocess `sub` (start → service task `inner` of `jobType` → end) → end. */
export function subprocessProcess(processId: string, jobType: string): Buffer {
  const sub = '<bpmn:subProcess id="sub"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>' +
    start('sub-start', 's1') + flow('s1', 'sub-start', 'inner') + jobTask('serviceTask', 'inner', jobType, 's1', 's2') + flow('s2', 'inner', 'sub-end') + end('sub-end', 's2') +
    '</bpmn:subProcess>';
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'sub') + sub + flow('f2', 'sub', 'end') + end('end', 'f2'));
}

/** start → user task `task` → end: job-worker (no `zeebe:userTask`), or a Camunda user task. */
export function userTaskProcess(processId: string, implementation: 'job worker' | 'camunda' = 'job worker'): Buffer {
  const camunda = implementation === 'camunda' ? '<bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements>' : '';
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'task') +
    `<bpmn:userTask id="task">${camunda}<bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>` + flow('f2', 'task', 'end') + end('end', 'f2'));
}

/** start → job-based send task `task` of `jobType` → end. */
export function sendTaskProcess(processId: string, jobType: string): Buffer {
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'task') + jobTask('sendTask', 'task', jobType, 'f1', 'f2') + flow('f2', 'task', 'end') + end('end', 'f2'));
}

/** start → service task `taskId` of `jobType` → end: a target for migrating a one-task instance to another element id. */
export function renamedTaskProcess(processId: string, jobType: string, taskId: string): Buffer {
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', taskId) + jobTask('serviceTask', taskId, jobType, 'f1', 'f2') + flow('f2', taskId, 'end') + end('end', 'f2'));
}

const loop = (sequential: boolean): string =>
  `<bpmn:multiInstanceLoopCharacteristics isSequential="${String(sequential)}"><bpmn:extensionElements>` +
  '<zeebe:loopCharacteristics inputCollection="=[1, 2]" inputElement="item"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>';

/** start → multi-instance service task `task` of `jobType` over two items, sequential or parallel → end. */
export function multiInstanceTaskProcess(processId: string, jobType: string, sequential: boolean): Buffer {
  const task = `<bpmn:serviceTask id="task"><bpmn:extensionElements><zeebe:taskDefinition type="${jobType}"/></bpmn:extensionElements>` +
    `<bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>${loop(sequential)}</bpmn:serviceTask>`;
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'task') + task + flow('f2', 'task', 'end') + end('end', 'f2'));
}

/** start → service task `a` of `jobType` → parallel multi-instance subprocess `sub` (start → service task `inner` → end) → end. */
export function multiInstanceSubprocessProcess(processId: string, jobType: string): Buffer {
  const sub = `<bpmn:subProcess id="sub"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>${loop(false)}` +
    start('sub-start', 's1') + flow('s1', 'sub-start', 'inner') + jobTask('serviceTask', 'inner', `${jobType}-inner`, 's1', 's2') + flow('s2', 'inner', 'sub-end') + end('sub-end', 's2') +
    '</bpmn:subProcess>';
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'a') + jobTask('serviceTask', 'a', jobType, 'f1', 'f2') + flow('f2', 'a', 'sub') + sub +
    flow('f3', 'sub', 'end') + end('end', 'f3'));
}

/** The message of a message boundary event: one per event, since Zeebe refuses two of one name on an activity. */
const message = (boundaryId: string): string =>
  `<bpmn:message id="msg-${boundaryId}" name="conformance-boundary-${boundaryId}"><bpmn:extensionElements>` +
  '<zeebe:subscription correlationKey="=&quot;conformance&quot;"/></bpmn:extensionElements></bpmn:message>';

/** A non-interrupting boundary event: a message one (`conformance-boundary-<id>`) or a timer one (an hour), leading to its own end. */
export interface Boundary {
  readonly id: string;
  readonly attachedTo: 'task' | 'other';
  readonly kind: 'message' | 'timer';
}

const boundaryEvent = ({ id, attachedTo, kind }: Boundary): string =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="false"><bpmn:outgoing>${id}-f</bpmn:outgoing>` +
  (kind === 'message' ? `<bpmn:messageEventDefinition messageRef="msg-${id}"/>` : '<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>') +
  `</bpmn:boundaryEvent>${flow(`${id}-f`, id, `${id}-end`)}${end(`${id}-end`, `${id}-f`)}`;

/** start → service task `task` (`jobType`) → service task `other` (`jobType`-other) → end, with boundary events. */
export function boundaryProcess(processId: string, jobType: string, boundaries: readonly Boundary[]): Buffer {
  const body = start('start', 'f1') + flow('f1', 'start', 'task') + jobTask('serviceTask', 'task', jobType, 'f1', 'f2') + flow('f2', 'task', 'other') +
    jobTask('serviceTask', 'other', `${jobType}-other`, 'f2', 'f3') + flow('f3', 'other', 'end') + end('end', 'f3') + boundaries.map(boundaryEvent).join('');
  return processDocument(processId, body, boundaries.filter((b) => b.kind === 'message').map((b) => message(b.id)).join(''));
}
