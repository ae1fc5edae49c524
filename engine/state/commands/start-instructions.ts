/**
 * The checks of CreateProcessInstance start instructions, in real Zeebe 8.5's order and wording (its
 * `ProcessInstanceCreationCreateProcessor`): each check runs over every instruction before the next check, and the
 * first instruction that fails it is named. No catalogue rule covers these rejections.
 */
import type { FlowNode } from '../../model/index.js';
import { err, ok, type Result } from '../../result.js';
import type { Rejection } from '../machine.js';
import { flowScopeChain, lookUp, lookupTypeOf, type ElementLookup } from '../modification/element-types.js';
import type { ProcessDefinition } from '../types.js';

const PREFIX = 'Expected to create instance of process with start instructions but';

/** Kinds real Zeebe refuses to start at (sequence flows too). */
const UNSUPPORTED_KINDS: ReadonlySet<string> = new Set(['startEvent', 'boundaryEvent']);

/**
 * The element types Zeebe 8.5 names as supported, in its `BpmnElementType` order (Zeebe prints them from a hash set,
 * whose order is not fixed).
 */
const SUPPORTED_TYPES = [
  'PROCESS', 'SUB_PROCESS', 'EVENT_SUB_PROCESS', 'INTERMEDIATE_CATCH_EVENT', 'INTERMEDIATE_THROW_EVENT', 'END_EVENT',
  'SERVICE_TASK', 'RECEIVE_TASK', 'USER_TASK', 'MANUAL_TASK', 'TASK', 'EXCLUSIVE_GATEWAY', 'PARALLEL_GATEWAY',
  'EVENT_BASED_GATEWAY', 'INCLUSIVE_GATEWAY', 'MULTI_INSTANCE_BODY', 'CALL_ACTIVITY', 'BUSINESS_RULE_TASK', 'SCRIPT_TASK',
  'SEND_TASK',
];

interface Target {
  readonly id: string;
  readonly lookup: ElementLookup;
}

/** The reason an instruction fails a check, or undefined. */
type Check = (definition: ProcessDefinition, target: Target) => string | undefined;

/** The process id is refused here too (Zeebe 8.5 finds it and passes it on to an activation of unclear outcome). */
const exists: Check = (_definition, { id, lookup }) =>
  lookup.found === 'nothing' || lookup.found === 'process' ? `${PREFIX} no element found with id '${id}'.` : undefined;

/** The multi-instance activity itself is fine (its body starts the loop); anything within one is not. */
const notInsideMultiInstance: Check = (definition, { id, lookup }) =>
  lookup.found === 'node' && flowScopeChain(definition, lookup.node).some((scope) => scope.multiInstance !== undefined)
    ? `${PREFIX} the element with id '${id}' is inside a multi-instance subprocess. The creation of elements inside a multi-instance subprocess is not supported.`
    : undefined;

const supportedType: Check = (_definition, { id, lookup }) =>
  lookup.found === 'flow' || (lookup.found === 'node' && UNSUPPORTED_KINDS.has(lookup.node.kind))
    ? `${PREFIX} the element with id '${id}' targets unsupported element type '${lookupTypeOf(lookup)}'. Supported element types are: [${SUPPORTED_TYPES.join(', ')}]`
    : undefined;

const notAfterEventGateway: Check = (definition, { id, lookup }) => {
  const { elements, flows } = definition.process;
  const incoming = lookup.found === 'node' ? lookup.node.incoming : [];
  return incoming.some((flowId) => elements.get(flows.get(flowId)?.sourceRef ?? '')?.kind === 'eventBasedGateway')
    ? `${PREFIX} the element with id '${id}' belongs to an event-based gateway. The creation of elements belonging to an event-based gateway is not supported.`
    : undefined;
};

const CHECKS: readonly Check[] = [exists, notInsideMultiInstance, supportedType, notAfterEventGateway];

/** The flow nodes the start instructions name, or the first check one of them fails (INVALID_ARGUMENT). */
export function startInstructionTargets(definition: ProcessDefinition, elementIds: readonly string[]): Result<FlowNode[], Rejection> {
  const targets = elementIds.map((id) => ({ id, lookup: lookUp(definition, id) }));
  for (const check of CHECKS) {
    const reason = targets.map((target) => check(definition, target)).find((r) => r !== undefined);
    if (reason !== undefined) return err({ type: 'INVALID_ARGUMENT', intent: 'CREATE', reason });
  }
  return ok(targets.flatMap(({ lookup }) => (lookup.found === 'node' ? [lookup.node] : [])));
}
