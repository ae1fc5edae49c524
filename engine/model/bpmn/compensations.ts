/**
 * Compensation (https://docs.camunda.io/docs/components/modeler/bpmn/compensation-events/), checked like real Zeebe
 * 8.5's `BoundaryEventValidator`, `CompensationTaskValidator`, `CompensationEventDefinitionValidator`,
 * `IntermediateThrowEventValidator` and `EndEventValidator`: a compensation boundary event has no outgoing flows and
 * an association to its handler; a handler task has no flows and no boundary events; a throw event waits for
 * completion and its `activityRef` names an activity of its scope (or, from an event subprocess, of the scope
 * around it) that has a compensation boundary event or is a subprocess. One rule is this engine's own: the
 * association leads to an activity marked `isForCompensation`.
 */
import type { FlowNode } from '../types.js';
import { child, children, flag, idOf, parentOf, type ModdleNode } from '../moddle-node.js';
import { problemAt, problemOn, type Problem } from '../problems.js';
import { opt, type HandlerContext } from './draft.js';
import { eventDefinitions } from './elements.js';
import type { EventFields } from './event-definitions.js';

/** Activity types the `isForCompensation` marker allows among tasks (real Zeebe checks tasks only). */
const HANDLER_TASKS = new Set(['bpmn:Task', 'bpmn:ServiceTask', 'bpmn:UserTask', 'bpmn:SendTask', 'bpmn:ScriptTask', 'bpmn:ManualTask']);
const TASKS = new Set([...HANDLER_TASKS, 'bpmn:BusinessRuleTask', 'bpmn:ReceiveTask']);
const TASK_KINDS = new Set<FlowNode['kind']>(['task', 'serviceTask', 'userTask', 'sendTask', 'scriptTask', 'manualTask']);
const ACTIVITIES = new Set([...TASKS, 'bpmn:SubProcess', 'bpmn:CallActivity', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

const COMPENSATE = 'bpmn:CompensateEventDefinition';

/** The problem of a task marked `isForCompensation` whose type cannot be a compensation handler, if any. */
export function compensationHandlerProblem(element: ModdleNode): Problem | undefined {
  if (flag(element, 'isForCompensation') !== true || !TASKS.has(element.$type) || HANDLER_TASKS.has(element.$type)) return undefined;
  return problemAt(element, 'Compensation task must be one of: service task, user task, send task, script task, manual task, or undefined task.');
}

/** Every association of the document the element belongs to (real Zeebe looks in the whole model). */
function associationsOf(element: ModdleNode): ModdleNode[] {
  let root = element;
  for (let parent = parentOf(root); parent !== undefined; parent = parentOf(root)) root = parent;
  const collect = (container: ModdleNode): ModdleNode[] => [
    ...children(container, 'artifacts').filter((a) => a.$type === 'bpmn:Association'),
    ...[...children(container, 'rootElements'), ...children(container, 'flowElements')].flatMap(collect),
  ];
  return collect(root);
}

/** A compensation boundary event's fields: the handler its (first) association leads to. */
export function readCompensationBoundary(element: ModdleNode): EventFields {
  const association = associationsOf(element).find((a) => child(a, 'sourceRef') === element);
  const handler = association === undefined ? undefined : child(association, 'targetRef');
  return { eventKind: 'compensation', ...opt('compensationHandler', handler === undefined ? undefined : idOf(handler)) };
}

/** Whether an activity has a compensation boundary event. */
function hasCompensationBoundary(activity: ModdleNode): boolean {
  const container = parentOf(activity);
  return container !== undefined && children(container, 'flowElements').some((e) =>
    e.$type === 'bpmn:BoundaryEvent' && child(e, 'attachedToRef') === activity && eventDefinitions(e).some((d) => d.$type === COMPENSATE));
}

const isEventSubprocess = (node: ModdleNode | undefined): boolean => node?.$type === 'bpmn:SubProcess' && flag(node, 'triggeredByEvent') === true;

/** The referenced activity is in the throw event's scope, or (from an event subprocess) in the scope around it. */
function inThrowScope(event: ModdleNode, activity: ModdleNode): boolean {
  const scope = parentOf(event);
  return parentOf(activity) === scope || (isEventSubprocess(scope) && scope !== undefined && parentOf(activity) === parentOf(scope));
}

/** The problems of a throw event's `activityRef`; the activity it names when it names one. */
function readActivityRef(event: ModdleNode, definition: ModdleNode, context: HandlerContext): string | undefined {
  const activity = child(definition, 'activityRef');
  if (activity === undefined || !ACTIVITIES.has(activity.$type)) {
    const raw = activity === undefined ? context.references(definition, 'bpmn:activityRef') : idOf(activity);
    if (raw !== undefined && raw !== '') context.problems.push(problemAt(definition, `The referenced compensation activity '${raw}' doesn't exist`));
    return undefined;
  }
  const id = idOf(activity) ?? '';
  const subprocess = activity.$type === 'bpmn:SubProcess' && !isEventSubprocess(activity);
  if (!hasCompensationBoundary(activity) && !subprocess) {
    context.problems.push(problemAt(definition, `The referenced compensation activity '${id}' must have either a compensation boundary event or be a subprocess`));
  }
  if (!inThrowScope(event, activity)) {
    context.problems.push(problemAt(definition, `The referenced compensation activity '${id}' must be in the same scope as the compensation throw event`));
  }
  return id;
}

/** A compensation intermediate throw or end event's fields: the activity it compensates, if it names one. */
export function readThrownCompensation(event: ModdleNode, definition: ModdleNode, context: HandlerContext): EventFields {
  if (flag(definition, 'waitForCompletion') === false) {
    const what = event.$type === 'bpmn:EndEvent' ? 'end event' : 'intermediate throwing event';
    context.problems.push(problemAt(event, `A compensation ${what} waitForCompletion attribute must be true or not present`));
  }
  return { eventKind: 'compensation', ...opt('compensationActivity', readActivityRef(event, definition, context)) };
}

/** The problems of a compensation boundary event, once flows are connected. */
function boundaryProblems(boundary: FlowNode, nodes: ReadonlyMap<string, FlowNode>): string[] {
  const handler = boundary.compensationHandler;
  if (boundary.outgoing.length > 0 || handler === undefined) {
    return ['Compensation boundary events must have a compensation association and no outgoing sequence flows'];
  }
  return nodes.get(handler)?.isForCompensation === true ? []
    : [`The compensation association must lead to an activity marked isForCompensation, but '${handler}' is not one`];
}

/** The problems of a compensation handler task, once flows are connected and boundary events known. */
function handlerProblems(handler: FlowNode, boundaries: readonly FlowNode[]): string[] {
  return [
    ...(handler.incoming.length > 0 ? ['A compensation handler should have no incoming sequence flows'] : []),
    ...(handler.outgoing.length > 0 ? ['A compensation handler should have no outgoing sequence flows'] : []),
    ...(boundaries.some((b) => b.attachedTo === handler.id) ? ['A compensation handler should have no boundary events'] : []),
  ];
}

/** The rules on compensation boundary events and handler tasks that need the connected flows. */
export function checkCompensations(nodes: ReadonlyMap<string, FlowNode>, problems: Problem[]): void {
  const boundaries = [...nodes.values()].filter((n) => n.kind === 'boundaryEvent');
  for (const node of nodes.values()) {
    const messages = node.kind === 'boundaryEvent' && node.eventKind === 'compensation' ? boundaryProblems(node, nodes)
      : node.isForCompensation === true && TASK_KINDS.has(node.kind) ? handlerProblems(node, boundaries)
      : [];
    problems.push(...messages.map((message) => problemOn(node.id, message)));
  }
}
