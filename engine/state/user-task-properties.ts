/**
 * What a user task's assignment, schedule and linked form come to when the task is entered, for both implementations
 * (Zeebe's BpmnUserTaskBehavior, which its BpmnJobBehavior also calls for a job-based user task): expressions are
 * evaluated in this order, then the linked form is resolved to the latest form of that id in the instance's tenant.
 */
import { evaluateDateTime, evaluateStringList, evaluateText, type EvalResult, type Variables } from '../feel/index.js';
import type { UserTaskProperties } from '../model/index.js';
import { err, ok, type Result } from '../result.js';
import type { MachineContext } from './context.js';
import { latest } from './store.js';
import type { ProcessInstance } from './types.js';

/** The evaluated properties; an absent property is '' (or an empty list). */
export interface EvaluatedUserTask {
  readonly assignee: string;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  readonly dueDate: string;
  readonly followUpDate: string;
  readonly formKey: string;
}

/** Why the properties could not be evaluated: the incident to raise. */
export interface UserTaskFailure {
  readonly type: 'EXTRACT_VALUE_ERROR' | 'FORM_NOT_FOUND';
  readonly message: string;
}

type Expressions = Omit<EvaluatedUserTask, 'formKey'>;

/** An optional property: its default when absent, else its evaluation. */
function optional<T>(expression: string | undefined, absent: T, evaluate: (e: string, v: Variables) => EvalResult<T>, variables: Variables): EvalResult<T> {
  return expression === undefined ? ok(absent) : evaluate(expression, variables);
}

/** The assignment and schedule, or the first evaluation failure. */
function evaluateExpressions(definition: UserTaskProperties, variables: Variables): EvalResult<Expressions> {
  const assignee = optional(definition.assignee, '', evaluateText, variables);
  if (!assignee.ok) return assignee;
  const candidateGroups = optional<readonly string[]>(definition.candidateGroups, [], evaluateStringList, variables);
  if (!candidateGroups.ok) return candidateGroups;
  const candidateUsers = optional<readonly string[]>(definition.candidateUsers, [], evaluateStringList, variables);
  if (!candidateUsers.ok) return candidateUsers;
  const dueDate = optional(definition.dueDate, '', evaluateDateTime, variables);
  if (!dueDate.ok) return dueDate;
  const followUpDate = optional(definition.followUpDate, '', evaluateDateTime, variables);
  if (!followUpDate.ok) return followUpDate;
  return ok({ assignee: assignee.value, candidateGroups: candidateGroups.value, candidateUsers: candidateUsers.value, dueDate: dueDate.value, followUpDate: followUpDate.value });
}

/** The key of the latest version of the linked form in the instance's tenant ('' without a linked form). */
function formKeyOf(ctx: MachineContext, pi: ProcessInstance, formId: string | undefined): Result<string, string> {
  if (formId === undefined) return ok('');
  const form = latest(ctx.state.forms, pi.tenantId, formId);
  return form ? ok(form.key)
    : err(`Expected to find a form with id '${formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`);
}

/** Evaluates a user task's properties in the variables of its element. */
export function evaluateUserTask(ctx: MachineContext, pi: ProcessInstance, definition: UserTaskProperties, variables: Variables): Result<EvaluatedUserTask, UserTaskFailure> {
  const expressions = evaluateExpressions(definition, variables);
  if (!expressions.ok) return err({ type: 'EXTRACT_VALUE_ERROR', message: expressions.error });
  const formKey = formKeyOf(ctx, pi, definition.formId);
  if (!formKey.ok) return err({ type: 'FORM_NOT_FOUND', message: formKey.error });
  return ok({ ...expressions.value, formKey: formKey.value });
}
