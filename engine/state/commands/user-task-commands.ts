/**
 * The commands of Camunda user tasks, as real Zeebe 8.5's REST API sends them to the broker: complete, assign (claim
 * when the assignee may not be overridden), unassign and update. Wording of the rejections as the broker's.
 */
import type { Caller } from '../../identity/caller.js';
import { err, ok, type Result } from '../../result.js';
import { visibleTo, type MachineContext } from '../context.js';
import { complete } from '../execution.js';
import { acceptResult } from '../variables.js';
import type { Rejection } from '../machine.js';
import type { UserTask } from '../types.js';
import { dropUserTask } from '../user-tasks.js';

/** What may change on a user task; an absent field stays as it is. */
export interface UserTaskChangeset {
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly candidateGroups?: readonly string[];
  readonly candidateUsers?: readonly string[];
}

/** One command on one user task, already checked for its shape by the REST layer. */
export type UserTaskAction =
  | { readonly kind: 'complete'; readonly variables: Readonly<Record<string, unknown>> }
  | { readonly kind: 'assign'; readonly assignee: string; readonly allowOverride: boolean }
  | { readonly kind: 'unassign' }
  | { readonly kind: 'update'; readonly changeset: UserTaskChangeset };

export interface UserTaskCommand {
  readonly key: string;
  readonly caller: Caller;
  readonly action: UserTaskAction;
}

/** The broker's intent and verb of each action (`claim` is an assign that may not override). */
function intentOf(action: UserTaskAction): { intent: string; verb: string } {
  if (action.kind === 'assign' && !action.allowOverride) return { intent: 'CLAIM', verb: 'claim' };
  const verb = action.kind === 'unassign' ? 'assign' : action.kind;
  return { intent: verb.toUpperCase(), verb };
}

/** The open task a key names, if the caller may see its tenant. */
function findTask(ctx: MachineContext, command: UserTaskCommand): Result<UserTask, Rejection> {
  const task = ctx.state.userTasks.get(command.key);
  if (task && visibleTo(ctx, command.caller.tenants, task.tenantId)) return ok(task);
  const { intent, verb } = intentOf(command.action);
  return err({ type: 'NOT_FOUND', intent, reason: `Expected to ${verb} user task with key '${command.key}', but no such user task was found` });
}

/** The task completes with the variables (as a job's result) and the token moves on. */
function completeTask(ctx: MachineContext, task: UserTask, variables: Readonly<Record<string, unknown>>): void {
  const element = ctx.state.elements.get(task.elementInstanceKey);
  const pi = ctx.state.instances.get(task.processInstanceKey);
  // Termination drops a task with its element, so both are there; never leave a task behind regardless.
  ctx.state.userTasks.delete(task.key);
  if (!element || !pi) return;
  dropUserTask(ctx, element);
  acceptResult(ctx.state, element, variables);
  complete(ctx, pi, element);
}

function update(task: UserTask, changeset: UserTaskChangeset): void {
  if (changeset.dueDate !== undefined) task.dueDate = changeset.dueDate;
  if (changeset.followUpDate !== undefined) task.followUpDate = changeset.followUpDate;
  if (changeset.candidateGroups !== undefined) task.candidateGroups = changeset.candidateGroups;
  if (changeset.candidateUsers !== undefined) task.candidateUsers = changeset.candidateUsers;
}

/** Executes a user task command. */
export function executeUserTaskCommand(ctx: MachineContext, command: UserTaskCommand): Result<void, Rejection> {
  const found = findTask(ctx, command);
  if (!found.ok) return found;
  const task = found.value;
  const { action } = command;
  if (action.kind === 'complete') completeTask(ctx, task, action.variables);
  else if (action.kind === 'update') update(task, action.changeset);
  else if (action.kind === 'unassign') task.assignee = '';
  else if (action.allowOverride || task.assignee === '' || task.assignee === action.assignee) task.assignee = action.assignee;
  else return err({ type: 'INVALID_STATE', intent: 'CLAIM', reason: `Expected to claim user task with key '${task.key}', but it has already been assigned` });
  return ok(undefined);
}
