/**
 * Job-based tasks: service, send, script and business rule tasks with a `zeebe:taskDefinition`, and job-based
 * user tasks (job type `io.camunda.zeebe:userTask`, 1 retry, the form key and static assignment as headers, as
 * real Zeebe's `UserTaskTransformer` does for user tasks without `zeebe:userTask`).
 */
import type { FlowNodeKind, JobDefinition } from '../types.js';
import { feelBody, verifyExpression } from '../feel.js';
import { children, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, unsupported, type Problem } from '../problems.js';
import { baseDraft, type ElementHandler } from './draft.js';
import { extensions } from './elements.js';

const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
const ASSIGNEE = 'io.camunda.zeebe:assignee';
const CANDIDATE_GROUPS = 'io.camunda.zeebe:candidateGroups';
const CANDIDATE_USERS = 'io.camunda.zeebe:candidateUsers';
const FORM_KEY = 'io.camunda.zeebe:formKey';
const RESTRICTED_HEADERS = [ASSIGNEE, CANDIDATE_GROUPS, FORM_KEY];
const MANDATORY = { mandatory: true, nonStatic: false } as const;

const isPresent = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** The `zeebe:taskHeaders` of an element: headers with an empty key or value are skipped, as in real Zeebe. */
function readHeaders(element: ModdleNode, problems: Problem[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const taskHeaders of extensions(element, 'zeebe:TaskHeaders')) {
    for (const header of children(taskHeaders, 'values')) {
      const key = text(header, 'key');
      const value = text(header, 'value');
      if (key !== undefined && RESTRICTED_HEADERS.includes(key)) {
        problems.push(problemAt(taskHeaders, `Attribute 'key' may not use restricted header '${key}'`));
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
 * `zeebe:calledDecision`); the engine-implemented form is not supported yet.
 */
export function eitherOrTask(kind: FlowNodeKind, alternative: string, alternativeType: string): ElementHandler {
  return (element, context) => {
    const alternatives = extensions(element, alternativeType);
    const taskDefinitions = extensions(element, 'zeebe:TaskDefinition');
    const [taskDefinition] = taskDefinitions;
    if (alternatives.length === 1 && taskDefinitions.length === 0) {
      context.problems.push(unsupported(element, `zeebe:${alternative}`));
      return undefined;
    }
    if (alternatives.length !== 0 || taskDefinitions.length !== 1 || taskDefinition === undefined) {
      const message = `Must have either one 'zeebe:${alternative}' or one 'zeebe:taskDefinition' extension element`;
      context.problems.push(problemAt(element, message));
      return undefined;
    }
    return { ...baseDraft(element, kind, context), job: readJob(element, taskDefinition, context.problems) };
  };
}

/** Static assignment as job headers; an assignment given as an expression is not supported yet. */
function readAssignment(element: ModdleNode, headers: Record<string, string>, problems: Problem[]): void {
  const csv = (value: string): string => JSON.stringify(value.split(',').map((v) => v.trim()).filter((v) => v !== ''));
  for (const assignment of extensions(element, 'zeebe:AssignmentDefinition')) {
    const entries: readonly (readonly [string, string, (value: string) => string])[] = [
      ['assignee', ASSIGNEE, (value) => value],
      ['candidateGroups', CANDIDATE_GROUPS, csv],
      ['candidateUsers', CANDIDATE_USERS, csv],
    ];
    for (const [attribute, header, toHeader] of entries) {
      const value = text(assignment, attribute);
      if (value !== undefined && feelBody(value) !== undefined) {
        problems.push(unsupported(element, `zeebe:assignmentDefinition ${attribute} expression`));
      } else if (isPresent(value)) {
        headers[header] = toHeader(value);
      }
    }
  }
}

/** The form key header of a job-based user task; a linked form (`formId`) is not supported yet. */
function readForm(element: ModdleNode, headers: Record<string, string>, problems: Problem[]): void {
  for (const form of extensions(element, 'zeebe:FormDefinition')) {
    const formKey = text(form, 'formKey');
    const formId = text(form, 'formId');
    if (isPresent(formKey) === isPresent(formId)) {
      problems.push(problemAt(form, "Exactly one of the attributes 'formId, formKey' must be present and not blank"));
    } else if (isPresent(formKey)) {
      headers[FORM_KEY] = formKey;
    } else {
      problems.push(unsupported(element, 'zeebe:formDefinition formId'));
    }
  }
}

const UNSUPPORTED_USER_TASK_EXTENSIONS: readonly (readonly [string, string])[] = [
  ['zeebe:UserTask', 'zeebe:userTask'],
  ['zeebe:TaskSchedule', 'zeebe:taskSchedule'],
  ['zeebe:TaskListeners', 'zeebe:taskListeners'],
];

/** A job-based user task. A Camunda user task (`zeebe:userTask`) is not supported yet. */
export const userTask: ElementHandler = (element, context) => {
  const found = UNSUPPORTED_USER_TASK_EXTENSIONS.find(([type]) => extensions(element, type).length > 0);
  if (found !== undefined) {
    context.problems.push(unsupported(element, found[1]));
    return undefined;
  }
  const before = context.problems.length;
  const headers = readHeaders(element, context.problems);
  readForm(element, headers, context.problems);
  readAssignment(element, headers, context.problems);
  const job: JobDefinition = { type: USER_TASK_JOB_TYPE, retries: '1', headers };
  return context.problems.length > before ? undefined : { ...baseDraft(element, 'userTask', context), job };
};
