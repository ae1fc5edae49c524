/**
 * The user-task routes of real Zeebe 8.5's REST API (`/v1/user-tasks/...`): path and body checked and turned into
 * engine commands; a mistake is a 400 problem naming the field.
 */
import { parseDate } from '../model/iso8601.js';
import { err, ok, type Result } from '../result.js';
import type { UserTaskAction, UserTaskChangeset } from '../state/engine-machine.js';
import { badRequest, type Problem } from './problem.js';

type Body = Readonly<Record<string, unknown>>;

/** A route: method, path pattern with the task key, and how its body becomes an action. */
interface Route {
  readonly method: string;
  readonly path: RegExp;
  readonly action: (body: Body) => Result<UserTaskAction, Problem>;
}

const KEY = /^\/v1\/user-tasks\/([^/]+)/;
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function completion(body: Body): Result<UserTaskAction, Problem> {
  const variables = body['variables'] ?? {};
  if (typeof variables !== 'object' || Array.isArray(variables)) return err(badRequest("'variables' must be a JSON object"));
  return ok({ kind: 'complete', variables: variables as Body });
}

function assignment(body: Body): Result<UserTaskAction, Problem> {
  const { assignee } = body;
  // Null, like an absent field, means the default.
  const allowOverride = body['allowOverride'] ?? true;
  if (typeof assignee !== 'string' || assignee === '') return err(badRequest('No assignee provided'));
  if (typeof allowOverride !== 'boolean') return err(badRequest("'allowOverride' must be a boolean"));
  return ok({ kind: 'assign', assignee, allowOverride });
}

const dateProblem = (field: string, value: unknown): Problem =>
  badRequest(`The provided ${field} '${String(value)}' cannot be parsed as a date according to RFC 3339, section 5.6.`);

/** The changeset of an update: dates as RFC 3339 date-times ('' clears one), candidates as lists of strings. */
function changesetOf(changeset: Body): Result<UserTaskChangeset, Problem> {
  const result: Record<string, unknown> = {};
  for (const field of ['dueDate', 'followUpDate'] as const) {
    const value = changeset[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || (value !== '' && parseDate(value) === undefined)) return err(dateProblem(field === 'dueDate' ? 'due date' : 'follow-up date', value));
    result[field] = value;
  }
  for (const field of ['candidateGroups', 'candidateUsers'] as const) {
    const value = changeset[field];
    if (value === undefined || value === null) continue;
    if (!isStringList(value)) return err(badRequest(`'${field}' must be a list of strings`));
    result[field] = value;
  }
  return ok(result as UserTaskChangeset);
}

function update(body: Body): Result<UserTaskAction, Problem> {
  const changeset = body['changeset'] ?? {};
  if (typeof changeset !== 'object' || Array.isArray(changeset)) return err(badRequest("'changeset' must be a JSON object"));
  const parsed = changesetOf(changeset as Body);
  if (!parsed.ok) return parsed;
  if (Object.keys(parsed.value).length === 0 && body['action'] === undefined) {
    return err(badRequest('No update data provided. Provide at least an "action" or a non-null value for a supported attribute in the "changeset".'));
  }
  return ok({ kind: 'update', changeset: parsed.value });
}

const ROUTES: readonly Route[] = [
  { method: 'POST', path: /^\/v1\/user-tasks\/[^/]+\/completion$/, action: completion },
  { method: 'POST', path: /^\/v1\/user-tasks\/[^/]+\/assignment$/, action: assignment },
  { method: 'DELETE', path: /^\/v1\/user-tasks\/[^/]+\/assignee$/, action: () => ok({ kind: 'unassign' }) },
  { method: 'PATCH', path: /^\/v1\/user-tasks\/[^/]+$/, action: update },
];

/** A user-task request: its key and action, a 400/404 problem, or undefined when no route matches. */
export function userTaskRequest(method: string, path: string, body: Body): Result<{ key: string; action: UserTaskAction }, Problem> | undefined {
  const route = ROUTES.find((r) => r.method === method && r.path.test(path));
  if (!route) return undefined;
  const key = KEY.exec(path)?.[1] ?? '';
  if (!/^[1-9]\d{0,18}$/.test(key)) return err(badRequest(`The user task key '${key}' is not a positive number`));
  const action = route.action(body);
  return action.ok ? ok({ key, action: action.value }) : action;
}
