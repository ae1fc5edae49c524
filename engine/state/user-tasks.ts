/**
 * Camunda user tasks (`zeebe:userTask`): entering the element evaluates its assignment and schedule, resolves its
 * linked form, and opens the task; the element waits until the task is completed (REST API) or terminated.
 */
import type { MachineContext } from './context.js';
import { raiseIncident } from './incidents.js';
import type { ElementInstance, ProcessInstance, UserTask } from './types.js';
import { evaluateUserTask } from './user-task-properties.js';
import { visibleVariables } from './variables.js';

/** Opens the element's user task; a failed evaluation or a missing form raises an incident that retries this. */
export function openUserTask(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void {
  const definition = element.node?.userTask;
  if (!definition) return;
  const retry = (): void => {
    openUserTask(ctx, pi, element);
  };
  const properties = evaluateUserTask(ctx, pi, definition, visibleVariables(ctx.state, element.key));
  if (!properties.ok) {
    raiseIncident(ctx, element, properties.error.type, properties.error.message, undefined, retry);
    return;
  }
  const task: UserTask = {
    key: ctx.keys.next(pi.partition),
    tenantId: pi.tenantId,
    elementInstanceKey: element.key,
    processInstanceKey: pi.key,
    elementId: element.elementId,
    bpmnProcessId: pi.definition.bpmnProcessId,
    processDefinitionKey: pi.definition.key,
    processDefinitionVersion: pi.definition.version,
    ...properties.value,
    externalFormReference: definition.externalReference ?? '',
    customHeaders: definition.headers,
    creationDate: ctx.clock.now(),
  };
  ctx.state.userTasks.set(task.key, task);
  element.userTaskKey = task.key;
}

/** Removes a user task (completed, or its element terminated). */
export function dropUserTask(ctx: MachineContext, element: ElementInstance): void {
  if (element.userTaskKey === undefined) return;
  ctx.state.userTasks.delete(element.userTaskKey);
  delete element.userTaskKey;
}
