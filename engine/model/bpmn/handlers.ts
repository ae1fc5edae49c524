/**
 * One handler per BPMN element type, and the checks every flow node goes through first. An executable element
 * without a handler is rejected: as not supported by this engine yet when real Zeebe executes it, with real
 * Zeebe's message when real Zeebe rejects it too. Nothing executable is accepted and ignored.
 */
import { child, children, flag, idOf, type ModdleNode } from '../moddle-node.js';
import { problemAt, unsupported, type Problem } from '../problems.js';
import { baseDraft, type ElementHandler, type NodeDraft } from './draft.js';
import { eventDefinitions, extensions } from './elements.js';
import { eventBasedGateway, intermediateCatchEvent, receiveTask } from './catch-events.js';
import { boundaryEvent, endEvent, intermediateThrowEvent, startEvent } from './events.js';
import { taskDefinitionTask } from './job.js';
import { userTask } from './user-task.js';
import { businessRuleTask } from './called-decision.js';
import { scriptTask } from './script-task.js';
import { callActivity } from './call-activity.js';
import { readMultiInstance } from './multi-instance.js';
import { compensationHandlerProblem } from './compensations.js';

const passThrough = (kind: 'task' | 'manualTask' | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway'): ElementHandler =>
  (element, context) => baseDraft(element, kind, context);

/** An embedded subprocess: its contents become nodes whose flow scope is the subprocess. */
const subProcess: ElementHandler = (element, context) => {
  const id = idOf(element) ?? '';
  context.walk(element, id);
  const triggeredByEvent = flag(element, 'triggeredByEvent') === true;
  // an embedded subprocess starts at its none start event, an event subprocess at its typed one
  const startEvents = children(element, 'flowElements')
    .filter((e) => e.$type === 'bpmn:StartEvent' && (eventDefinitions(e).length > 0) === triggeredByEvent)
    .map((e) => idOf(e) ?? '');
  return { ...baseDraft(element, 'subProcess', context), startEvents, ...(triggeredByEvent && { triggeredByEvent }) };
};

/** The handler of each element type this engine executes. */
export const HANDLERS: Readonly<Record<string, ElementHandler>> = {
  'bpmn:StartEvent': startEvent,
  'bpmn:EndEvent': endEvent,
  'bpmn:IntermediateThrowEvent': intermediateThrowEvent,
  'bpmn:BoundaryEvent': boundaryEvent,
  'bpmn:Task': passThrough('task'),
  'bpmn:ManualTask': passThrough('manualTask'),
  'bpmn:ServiceTask': taskDefinitionTask('serviceTask'),
  'bpmn:SendTask': taskDefinitionTask('sendTask'),
  'bpmn:ScriptTask': scriptTask,
  'bpmn:BusinessRuleTask': businessRuleTask,
  'bpmn:UserTask': userTask,
  'bpmn:ExclusiveGateway': passThrough('exclusiveGateway'),
  'bpmn:ParallelGateway': passThrough('parallelGateway'),
  'bpmn:SubProcess': subProcess,
  'bpmn:CallActivity': callActivity,
  'bpmn:InclusiveGateway': passThrough('inclusiveGateway'),
  'bpmn:IntermediateCatchEvent': intermediateCatchEvent,
  'bpmn:ReceiveTask': receiveTask,
  'bpmn:EventBasedGateway': eventBasedGateway,
};

/** Flow elements that do not execute (data); accepted and ignored, as real Zeebe does. */
export const NON_EXECUTABLE: ReadonlySet<string> = new Set([
  'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference',
]);

/** Elements real Zeebe executes that this engine does not yet. */
const ZEEBE_ONLY: ReadonlySet<string> = new Set([
  'bpmn:AdHocSubProcess',
]);

/** Extensions that change how real Zeebe executes any element; this engine does not support them yet. */
const UNSUPPORTED_EXTENSIONS: readonly (readonly [string, string])[] = [
  ['zeebe:ExecutionListeners', 'zeebe:executionListeners'],
  ['zeebe:LinkedResources', 'zeebe:linkedResources'],
  ['zeebe:JobPriorityDefinition', 'zeebe:jobPriorityDefinition'],
];

/** Why an element is not executable here whatever its type (loops, compensation handler types, listeners), if it is not. */
function commonProblem(element: ModdleNode): Problem | undefined {
  const loop = child(element, 'loopCharacteristics');
  if (loop !== undefined && loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    return unsupported(element, loop.$type);
  }
  const handler = compensationHandlerProblem(element);
  if (handler !== undefined) return handler;
  const extension = UNSUPPORTED_EXTENSIONS.find(([type]) => extensions(element, type).length > 0);
  return extension === undefined ? undefined : unsupported(element, extension[1]);
}

/** The problem of an element type without a handler, worded as real Zeebe does when it rejects it too. */
function unhandledProblem(element: ModdleNode): Problem {
  if (ZEEBE_ONLY.has(element.$type)) {
    return unsupported(element);
  }
  const simpleName = element.$type.slice(element.$type.indexOf(':') + 1);
  return problemAt(
    element,
    `Elements of type '${simpleName}' are currently not supported. Please refer to the documentation for a list of ` +
      'supported elements: https://docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/',
  );
}

/** A compensation handler's draft carries its marker. */
const marked = (draft: NodeDraft | undefined, isForCompensation: boolean): NodeDraft | undefined =>
  draft && isForCompensation ? { ...draft, isForCompensation } : draft;

/** Builds the draft of one flow element, or records its problems; sequence flows and data are not handled here. */
export function handleElement(element: ModdleNode, context: Parameters<ElementHandler>[1]): NodeDraft | undefined {
  if (idOf(element) === undefined) {
    // the words of Zeebe's IdentifiableBpmnElementValidator (any element, not only links), which may be newer than 8.5
    context.problems.push(problemAt(element, 'Link id must be present and not empty.'));
    return undefined;
  }
  const handler = HANDLERS[element.$type];
  if (handler === undefined) {
    context.problems.push(unhandledProblem(element));
    return undefined;
  }
  const problem = commonProblem(element);
  if (problem !== undefined) {
    context.problems.push(problem);
    return undefined;
  }
  const draft = marked(handler(element, context), flag(element, 'isForCompensation') === true);
  const loop = child(element, 'loopCharacteristics');
  if (draft === undefined || loop === undefined) return draft;
  const multiInstance = readMultiInstance(loop, context.problems);
  return multiInstance === undefined ? undefined : { ...draft, multiInstance };
}
