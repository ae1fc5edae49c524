/**
 * The checks of a migration per active element instance, in real Zeebe 8.5's order (its
 * `ProcessInstanceMigrationPreconditions`): a type the migration supports, a mapping, the same element type, the
 * same flow scope, no boundary events the engine cannot carry over, no tokens in flight. Reasons are real Zeebe's.
 */
import type { FlowNode } from '../../model/index.js';
import type { Rejection, RejectionType } from '../machine.js';
import type { ElementInstance, ProcessDefinition, ProcessInstance } from '../types.js';
import { checkCatchEvents } from './catch-event-checks.js';
import { elementTypeOf, lookUp, lookupTypeOf } from './element-types.js';

/** A migration being checked: the instance, its target, the mapping, and the target id each checked element gets. */
export interface Migration {
  readonly pi: ProcessInstance;
  readonly target: ProcessDefinition;
  readonly mapping: ReadonlyMap<string, string>;
  readonly targetIds: Map<string, string>;
  /**
   * Whether multi-instance bodies migrate (the documented behaviour, from 8.6): real Zeebe 8.5 refuses an active
   * body as an unsupported element.
   */
  readonly multiInstance: boolean;
  /** Whether the catch events of active elements may be mapped (documented, from 8.6); real Zeebe 8.5 maps none. */
  readonly catchEvents: boolean;
}

const RULE_STATUS: Readonly<Partial<Record<RejectionType, string>>> = { NOT_FOUND: 'NOT_FOUND', INVALID_ARGUMENT: 'INVALID_ARGUMENT', INVALID_STATE: 'FAILED_PRECONDITION' };

/** A rejection of the migration; `rule` names the catalogue rule, where there is one. */
export function refusal(type: RejectionType, rule: string | undefined, reason: string): Rejection {
  return { type, intent: 'MIGRATE', reason, ...(rule !== undefined && { ruleId: `MigrateProcessInstance/${RULE_STATUS[type] ?? type}/${rule}` }) };
}

/** Element types real Zeebe 8.5 migrates while active (besides the process itself). */
const SUPPORTED: ReadonlySet<string> = new Set(['SERVICE_TASK', 'USER_TASK', 'SUB_PROCESS', 'CALL_ACTIVITY']);

/**
 * Boundary event types an active element may carry: real Zeebe 8.5's set, and where catch events migrate (8.6)
 * timers and signals too; the rest are unsupported scenarios.
 */
const CARRIED_BOUNDARY_EVENTS = { upTo85: new Set(['MESSAGE']), from86: new Set(['MESSAGE', 'TIMER', 'SIGNAL']) } as const;
const carried = (m: Migration): ReadonlySet<string> => (m.catchEvents ? CARRIED_BOUNDARY_EVENTS.from86 : CARRIED_BOUNDARY_EVENTS.upTo85);

type ElementCheck = (m: Migration, element: ElementInstance, node: FlowNode) => Rejection | undefined;

const start = (m: Migration): string => `Expected to migrate process instance '${m.pi.key}' but`;

/**
 * Real Zeebe 8.5 refuses an active multi-instance body as unsupported; where the mapping also changes its loop mode,
 * the refusal answers that rule's condition too, so it names it (with 8.5's reason).
 */
const supportedType: ElementCheck = (m, element, node) => {
  if (SUPPORTED.has(elementTypeOf(node)) || (m.multiInstance && node.kind === 'multiInstanceBody')) return undefined;
  const changed = changedLoopMode(m, element, node);
  return refusal('INVALID_STATE', changed ? changed.rule : 'unsupported-element',
    `${start(m)} active element with id '${element.elementId}' has an unsupported type. The migration of a ${elementTypeOf(node)} is not supported.`);
};

const mapped: ElementCheck = (m, element) =>
  m.mapping.has(element.elementId) ? undefined
  : refusal('INVALID_STATE', 'unmapped-active-element', `${start(m)} no mapping instruction defined for active element with id '${element.elementId}'. Elements cannot be migrated without a mapping.`);

/** The target's type as the element instance sees it: a body's target is a body when it has loop characteristics. */
function targetTypeOf(m: Migration, node: FlowNode, targetId: string): string {
  const lookup = lookUp(m.target, targetId);
  const bodyToBody = node.kind === 'multiInstanceBody' && lookup.found === 'node' && lookup.node.multiInstance !== undefined;
  return bodyToBody ? 'MULTI_INSTANCE_BODY' : lookupTypeOf(lookup);
}

const sameType: ElementCheck = (m, element, node) => {
  const targetId = m.mapping.get(element.elementId) ?? '';
  const targetType = targetTypeOf(m, node, targetId);
  return targetType === elementTypeOf(node) ? undefined
    : refusal('INVALID_STATE', 'element-type-changed', `${start(m)} active element with id '${element.elementId}' and type '${elementTypeOf(node)}' is mapped to an element with id '${targetId}' and different type '${targetType}'. Elements must be mapped to elements of the same type.`);
};

/** A user task's implementation, in real Zeebe's words. */
const implementationOf = (node: FlowNode | undefined): string => (node?.userTask ? 'zeebe user task' : 'job worker');

/** A user task keeps its implementation: job worker to job worker, Camunda (zeebe) user task to Camunda user task. */
const sameImplementation: ElementCheck = (m, element, node) => {
  if (node.kind !== 'userTask') return undefined;
  const targetId = m.mapping.get(element.elementId) ?? '';
  const [source, target] = [implementationOf(node), implementationOf(m.target.process.elements.get(targetId))];
  return source === target ? undefined
    : refusal('INVALID_STATE', 'task-implementation-changed', `${start(m)} active user task with id '${element.elementId}' and implementation '${source}' is mapped to an user task with id '${targetId}' and different implementation '${target}'. Elements must be mapped to elements of the same implementation.`);
};

const MODES = { parallel: 'parallel', sequential: 'sequential' } as const;
const modeOf = (sequential: boolean): string => (sequential ? MODES.sequential : MODES.parallel);

/** How a mapping changes a multi-instance body's loop mode, if it does. */
function changedLoopMode(m: Migration, element: ElementInstance, node: FlowNode): { rule: string; from: string; to: string; targetId: string } | undefined {
  const targetId = m.mapping.get(element.elementId) ?? '';
  const source = node.kind === 'multiInstanceBody' ? node.multiInstance : undefined;
  const target = m.target.process.elements.get(targetId)?.multiInstance;
  if (!source || !target || source.sequential === target.sequential) return undefined;
  const [from, to] = [modeOf(source.sequential), modeOf(target.sequential)];
  return { rule: `multi-instance-${from}-to-${to}`, from, to, targetId };
}

/** A multi-instance body keeps its mode: parallel to parallel, sequential to sequential. */
const sameLoopMode: ElementCheck = (m, element, node) => {
  const changed = changedLoopMode(m, element, node);
  return changed && refusal('INVALID_STATE', changed.rule,
    `${start(m)} active multi-instance element with id '${element.elementId}' and ${changed.from} loop characteristics is mapped to an element with id '${changed.targetId}' and ${changed.to} loop characteristics. Multi-instance elements must keep their loop characteristics.`);
};

/** The flow scope's target (its parent was checked first) must be the target element's flow scope; an inner instance's is its body. */
const sameFlowScope: ElementCheck = (m, element) => {
  const targetId = m.mapping.get(element.elementId) ?? '';
  const expected = element.flowScopeKey === undefined ? undefined : m.targetIds.get(element.flowScopeKey);
  const inBody = element.node?.kind !== 'multiInstanceBody' && m.pi.definition.process.elements.get(element.elementId)?.multiInstance !== undefined;
  const actual = inBody ? targetId : m.target.process.elements.get(targetId)?.flowScope ?? m.target.bpmnProcessId;
  return expected === undefined || expected === actual ? undefined
    : refusal('INVALID_STATE', 'unsupported-scenario', `${start(m)} the flow scope of active element with id '${element.elementId}' is changed. The flow scope of the active element is expected to be '${expected}' but was '${actual}'. The flow scope of an element cannot be changed during migration yet.`);
};

const boundaryEventsOf = (m: Migration, definition: ProcessDefinition, id: string): string[] =>
  [...definition.process.elements.values()]
    .filter((n) => n.kind === 'boundaryEvent' && n.attachedTo === id)
    .map((n) => (n.eventKind ?? 'none').toUpperCase())
    .filter((type) => !carried(m).has(type));

const noSourceBoundaryEvents: ElementCheck = (m, element) => {
  const types = boundaryEventsOf(m, m.pi.definition, element.elementId);
  return types.length === 0 ? undefined
    : refusal('INVALID_STATE', 'unsupported-scenario', `${start(m)} active element with id '${element.elementId}' has one or more boundary events of types '${types.join(',')}'. Migrating active elements with boundary events of these types is not possible yet.`);
};

const noTargetBoundaryEvents: ElementCheck = (m, element) => {
  const targetId = m.mapping.get(element.elementId) ?? '';
  const types = boundaryEventsOf(m, m.target, targetId);
  return types.length === 0 ? undefined
    : refusal('INVALID_STATE', 'unsupported-scenario', `${start(m)} target element with id '${targetId}' has one or more boundary events of types '${types.join(',')}'. Migrating target elements with boundary events of these types is not possible yet.`);
};

/** Tokens waiting at a join are flows in flight: real Zeebe refuses to migrate in between. */
const noTokensInFlight = (m: Migration, element: ElementInstance): Rejection | undefined =>
  [...element.joins.values()].some((w) => w.length > 0)
    ? refusal('INVALID_STATE', undefined, `${start(m)} a concurrent command was executed on the process instance. Please retry the migration.`)
    : undefined;

const CHECKS: readonly ElementCheck[] = [supportedType, mapped, sameType, sameImplementation, sameLoopMode, sameFlowScope, (m, element) => checkCatchEvents(m, element), noSourceBoundaryEvents, noTargetBoundaryEvents, noTokensInFlight];

/** The first check an active element instance fails; on success its target id is recorded in `m.targetIds`. */
export function checkElement(m: Migration, element: ElementInstance): Rejection | undefined {
  if (!element.node) {
    m.targetIds.set(element.key, m.target.bpmnProcessId);
    return noTokensInFlight(m, element);
  }
  for (const check of CHECKS) {
    const rejection = check(m, element, element.node);
    if (rejection) return rejection;
  }
  m.targetIds.set(element.key, m.mapping.get(element.elementId) ?? element.elementId);
  return undefined;
}
