/** Positive properties of process instance modification and migration, each on a running one-task instance. */
import fc from 'fast-check';
import { migrationRequest } from '../cases/modify-cases.js';
import { renamedTaskProcess } from '../cases/modify-models.js';
import { validVariables } from '../properties/arbitraries.js';
import { deployOne, firstProcessKey } from './deployed-entries.js';
import { jobTenants, positive, type AnyPositiveProperty, type Exchange } from './positive-property.js';
import { empty, equals, fieldsOf, sameKey } from './shape.js';

const modifyProcessInstance = positive({
  rpc: 'ModifyProcessInstance',
  varies: 'variables documents, their scope (the process instance or the element), the ancestor (none or the process instance)',
  maxRuns: 10,
  input: fc.record({ variables: validVariables, scopeId: fc.constantFrom('', 'task'), underInstance: fc.boolean() }),
  exercise: async (fx, input): Promise<Exchange> => {
    const { processInstanceKey } = await fx.instance();
    const activate = { elementId: 'task', ancestorElementInstanceKey: input.underInstance ? processInstanceKey : '-1', variableInstructions: [{ variables: input.variables, scopeId: input.scopeId }] };
    const request = { processInstanceKey, activateInstructions: [activate], terminateInstructions: [] };
    const outcome = await fx.call('ModifyProcessInstance', request);
    return { request, outcome, problems: empty(outcome.responses[0]) };
  },
});

/** BPMN ids the target's task gets (an NCName). */
const taskId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/);

const migrateProcessInstance = positive({
  rpc: 'MigrateProcessInstance',
  varies: "the id the target process gives the instance's task; afterwards the job must report the target's element and definition",
  maxRuns: 10,
  input: taskId,
  exercise: async (fx, targetTask, tenancy): Promise<Exchange> => {
    const { processInstanceKey, jobType } = await fx.instance();
    const bpmnProcessId = fx.uniqueId('migration-target');
    const target = firstProcessKey(await deployOne(fx, `${bpmnProcessId}.bpmn`, renamedTaskProcess(bpmnProcessId, jobType, targetTask), tenancy.tenantId));
    const request = migrationRequest(processInstanceKey, target, [['task', targetTask]]);
    const outcome = await fx.call('MigrateProcessInstance', request);
    if (outcome.status !== 'OK') return { request, outcome, problems: [] };
    const activated = await fx.ensure('ActivateJobs', { type: jobType, worker: 'conformance', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 5000, tenantIds: jobTenants(tenancy) });
    const job = fieldsOf((activated['jobs'] as unknown[] | undefined)?.[0]);
    const problems = [
      ...empty(outcome.responses[0]),
      ...equals('job.elementId', job['elementId'], targetTask),
      ...equals('job.bpmnProcessId', job['bpmnProcessId'], bpmnProcessId),
      ...sameKey('job.processDefinitionKey', job['processDefinitionKey'], target),
    ];
    return { request, outcome, problems };
  },
});

/** Modification and migration. */
export const MODIFICATION_PROPERTIES: readonly AnyPositiveProperty[] = [modifyProcessInstance, migrateProcessInstance];
