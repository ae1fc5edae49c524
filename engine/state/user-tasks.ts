/**
 * Camunda user tasks (`zeebe:userTask`): entering the element evaluates its assignment and schedule, resolves its
 * linked form, and opens the task; the element waits until the task is completed (REST API) or terminated.
 */
import { evaluateDateTime, evaluateStringList, evaluateText, type EvalResult, type Variables } from '../feel/index.js';
import type { ZeebeUserTask } from '../model/index.js';
import { err, ok } from '../result.js';
import type { MachineContext } from './context.js';
import { raiseIncident } from './incidents.js';
import { latest } from './store.js';
import type { ElementInstance, ProcessInstance, UserTask } from './types.js';
import { visibleVariables } from './variables.js';

type Evaluated = Pick<UserTask, 'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate'>;

/** An optional property: its default when absent, else its evaluation. */
function optional<T>(expression: string | undefined, absent: T, evaluate: (e: string, v: Variables) => EvalResult<T>, variables: Variables): EvalResult<T> {
  return expression === undefined ? ok(absent) : evaluate(expression, variables);
}

/** The task's assignment and schedule, or the first evaluation failure (in this order, as Zeebe evaluates them). */
function evaluateProperties(definition: ZeebeUserTask, variables: Variables): EvalResult<Evaluated> {
  const assignee = optional(definition.assignee, '', evaluateText, variables);
  if (!assignee.ok) return assignee;
  const candidateGroups = optional(definition.candidateGroups, [], evaluateStringList, variables);
  if (!candidateGroups.ok) return candidateGroups;
  const candidateUsers = optional(definition.candidateUsers, [], evaluateStringList, variables);
  if (!candidateUsers.ok) return candidateUsers;
  const dueDate = optional(definition.dueDate, '', evaluateDateTime, variables);
  if (!dueDate.ok) return dueDate;
  const followUpDate = optional(definition.followUpDate, '', evaluateDateTime, variables);
  if (!followUpDate.ok) return followUpDate;
  return ok({ assignee: assignee.value, candidateGroups: candidateGroups.value, candidateUsers: candidateUsers.value, dueDate: dueDate.value, followUpDate: followUpDate.value });
}

/** The key of the latest version of the linked form in the instance's tenant. */
function formKeyOf(ctx: MachineContext, pi: ProcessInstance, formId: string | undefined): EvalResult<string> {
  if (formId === undefined) return ok('');
  const form = latest(ctx.state.forms, pi.tenantId, formId);
  return form ? ok(form.key)
    : err(`Expected to find a form with id '${formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`);
}

/** Opens the element's user task; a failed evaluation or a missing form raises an incident that retries this. */
export function openUserTask(ctx: MachineContext, pi: ProcessInstance, element: ElementInstance): void {
  const definition = element.node?.userTask;
  if (!definition) return;
  const retry = (): void => {
    openUserTask(ctx, pi, element);
  };
  const properties = evaluateProperties(definition, visibleVariables(ctx.state, element.key));
  if (!properties.ok) {
    raiseIncident(ctx, element, 'EXTRACT_VALUE_ERROR', properties.error, undefined, retry);
    return;
  }
  const formKey = formKeyOf(ctx, pi, definition.formId);
  if (!formKey.ok) {
    raiseIncident(ctx, element, 'FORM_NOT_FOUND', formKey.error, undefined, retry);
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
    formKey: formKey.value,
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
