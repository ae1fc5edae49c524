/**
 * Examples of the ModifyProcessInstance and MigrateProcessInstance state rules: each deploys its own uniquely named
 * process through the API, starts an instance, and sends the request that breaks the rule.
 */
import type { CallOutcome } from '../harness/client.js';
import type { Fixtures } from './fixtures.js';
import { boundaryProcess, multiInstanceSubprocessProcess, multiInstanceTaskProcess, sendTaskProcess, subprocessProcess, twoTasksProcess, userTaskProcess } from './modify-models.js';
import { errorBoundaryProcess, straightThroughProcess } from './models.js';
import type { StateCase } from './state-cases.js';
import { PARTITION_ONE_KEY } from './valid-requests.js';

/** A key on partition 1 that no fixture ever gets (fixtures count up from 1). */
const UNUSED_KEY = String(BigInt(PARTITION_ONE_KEY) + 999_999_999n);

type Model = (processId: string, jobType: string) => Buffer;

/** Deploys a fresh process of a model; answers its definition key, id and job type. */
async function deployed(fx: Fixtures, tenantId: string, what: string, model: Model): Promise<{ key: string; bpmnProcessId: string; jobType: string }> {
  const bpmnProcessId = fx.uniqueId(what);
  const jobType = `${bpmnProcessId}-job`;
  const answer = await fx.ensure('DeployResource', { resources: [{ name: `${bpmnProcessId}.bpmn`, content: model(bpmnProcessId, jobType) }], tenantId });
  const [first] = answer['deployments'] as { process: { processDefinitionKey: string } }[];
  return { key: first?.process.processDefinitionKey ?? '', bpmnProcessId, jobType };
}

/** An instance of a fresh process of a model, remembered for clean-up. */
async function started(fx: Fixtures, tenantId: string, what: string, model: Model): Promise<{ pi: string; definitionKey: string; jobType: string }> {
  const process = await deployed(fx, tenantId, what, model);
  const answer = await fx.ensure('CreateProcessInstance', { bpmnProcessId: process.bpmnProcessId, version: -1, variables: '', tenantId });
  const pi = String(answer['processInstanceKey']);
  fx.track(pi);
  return { pi, definitionKey: process.key, jobType: process.jobType };
}

/** An instance that completed as soon as it was created. */
const ended = (fx: Fixtures, tenantId: string) => started(fx, tenantId, 'ended', (id) => straightThroughProcess(id));

interface Activation {
  readonly elementId: string;
  readonly ancestor?: string;
  readonly variables?: readonly { variables: string; scopeId: string }[];
}

const modify = (processInstanceKey: string, activate: readonly Activation[], terminate: readonly string[] = []): object => ({
  processInstanceKey,
  activateInstructions: activate.map((a) => ({ elementId: a.elementId, ancestorElementInstanceKey: a.ancestor ?? '-1', variableInstructions: a.variables ?? [] })),
  terminateInstructions: terminate.map((elementInstanceKey) => ({ elementInstanceKey })),
});

/** A MigrateProcessInstance request: the instance, the target definition, and `[source, target]` element id pairs. */
export const migrationRequest = (processInstanceKey: string, targetProcessDefinitionKey: string, mappings: readonly (readonly [string, string])[]): object => ({
  processInstanceKey,
  migrationPlan: { targetProcessDefinitionKey, mappingInstructions: mappings.map(([sourceElementId, targetElementId]) => ({ sourceElementId, targetElementId })) },
});

const MODIFY = 'ModifyProcessInstance';
const MIGRATE = 'MigrateProcessInstance';

/** A case in multi-tenancy off: `request` builds the fixtures and the request, sent as the authorized caller. */
function example(ruleId: string, title: string, request: (fx: Fixtures, tenantId: string) => Promise<object>, multiTenancy = false): StateCase {
  const rpc = ruleId.startsWith(MODIFY) ? MODIFY : MIGRATE;
  return { ruleId, title, multiTenancy, run: async (fx, tenantId): Promise<CallOutcome> => fx.call(rpc, await request(fx, tenantId)) };
}

/** The same example with multi-tenancy off and on (the fixtures then live in the caller's tenant). */
function inBothModes(ruleId: string, title: string, request: (fx: Fixtures, tenantId: string) => Promise<object>): StateCase[] {
  return [example(ruleId, title, request), example(ruleId, title, request, true)];
}

/** An instance at `task` with the source's boundary events, migrated to a target with others, by the given mappings. */
async function boundaryMigration(fx: Fixtures, tenantId: string, source: Parameters<typeof boundaryProcess>[2], target: Parameters<typeof boundaryProcess>[2], mappings: readonly (readonly [string, string])[]): Promise<object> {
  const { pi } = await started(fx, tenantId, 'boundary', (id, type) => boundaryProcess(id, type, source));
  const moved = await deployed(fx, tenantId, 'boundary-target', (id, type) => boundaryProcess(id, type, target));
  return migrationRequest(pi, moved.key, [['task', 'task'], ...mappings]);
}

/** An instance waiting at the first of two items of a multi-instance task, and a target whose task has the other mode. */
async function multiInstanceMigration(fx: Fixtures, tenantId: string, sequential: boolean): Promise<object> {
  const { pi } = await started(fx, tenantId, 'multi-instance', (id, type) => multiInstanceTaskProcess(id, type, sequential));
  const target = await deployed(fx, tenantId, 'multi-instance-target', (id, type) => multiInstanceTaskProcess(id, type, !sequential));
  return migrationRequest(pi, target.key, [['task', 'task']]);
}

/** Another tenant's running instance, modified or migrated by a caller not authorized for that tenant. */
function stranger(rpc: typeof MODIFY | typeof MIGRATE): StateCase {
  return {
    ruleId: `${rpc}/NOT_FOUND/other-tenant`,
    title: "another tenant's process instance",
    multiTenancy: true,
    run: async (fx) => {
      const { processInstanceKey, processDefinitionKey } = await fx.instance();
      return fx.callAsStranger(rpc, rpc === MODIFY ? modify(processInstanceKey, [{ elementId: 'task' }]) : migrationRequest(processInstanceKey, processDefinitionKey, [['task', 'task']]));
    },
  };
}

/** The key of task `a`'s element instance after its job completed (the instance waits at `b`). */
async function completedElement(fx: Fixtures, tenantId: string): Promise<{ pi: string; elementInstanceKey: string }> {
  const { pi, jobType } = await started(fx, tenantId, 'two-tasks', (id, type) => twoTasksProcess(id, type, `${type}-b`));
  const activated = await fx.ensure('ActivateJobs', { type: jobType, worker: 'conformance', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 5000, tenantIds: tenantId === '' ? [] : [tenantId] });
  const [job] = activated['jobs'] as { key: string; elementInstanceKey: string }[];
  if (!job) throw new Error(`fixture ActivateJobs found no job of type ${jobType}`);
  await fx.ensure('CompleteJob', { jobKey: job.key, variables: '' });
  return { pi, elementInstanceKey: job.elementInstanceKey };
}

/** The ModifyProcessInstance rules an example reaches through the API alone. */
export const MODIFY_CASES: readonly StateCase[] = [
  example(`${MODIFY}/NOT_FOUND/no-such-instance`, 'a key that names nothing', () => Promise.resolve(modify(UNUSED_KEY, [{ elementId: 'task' }]))),
  example(`${MODIFY}/NOT_FOUND/instance-not-active`, 'an instance that completed', async (fx, t) => modify((await ended(fx, t)).pi, [{ elementId: 'end' }])),
  stranger(MODIFY),
  example(`${MODIFY}/INVALID_ARGUMENT/activate-unknown-element`, 'an element id the process does not have', async (fx) => modify((await fx.instance()).processInstanceKey, [{ elementId: 'conformance-no-such-element' }])),
  example(`${MODIFY}/INVALID_ARGUMENT/activate-ambiguous-flow-scope`, 'a task of a subprocess that runs twice, without an ancestor', async (fx, t) => {
    const { pi } = await started(fx, t, 'subprocess', subprocessProcess);
    await fx.ensure(MODIFY, modify(pi, [{ elementId: 'sub' }]));
    return modify(pi, [{ elementId: 'inner' }]);
  }),
  example(`${MODIFY}/INVALID_ARGUMENT/variable-unknown-scope`, 'variables for a scope id the process does not have', async (fx) =>
    modify((await fx.instance()).processInstanceKey, [{ elementId: 'task', variables: [{ variables: '{"a":1}', scopeId: 'conformance-no-such-scope' }] }])),
  example(`${MODIFY}/INVALID_ARGUMENT/variable-scope-outside-flow-scope`, 'variables for a sibling of the activated element', async (fx) =>
    modify((await fx.instance()).processInstanceKey, [{ elementId: 'task', variables: [{ variables: '{"a":1}', scopeId: 'end' }] }])),
  example(`${MODIFY}/INVALID_ARGUMENT/terminate-unknown-element`, 'an element instance key that names nothing', async (fx) => modify((await fx.instance()).processInstanceKey, [], [UNUSED_KEY])),
  example(`${MODIFY}/INVALID_ARGUMENT/terminate-inactive-element`, 'the element instance of a task that completed', async (fx, t) => {
    const { pi, elementInstanceKey } = await completedElement(fx, t);
    return modify(pi, [], [elementInstanceKey]);
  }),
  ...inBothModes(`${MODIFY}/INVALID_ARGUMENT/activate-flow-scope-not-creatable`, 'a task inside a multi-instance subprocess that has no active instance', async (fx, t) =>
    modify((await started(fx, t, 'multi-instance-subprocess', multiInstanceSubprocessProcess)).pi, [{ elementId: 'inner' }])),
  ...inBothModes(`${MODIFY}/INVALID_ARGUMENT/terminates-called-instance`, "terminating the only task of a call activity's child instance", async (fx) => {
    const child = await fx.childInstance();
    return modify(child.processInstanceKey, [], [child.elementInstanceKey]);
  }),
];

/** The MigrateProcessInstance rules an example reaches through the API alone. */
export const MIGRATE_CASES: readonly StateCase[] = [
  example(`${MIGRATE}/NOT_FOUND/no-such-instance`, 'a key that names nothing', () => Promise.resolve(migrationRequest(UNUSED_KEY, UNUSED_KEY, []))),
  example(`${MIGRATE}/NOT_FOUND/instance-not-active`, 'an instance that completed', async (fx, t) => {
    const { pi, definitionKey } = await ended(fx, t);
    return migrationRequest(pi, definitionKey, []);
  }),
  stranger(MIGRATE),
  example(`${MIGRATE}/NOT_FOUND/no-such-target-definition`, 'a target key that names nothing', async (fx) => migrationRequest((await fx.instance()).processInstanceKey, UNUSED_KEY, [['task', 'task']])),
  ...([
    ['unknown-source-element', 'a source id the process does not have', [['conformance-no-such-element', 'task'], ['task', 'task']]],
    ['unknown-target-element', 'a target id the target process does not have', [['task', 'conformance-no-such-element']]],
    ['duplicate-source-mapping', 'the same source id mapped twice', [['task', 'task'], ['task', 'end']]],
  ] as const).map(([name, title, mappings]) => example(`${MIGRATE}/INVALID_ARGUMENT/${name}`, title, async (fx) => {
    const { processInstanceKey, processDefinitionKey } = await fx.instance();
    return migrationRequest(processInstanceKey, processDefinitionKey, mappings);
  })),
  example(`${MIGRATE}/FAILED_PRECONDITION/unmapped-active-element`, 'no mapping for the active service task', async (fx) => {
    const { processInstanceKey, processDefinitionKey } = await fx.instance();
    return migrationRequest(processInstanceKey, processDefinitionKey, []);
  }),
  example(`${MIGRATE}/FAILED_PRECONDITION/element-type-changed`, 'an active service task mapped to a user task', async (fx, t) => {
    const { processInstanceKey } = await fx.instance();
    const userTask = await deployed(fx, t, 'user-task', (id) => userTaskProcess(id));
    return migrationRequest(processInstanceKey, userTask.key, [['task', 'task']]);
  }),
  example(`${MIGRATE}/FAILED_PRECONDITION/task-implementation-changed`, 'an active job-worker user task mapped to a Camunda user task', async (fx, t) => {
    const { pi } = await started(fx, t, 'job-worker-user-task', (id) => userTaskProcess(id));
    const camunda = await deployed(fx, t, 'camunda-user-task', (id) => userTaskProcess(id, 'camunda'));
    return migrationRequest(pi, camunda.key, [['task', 'task']]);
  }),
  example(`${MIGRATE}/FAILED_PRECONDITION/unsupported-element`, 'an active send task (job-based)', async (fx, t) => {
    const { pi, definitionKey } = await started(fx, t, 'send-task', sendTaskProcess);
    return migrationRequest(pi, definitionKey, [['task', 'task']]);
  }),
  example(`${MIGRATE}/FAILED_PRECONDITION/unsupported-scenario`, 'an active service task with an error boundary event', async (fx, t) => {
    const { pi, definitionKey } = await started(fx, t, 'error-boundary', (id, type) => errorBoundaryProcess(id, { charge: type, notify: `${type}-notify` }, 'conformance-error'));
    return migrationRequest(pi, definitionKey, [['charge', 'charge']]);
  }),
  ...inBothModes(`${MIGRATE}/FAILED_PRECONDITION/event-type-changed`, 'a message boundary event of the active task mapped to a timer boundary event', (fx, t) =>
    boundaryMigration(fx, t, [{ id: 'b', attachedTo: 'task', kind: 'message' }], [{ id: 'b', attachedTo: 'task', kind: 'timer' }], [['b', 'b']])),
  ...inBothModes(`${MIGRATE}/FAILED_PRECONDITION/boundary-event-detached`, "the active task's message boundary event mapped to one on another task", (fx, t) =>
    boundaryMigration(fx, t, [{ id: 'b', attachedTo: 'task', kind: 'message' }], [{ id: 'b', attachedTo: 'other', kind: 'message' }], [['b', 'b']])),
  ...inBothModes(`${MIGRATE}/FAILED_PRECONDITION/catch-event-mapped-twice`, "both message boundary events of the active task mapped to the target's one", (fx, t) =>
    boundaryMigration(fx, t, [{ id: 'b1', attachedTo: 'task', kind: 'message' }, { id: 'b2', attachedTo: 'task', kind: 'message' }], [{ id: 'b', attachedTo: 'task', kind: 'message' }], [['b1', 'b'], ['b2', 'b']])),
  ...inBothModes(`${MIGRATE}/FAILED_PRECONDITION/multi-instance-parallel-to-sequential`, 'an active parallel multi-instance task mapped to a sequential one', (fx, t) => multiInstanceMigration(fx, t, false)),
  ...inBothModes(`${MIGRATE}/FAILED_PRECONDITION/multi-instance-sequential-to-parallel`, 'an active sequential multi-instance task mapped to a parallel one', (fx, t) => multiInstanceMigration(fx, t, true)),
];
