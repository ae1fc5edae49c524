import { err, ok, type Result } from '../../result.js';
import type { MachineContext } from '../context.js';
import { EVENTS } from '../execution.js';
import type { Command, Rejection } from '../machine.js';
import { isEventSubprocess, lookUp } from '../modification/element-types.js';
import { findLiveInstance } from '../modification/instance-lookup.js';
import { checkElement, refusal, type Migration } from '../modification/migration-checks.js';
import type { FlowNode } from '../../model/index.js';
import { asMultiInstanceBody, innerInstanceNode } from '../behaviours/multi-instance-nodes.js';
import type { ElementInstance, Job, ProcessDefinition, ProcessInstance } from '../types.js';

interface MigrateRequest {
  readonly processInstanceKey: string;
  readonly migrationPlan: {
    readonly targetProcessDefinitionKey: string;
    readonly mappingInstructions: readonly { readonly sourceElementId: string; readonly targetElementId: string }[];
  } | null;
}

type Instructions = NonNullable<MigrateRequest['migrationPlan']>['mappingInstructions'];

/**
 * MigrateProcessInstance: the instance moves to the target definition, each active element instance to the element
 * its mapping names (keys kept), and the jobs of job-based tasks with them; the subscriptions of mapped boundary
 * events move with them (due dates, correlation keys kept). All or nothing: every element is checked before the
 * first change.
 */
export function migrateProcessInstance(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const request = command.request as MigrateRequest;
  const found = findLiveInstance(ctx, command, 'MigrateProcessInstance', 'MIGRATE',
    `Expected to migrate process instance but no process instance found with key '${request.processInstanceKey}'`);
  if (!found.ok) return found;
  const pi = found.value;
  const instructions = request.migrationPlan?.mappingInstructions ?? [];
  const targetKey = request.migrationPlan?.targetProcessDefinitionKey ?? '0';
  const duplicates = duplicateSources(instructions);
  if (duplicates.length > 0) {
    return err(refusal('INVALID_ARGUMENT', 'duplicate-source-mapping', `Expected to migrate process instance '${pi.key}' but the mapping instructions contain duplicate source element ids '[${duplicates.join(', ')}]'.`));
  }
  const target = ctx.state.processes.byKey.get(targetKey);
  if (target?.tenantId !== pi.tenantId) {
    return err(refusal('NOT_FOUND', 'no-such-target-definition', `Expected to migrate process instance to process definition but no process definition found with key '${targetKey}'`));
  }
  const refused = checkElementIds(pi, target, instructions) ?? checkNoEventSubprocess(pi.definition, target);
  if (refused) return err(refused);
  const migration: Migration = { pi, target, mapping: new Map(instructions.map((i) => [i.sourceElementId, i.targetElementId])), targetIds: new Map(), multiInstance: ctx.enforcement.profile === 'documented', catchEvents: ctx.enforcement.profile === 'documented' };
  const elements = activeElements(ctx, pi);
  for (const element of elements) {
    const rejection = checkElement(migration, element);
    if (rejection) return err(rejection);
  }
  apply(ctx, migration, elements);
  return ok({});
}

function duplicateSources(instructions: Instructions): string[] {
  const ids = instructions.map((i) => i.sourceElementId);
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}

/** Every source id must exist in the instance's definition and every target id in the target, instruction by instruction. */
function checkElementIds(pi: ProcessInstance, target: ProcessDefinition, instructions: Instructions): Rejection | undefined {
  const missing = (id: string, where: string): string =>
    `Expected to migrate process instance '${pi.key}' but mapping instructions contain a non-existing ${where} element id '${id}'. Elements provided in mapping instructions must exist in the ${where} process definition.`;
  for (const { sourceElementId, targetElementId } of instructions) {
    if (lookUp(pi.definition, sourceElementId).found === 'nothing') return refusal('INVALID_ARGUMENT', 'unknown-source-element', missing(sourceElementId, 'source'));
    if (lookUp(target, targetElementId).found === 'nothing') return refusal('INVALID_ARGUMENT', 'unknown-target-element', missing(targetElementId, 'target'));
  }
  return undefined;
}

/** Real Zeebe 8.5 migrates no instance whose source or target process has an event subprocess. */
function checkNoEventSubprocess(source: ProcessDefinition, target: ProcessDefinition): Rejection | undefined {
  const has = (d: ProcessDefinition): boolean => [...d.process.elements.values()].some(isEventSubprocess);
  if (has(source)) return refusal('INVALID_STATE', 'unsupported-scenario', 'Expected to migrate process instance but process instance has an event subprocess. Process instances with event subprocesses cannot be migrated yet.');
  if (has(target)) return refusal('INVALID_STATE', 'unsupported-scenario', 'Expected to migrate process instance but target process has an event subprocess. Target processes with event subprocesses cannot be migrated yet.');
  return undefined;
}

/** The instance's element instances, breadth first from the process instance (a parent before its children). */
function activeElements(ctx: MachineContext, pi: ProcessInstance): ElementInstance[] {
  const root = ctx.state.elements.get(pi.key);
  const queue = root ? [root] : [];
  for (let i = 0; i < queue.length; i++) {
    for (const key of queue[i]?.children ?? []) {
      const child = ctx.state.elements.get(key);
      if (child) queue.push(child);
    }
  }
  return queue;
}

/** A body gets the target's body shape, an inner instance the target's inner shape, anything else the target node. */
function targetNode(element: ElementInstance, node: FlowNode | undefined): FlowNode | undefined {
  if (!node || node.multiInstance === undefined) return node;
  return element.node?.kind === 'multiInstanceBody' ? asMultiInstanceBody(node) : innerInstanceNode(node);
}

/** What a job and a user task know of their element and definition. */
type BoundRecord = Pick<Job, 'elementId' | 'processDefinitionKey' | 'bpmnProcessId' | 'processDefinitionVersion'>;

function rebind(record: BoundRecord | undefined, elementId: string, target: ProcessDefinition): void {
  if (!record) return;
  record.elementId = elementId;
  record.processDefinitionKey = target.key;
  record.bpmnProcessId = target.bpmnProcessId;
  record.processDefinitionVersion = target.version;
}

/** Re-binds every element instance, its job and its user task to the target; keys, variables and incidents stay. */
function apply(ctx: MachineContext, m: Migration, elements: readonly ElementInstance[]): void {
  const { target } = m;
  for (const element of elements) {
    const targetId = m.targetIds.get(element.key) ?? element.elementId;
    element.elementId = targetId;
    element.node = targetNode(element, target.process.elements.get(targetId));
    rebind(element.jobKey === undefined ? undefined : ctx.state.jobs.get(element.jobKey), targetId, target);
    rebind(element.userTaskKey === undefined ? undefined : ctx.state.userTasks.get(element.userTaskKey), targetId, target);
  }
  m.pi.definition = target;
  for (const element of elements) if (element.node) EVENTS.rebindBoundaries(ctx, m.pi, element, m.mapping);
}
