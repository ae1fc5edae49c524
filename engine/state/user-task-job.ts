/**
 * The job headers of a job-based user task, as real Zeebe's BpmnJobBehavior encodes them: the static headers of the
 * model, then the evaluated assignee, candidate lists (JSON arrays), due and follow-up dates and linked form key; an
 * empty value sets no header.
 */
import type { Variables } from '../feel/index.js';
import { USER_TASK_HEADERS, type JobDefinition } from '../model/index.js';
import { ok, type Result } from '../result.js';
import type { MachineContext } from './context.js';
import type { ProcessInstance } from './types.js';
import { evaluateUserTask, type UserTaskFailure } from './user-task-properties.js';

/** The headers of the job; a user task's failed evaluation or missing form is the incident to raise. */
export function jobHeaders(ctx: MachineContext, pi: ProcessInstance, job: JobDefinition, variables: Variables): Result<Readonly<Record<string, string>>, UserTaskFailure> {
  const definition = job.userTask;
  if (!definition) return ok(job.headers);
  const evaluated = evaluateUserTask(ctx, pi, definition, variables);
  if (!evaluated.ok) return evaluated;
  const { assignee, candidateGroups, candidateUsers, dueDate, followUpDate, formKey } = evaluated.value;
  const list = (expression: string | undefined, values: readonly string[]): string => (expression === undefined ? '' : JSON.stringify(values));
  const values: Readonly<Record<keyof typeof USER_TASK_HEADERS, string>> = {
    assignee,
    candidateGroups: list(definition.candidateGroups, candidateGroups),
    candidateUsers: list(definition.candidateUsers, candidateUsers),
    dueDate,
    followUpDate,
    formKey,
  };
  const headers: Record<string, string> = { ...job.headers };
  for (const [name, value] of Object.entries(values) as [keyof typeof USER_TASK_HEADERS, string][]) {
    if (value !== '') headers[USER_TASK_HEADERS[name]] = value;
  }
  return ok(headers);
}
