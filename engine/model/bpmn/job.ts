/** Job-based tasks: service, send, script and business rule tasks with a `zeebe:taskDefinition`. */
import type { FlowNodeKind, JobDefinition } from '../types.js';
import { verifyExpression } from '../feel.js';
import { children, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, type Problem } from '../problems.js';
import { baseDraft, type ElementHandler } from './draft.js';
import { extensions } from './elements.js';

/**
 * The headers of a job-based user task; a model may not set assignee, candidate groups or form key itself. Real Zeebe
 * reserves every key starting with `io.camunda.zeebe:` (`ZeebeTaskHeadersValidator`); this engine refuses these three,
 * in Zeebe's words.
 */
export const USER_TASK_HEADERS = {
  assignee: 'io.camunda.zeebe:assignee',
  candidateGroups: 'io.camunda.zeebe:candidateGroups',
  candidateUsers: 'io.camunda.zeebe:candidateUsers',
  formKey: 'io.camunda.zeebe:formKey',
  dueDate: 'io.camunda.zeebe:dueDate',
  followUpDate: 'io.camunda.zeebe:followUpDate',
} as const;
const RESTRICTED_HEADERS: readonly string[] = [USER_TASK_HEADERS.assignee, USER_TASK_HEADERS.candidateGroups, USER_TASK_HEADERS.formKey];
const RESERVED_PREFIX = 'io.camunda.zeebe:';
const MANDATORY = { mandatory: true, nonStatic: false } as const;

/** The `zeebe:taskHeaders` of an element: headers with an empty key or value are skipped, as in real Zeebe. */
export function readHeaders(element: ModdleNode, problems: Problem[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const taskHeaders of extensions(element, 'zeebe:TaskHeaders')) {
    for (const header of children(taskHeaders, 'values')) {
      const key = text(header, 'key');
      const value = text(header, 'value');
      if (key !== undefined && RESTRICTED_HEADERS.includes(key)) {
        problems.push(problemAt(taskHeaders, `Attribute 'key' contains '${key}', but header keys starting with '${RESERVED_PREFIX}' are reserved for internal use.`));
      }
      if (key !== undefined && key !== '' && value !== undefined && value !== '') {
        headers[key] = value;
      }
    }
  }
  return headers;
}

/** The job of a `zeebe:taskDefinition`; records missing or malformed type and retries. */
function readJob(element: ModdleNode, taskDefinition: ModdleNode, problems: Problem[]): JobDefinition {
  const type = text(taskDefinition, 'type');
  const retries = text(taskDefinition, 'retries') ?? '3';
  const messages = [
    ...(type === undefined || type === '' ? ["Attribute 'type' must be present and not empty"] : []),
    ...(retries === '' ? ["Attribute 'retries' must be present and not empty"] : []),
    ...verifyExpression(type, MANDATORY),
    ...verifyExpression(retries, MANDATORY),
  ];
  problems.push(...messages.map((message) => problemAt(taskDefinition, message)));
  return { type: type ?? '', retries, headers: readHeaders(element, problems) };
}

/** A task that must have exactly one `zeebe:taskDefinition` (service task, send task). */
export function taskDefinitionTask(kind: FlowNodeKind): ElementHandler {
  return (element, context) => {
    const taskDefinitions = extensions(element, 'zeebe:TaskDefinition');
    const [taskDefinition] = taskDefinitions;
    if (taskDefinitions.length !== 1 || taskDefinition === undefined) {
      context.problems.push(problemAt(element, "Must have exactly one 'zeebe:taskDefinition' extension element"));
      return undefined;
    }
    return { ...baseDraft(element, kind, context), job: readJob(element, taskDefinition, context.problems) };
  };
}

/**
 * A task that is either job-based or implemented by the engine (script task: `zeebe:script`, business rule task:
 * `zeebe:calledDecision`), reached for the job-based form: exactly one task definition and no alternative.
 */
export function eitherOrTask(kind: FlowNodeKind, alternative: string, alternativeType: string): ElementHandler {
  return (element, context) => {
    const alternatives = extensions(element, alternativeType);
    const taskDefinitions = extensions(element, 'zeebe:TaskDefinition');
    const [taskDefinition] = taskDefinitions;
    if (alternatives.length !== 0 || taskDefinitions.length !== 1 || taskDefinition === undefined) {
      const message = `Must have either one 'zeebe:${alternative}' or one 'zeebe:taskDefinition' extension element`;
      context.problems.push(problemAt(element, message));
      return undefined;
    }
    return { ...baseDraft(element, kind, context), job: readJob(element, taskDefinition, context.problems) };
  };
}
