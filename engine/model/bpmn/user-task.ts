/**
 * User tasks, in real Zeebe 8.5's two implementations: a Camunda user task (`zeebe:userTask`), which the engine keeps
 * itself (assignment and schedule static or FEEL, a linked form or an external reference), and a job-based one (job
 * type `io.camunda.zeebe:userTask`, 1 retry; static assignment, schedule and form key as headers, FEEL assignment and
 * schedule and a linked form evaluated when the job is created, as real Zeebe's `UserTaskTransformer` does).
 */
import type { JobDefinition, UserTaskProperties, ZeebeUserTask } from '../types.js';
import { feelBody, verifyExpression } from '../feel.js';
import { javaZonedDateTime } from '../java-date-time.js';
import { text, type ModdleNode } from '../moddle-node.js';
import { problemAt, unsupported, type Problem } from '../problems.js';
import { baseDraft, type ElementHandler, type HandlerContext, type NodeDraft } from './draft.js';
import { extensions } from './elements.js';
import { readHeaders, USER_TASK_HEADERS } from './job.js';

const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
const OPTIONAL = { mandatory: false, nonStatic: false } as const;
const ASSIGNMENT_ATTRIBUTES = ['assignee', 'candidateGroups', 'candidateUsers'] as const;
const SCHEDULE_ATTRIBUTES = ['dueDate', 'followUpDate'] as const;

type Attribute = (typeof ASSIGNMENT_ATTRIBUTES)[number] | (typeof SCHEDULE_ATTRIBUTES)[number];

/** What a static value must be (real Zeebe's `satisfiesIfStatic` in ZeebeRuntimeValidators), in its words. */
interface StaticRequirement {
  readonly holds: (value: string) => boolean;
  readonly description: string;
}

const CSV: StaticRequirement = {
  holds: (value) => value.split(',').every((item) => item.trim() !== ''),
  description: "be a list of comma-separated values, e.g. 'a,b,c'",
};
const DATE_TIME: StaticRequirement = {
  holds: (value) => javaZonedDateTime(value) !== undefined,
  description: "be a valid DateTime String, e.g. '2023-03-02T15:35+02:00'",
};
const STATIC_REQUIREMENTS: Partial<Record<Attribute, StaticRequirement>> = {
  candidateGroups: CSV, candidateUsers: CSV, dueDate: DATE_TIME, followUpDate: DATE_TIME,
};

const isPresent = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** `Exactly one of the attributes 'a, b' must be present and not blank<suffix>`, in real Zeebe's words, when it is not so. */
function exactlyOne(form: ModdleNode, attributes: readonly string[], suffix: string, problems: Problem[]): string | undefined {
  const present = attributes.filter((a) => isPresent(text(form, a)));
  if (present.length === 1) return present[0];
  problems.push(problemAt(form, `Exactly one of the attributes '${attributes.join(', ')}' must be present and not blank${suffix}`));
  return undefined;
}

/** The present attributes of an extension element, each checked as an optional expression and, if static, its value. */
function readValues<A extends Attribute>(element: ModdleNode, type: string, attributes: readonly A[], problems: Problem[]): Partial<Record<A, string>> {
  const values: Partial<Record<A, string>> = {};
  for (const extension of extensions(element, type)) {
    for (const attribute of attributes) {
      const value = text(extension, attribute);
      if (!isPresent(value)) continue;
      problems.push(...verifyExpression(value, OPTIONAL).map((message) => problemAt(extension, message)));
      const requirement = STATIC_REQUIREMENTS[attribute];
      if (requirement && feelBody(value) === undefined && !requirement.holds(value)) {
        problems.push(problemAt(extension, `Expected static value to ${requirement.description}, but found '${value}'.`));
      }
      values[attribute] = value;
    }
  }
  return values;
}

/**
 * The one attribute of the `zeebe:formDefinition` among those allowed, with its value (none: no form, or a problem).
 * Zeebe's `ZeebeFormDefinitionValidator` ends the problem with " for native user tasks" for a Camunda user task.
 */
function readFormDefinition(element: ModdleNode, allowed: readonly string[], problems: Problem[]): { attribute: string; value: string } | undefined {
  const [form] = extensions(element, 'zeebe:FormDefinition');
  if (!form) return undefined;
  const suffix = extensions(element, 'zeebe:UserTask').length > 0 ? ' for native user tasks' : '';
  const attribute = exactlyOne(form, allowed, suffix, problems);
  const value = attribute === undefined ? undefined : text(form, attribute);
  return attribute === undefined || value === undefined ? undefined : { attribute, value };
}

/** The form of a Camunda user task: a linked form (`formId`) or an external reference, never an embedded form key. */
function readLinkedForm(element: ModdleNode, problems: Problem[]): Pick<ZeebeUserTask, 'formId' | 'externalReference'> {
  const form = readFormDefinition(element, ['formId', 'externalReference'], problems);
  return form ? { [form.attribute]: form.value } : {};
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

/** A static value as its job header: candidate lists as JSON arrays (`a, b` → `["a","b"]`), dates as Zeebe writes them. */
function headerValue(attribute: Attribute, value: string): string {
  if (attribute === 'dueDate' || attribute === 'followUpDate') return javaZonedDateTime(value) ?? value;
  if (attribute === 'assignee') return value;
  return JSON.stringify(value.split(',').map((v) => v.trim()).filter((v) => v !== ''));
}

/** Puts static values into the headers; returns the FEEL expressions, evaluated when the job is created. */
function splitStatic(values: Partial<Record<Attribute, string>>, headers: Record<string, string>): UserTaskProperties {
  const expressions: Partial<Record<Attribute, string>> = {};
  for (const [attribute, value] of Object.entries(values) as [Attribute, string][]) {
    if (feelBody(value) === undefined) headers[USER_TASK_HEADERS[attribute]] = headerValue(attribute, value);
    else expressions[attribute] = value;
  }
  return expressions;
}

/** The form of a job-based user task: a form key (a header) or a linked form (its id, resolved when the job is created). */
function readForm(element: ModdleNode, headers: Record<string, string>, problems: Problem[]): Pick<UserTaskProperties, 'formId'> {
  const form = readFormDefinition(element, ['formId', 'formKey'], problems);
  if (form?.attribute === 'formKey') headers[USER_TASK_HEADERS.formKey] = form.value;
  return form?.attribute === 'formId' ? { formId: form.value } : {};
}

/** A job-based user task. */
function jobBasedUserTask(element: ModdleNode, context: HandlerContext): NodeDraft | undefined {
  const { problems } = context;
  const before = problems.length;
  const headers = readHeaders(element, problems);
  const userTask: UserTaskProperties = {
    ...readForm(element, headers, problems),
    ...splitStatic({
      ...readValues(element, 'zeebe:AssignmentDefinition', ASSIGNMENT_ATTRIBUTES, problems),
      ...readValues(element, 'zeebe:TaskSchedule', SCHEDULE_ATTRIBUTES, problems),
    }, headers),
  };
  const job: JobDefinition = { type: USER_TASK_JOB_TYPE, retries: '1', headers, ...(Object.keys(userTask).length > 0 && { userTask }) };
  return problems.length > before ? undefined : { ...baseDraft(element, 'userTask', context), job };
}

/** A user task: Camunda (`zeebe:userTask`) or job-based; task listeners (Zeebe 8.6) are not supported yet. */
export const userTask: ElementHandler = (element, context) => {
  if (extensions(element, 'zeebe:TaskListeners').length > 0) {
    context.problems.push(unsupported(element, 'zeebe:taskListeners'));
    return undefined;
  }
  return extensions(element, 'zeebe:UserTask').length > 0 ? camundaUserTask(element, context) : jobBasedUserTask(element, context);
};
