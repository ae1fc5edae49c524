/**
 * User tasks, in real Zeebe 8.5's two implementations: a Camunda user task (`zeebe:userTask`), which the engine keeps
 * itself (assignment and schedule static or FEEL, a linked form or an external reference), and a job-based one (job
 * type `io.camunda.zeebe:userTask`, 1 retry, the form key and static assignment as headers, as real Zeebe's
 * `UserTaskTransformer` does).
 */
import type { JobDefinition, ZeebeUserTask } from '../types.js';
import { feelBody, verifyExpression } from '../feel.js';
import { text, type ModdleNode } from '../moddle-node.js';
import { problemAt, unsupported, type Problem } from '../problems.js';
import { baseDraft, type ElementHandler, type HandlerContext, type NodeDraft } from './draft.js';
import { extensions } from './elements.js';
import { readHeaders, USER_TASK_HEADERS } from './job.js';

const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
const OPTIONAL = { mandatory: false, nonStatic: false } as const;
const ASSIGNMENT_ATTRIBUTES = ['assignee', 'candidateGroups', 'candidateUsers'] as const;
const SCHEDULE_ATTRIBUTES = ['dueDate', 'followUpDate'] as const;

const isPresent = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** `Exactly one of the attributes 'a, b' must be present and not blank`, in real Zeebe's words, when it is not so. */
function exactlyOne(form: ModdleNode, attributes: readonly string[], problems: Problem[]): string | undefined {
  const present = attributes.filter((a) => isPresent(text(form, a)));
  if (present.length === 1) return present[0];
  problems.push(problemAt(form, `Exactly one of the attributes '${attributes.join(', ')}' must be present and not blank`));
  return undefined;
}

/** The present attributes of the first extension element of a type, each checked as an optional expression. */
function readValues<A extends string>(element: ModdleNode, type: string, attributes: readonly A[], problems: Problem[]): Partial<Record<A, string>> {
  const values: Partial<Record<A, string>> = {};
  for (const extension of extensions(element, type)) {
    for (const attribute of attributes) {
      const value = text(extension, attribute);
      if (!isPresent(value)) continue;
      problems.push(...verifyExpression(value, OPTIONAL).map((message) => problemAt(extension, message)));
      values[attribute] = value;
    }
  }
  return values;
}

/** The form of a Camunda user task: a linked form (`formId`) or an external reference, never an embedded form key. */
function readLinkedForm(element: ModdleNode, problems: Problem[]): Pick<ZeebeUserTask, 'formId' | 'externalReference'> {
  const [form] = extensions(element, 'zeebe:FormDefinition');
  if (!form) return {};
  const attribute = exactlyOne(form, ['formId', 'externalReference'], problems);
  const value = text(form, attribute ?? '');
  return attribute === undefined || value === undefined ? {} : { [attribute]: value };
}

/** A Camunda user task: no job; the engine keeps the task until it is completed. */
function camundaUserTask(element: ModdleNode, context: HandlerContext): NodeDraft | undefined {
  const { problems } = context;
  const before = problems.length;
  const userTask: ZeebeUserTask = {
    ...readValues(element, 'zeebe:AssignmentDefinition', ASSIGNMENT_ATTRIBUTES, problems),
    ...readValues(element, 'zeebe:TaskSchedule', SCHEDULE_ATTRIBUTES, problems),
    ...readLinkedForm(element, problems),
    headers: readHeaders(element, problems),
  };
  return problems.length > before ? undefined : { ...baseDraft(element, 'userTask', context), userTask };
}

/** Static assignment as job headers; an assignment given as an expression is not supported yet. */
function readAssignment(element: ModdleNode, headers: Record<string, string>, problems: Problem[]): void {
  const csv = (value: string): string => JSON.stringify(value.split(',').map((v) => v.trim()).filter((v) => v !== ''));
  const toHeader = { assignee: (value: string) => value, candidateGroups: csv, candidateUsers: csv };
  for (const assignment of extensions(element, 'zeebe:AssignmentDefinition')) {
    for (const attribute of ASSIGNMENT_ATTRIBUTES) {
      const value = text(assignment, attribute);
      if (value !== undefined && feelBody(value) !== undefined) {
        problems.push(unsupported(element, `zeebe:assignmentDefinition ${attribute} expression`));
      } else if (isPresent(value)) {
        headers[USER_TASK_HEADERS[attribute]] = toHeader[attribute](value);
      }
    }
  }
}

/** The form key header of a job-based user task; a linked form (`formId`) is not supported yet. */
function readForm(element: ModdleNode, headers: Record<string, string>, problems: Problem[]): void {
  for (const form of extensions(element, 'zeebe:FormDefinition')) {
    const attribute = exactlyOne(form, ['formId', 'formKey'], problems);
    const formKey = text(form, 'formKey');
    if (attribute === 'formKey' && formKey !== undefined) headers[USER_TASK_HEADERS.formKey] = formKey;
    else if (attribute === 'formId') problems.push(unsupported(element, 'zeebe:formDefinition formId'));
  }
}

/** A job-based user task. */
function jobBasedUserTask(element: ModdleNode, context: HandlerContext): NodeDraft | undefined {
  const schedule = extensions(element, 'zeebe:TaskSchedule').length > 0;
  if (schedule) {
    context.problems.push(unsupported(element, 'zeebe:taskSchedule'));
    return undefined;
  }
  const before = context.problems.length;
  const headers = readHeaders(element, context.problems);
  readForm(element, headers, context.problems);
  readAssignment(element, headers, context.problems);
  const job: JobDefinition = { type: USER_TASK_JOB_TYPE, retries: '1', headers };
  return context.problems.length > before ? undefined : { ...baseDraft(element, 'userTask', context), job };
}

/** A user task: Camunda (`zeebe:userTask`) or job-based; task listeners (Zeebe 8.6) are not supported yet. */
export const userTask: ElementHandler = (element, context) => {
  if (extensions(element, 'zeebe:TaskListeners').length > 0) {
    context.problems.push(unsupported(element, 'zeebe:taskListeners'));
    return undefined;
  }
  return extensions(element, 'zeebe:UserTask').length > 0 ? camundaUserTask(element, context) : jobBasedUserTask(element, context);
};
