import assert from 'node:assert/strict';
import { driver, variablesOf, type Driver } from '../../support/drive.js';
import { deployedEngine } from '../../support/deployed-engine.js';
import type { EngineWithClient } from '../../support/engine-target.js';

const PREFIX = 'Expected to create instance of process with start instructions but';

/** CreateProcessInstance start instructions over gRPC: what real Zeebe 8.5 refuses (with its reasons), and multi-instance activities. */
describe('engine state: start instructions', () => {
  let target: EngineWithClient;
  let run: Driver;
  beforeEach(async () => {
    target = await deployedEngine(['call-child.bpmn', 'multi-instance.bpmn', 'event-gateway.bpmn', 'message-start.bpmn', 'start-instructions.bpmn']);
    run = driver(target.client);
  });
  afterEach(() => target.close());

  const create = (bpmnProcessId: string, elementIds: readonly string[], variables: object = {}) =>
    target.client.call('CreateProcessInstance', { bpmnProcessId, version: -1, variables: JSON.stringify(variables), startInstructions: elementIds.map((elementId) => ({ elementId })) });
  const refused = async (bpmnProcessId: string, elementIds: readonly string[], reason: string): Promise<void> => {
    const answer = await create(bpmnProcessId, elementIds, { items: [1, 2] });
    assert.equal(answer.status, 'INVALID_ARGUMENT', answer.details);
    assert.equal(answer.details, `Command 'CREATE' rejected with code 'INVALID_ARGUMENT': ${reason}`);
    assert.equal(answer.ruleId, undefined, 'no catalogue rule covers invalid start instructions');
    assert.equal(target.engine.inspect().instances, 0, 'nothing was created');
  };

  it('refuses an element inside a multi-instance subprocess, at any depth', async () => {
    for (const id of ['sim-nested', 'sim-deep', 'sim-sub-start']) {
      await refused('start-in-mi', [id], `${PREFIX} the element with id '${id}' is inside a multi-instance subprocess. The creation of elements inside a multi-instance subprocess is not supported.`);
    }
  });

  it('starts the whole loop at the multi-instance subprocess itself', async () => {
    assert.equal((await create('start-in-mi', ['sim-sub'], { items: ['a', 'b'] })).status, 'OK');
    const jobs = await run.activate('sim-deep');
    assert.deepEqual(jobs.map((job) => variablesOf(job).item), ['a', 'b']);
    for (const job of jobs) await run.complete(job);
    assert.equal(target.engine.inspect().instances, 0);
  });

  it('starts the whole loop at a multi-instance task, inside the plain subprocess it opens, then runs on', async () => {
    assert.equal((await create('start-in-mi', ['sim-loop'], { items: [1, 2] })).status, 'OK');
    const jobs = await run.activate('sim-loop');
    assert.deepEqual(jobs.map((job) => variablesOf(job).item), [1, 2]);
    for (const job of jobs) await run.complete(job);
    assert.equal((await run.activate('sim-deep')).length, 2, 'the flow went on to the multi-instance subprocess');
  });

  it('refuses an event after an event-based gateway', async () => {
    await refused('event-gateway', ['timeout'], `${PREFIX} the element with id 'timeout' belongs to an event-based gateway. The creation of elements belonging to an event-based gateway is not supported.`);
  });

  it('refuses start events, boundary events and sequence flows, naming the supported types', async () => {
    const supported = 'Supported element types are: [PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS, INTERMEDIATE_CATCH_EVENT, INTERMEDIATE_THROW_EVENT, END_EVENT, SERVICE_TASK, RECEIVE_TASK, USER_TASK, MANUAL_TASK, TASK, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, EVENT_BASED_GATEWAY, INCLUSIVE_GATEWAY, MULTI_INSTANCE_BODY, CALL_ACTIVITY, BUSINESS_RULE_TASK, SCRIPT_TASK, SEND_TASK]';
    const cases = [['mi-parallel-start', 'START_EVENT'], ['mie-caught', 'BOUNDARY_EVENT'], ['mie-f1', 'SEQUENCE_FLOW']] as const;
    for (const [id, type] of cases) {
      const processId = id === 'mi-parallel-start' ? 'mi-parallel' : 'mi-error';
      await refused(processId, [id], `${PREFIX} the element with id '${id}' targets unsupported element type '${type}'. ${supported}`);
    }
  });

  it('checks every instruction for one rule before the next: an unknown element first', async () => {
    await refused('start-in-mi', ['sim-deep', 'nowhere'], `${PREFIX} no element found with id 'nowhere'.`);
  });

  it('needs no none start event when start instructions are given', async () => {
    assert.equal((await create('message-start', ['handle'])).status, 'OK');
    assert.equal((await run.activate('handle-order')).length, 1);
  });
});
