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

/** start → job-worker user task `task` → end (a user task without `zeebe:userTask`). */
export function userTaskProcess(processId: string): Buffer {
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'task') +
    '<bpmn:userTask id="task"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>' + flow('f2', 'task', 'end') + end('end', 'f2'));
}

/** start → job-based send task `task` of `jobType` → end. */
export function sendTaskProcess(processId: string, jobType: string): Buffer {
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', 'task') + jobTask('sendTask', 'task', jobType, 'f1', 'f2') + flow('f2', 'task', 'end') + end('end', 'f2'));
}

/** start → service task `taskId` of `jobType` → end: a target for migrating a one-task instance to another element id. */
export function renamedTaskProcess(processId: string, jobType: string, taskId: string): Buffer {
  return processDocument(processId, start('start', 'f1') + flow('f1', 'start', taskId) + jobTask('serviceTask', taskId, jobType, 'f1', 'f2') + flow('f2', taskId, 'end') + end('end', 'f2'));
}
