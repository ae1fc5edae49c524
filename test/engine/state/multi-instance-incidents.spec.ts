import assert from 'node:assert/strict';
import { driver, variablesOf, type Driver } from '../../support/drive.js';
import { deployedEngine } from '../../support/deployed-engine.js';
import type { EngineWithClient } from '../../support/engine-target.js';
import type { ActivatedJob } from '../../support/processes.js';

/**
 * A completion condition or output element that fails to evaluate, as Zeebe's MultiInstanceBodyProcessor handles it
 * (beforeExecutionPathCompleted): an EXTRACT_VALUE_ERROR incident on the completing inner instance; resolving it
 * completes that instance again. Over gRPC.
 */
describe('engine state: multi-instance evaluation incidents', () => {
  let target: EngineWithClient;
  let run: Driver;
  beforeEach(async () => {
    target = await deployedEngine(['multi-instance-incidents.bpmn']);
    run = driver(target.client);
  });
  afterEach(() => target.close());

  const openIncidents = (): ReturnType<EngineWithClient['engine']['inspect']>['incidents'] => target.engine.inspect().incidents;

  async function setAndResolve(processInstanceKey: string, variables: object): Promise<void> {
    const [incident] = openIncidents();
    assert.ok(incident);
    assert.equal((await target.client.call('SetVariables', { elementInstanceKey: processInstanceKey, variables: JSON.stringify(variables), local: false })).status, 'OK');
    assert.equal((await target.client.call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
  }

  async function only(type: string): Promise<ActivatedJob> {
    const [job, ...more] = await run.activate(type);
    assert.ok(job, `a ${type} job`);
    assert.deepEqual(more, []);
    return job;
  }

  it('a condition giving null (missing variable) is an incident on the completing inner instance, not false', async () => {
    const key = await run.create('mi-cond-parallel', { items: [1, 2, 3] });
    const [first, second, third] = await run.activate('mi-cond-parallel-work');
    assert.ok(first && second && third);
    await run.complete(first, { result: 'a' });
    const [incident, ...more] = openIncidents();
    assert.deepEqual(more, []);
    assert.equal(incident?.type, 'EXTRACT_VALUE_ERROR');
    assert.match(incident.message, /^Expected result of the expression 'x > 1' to be 'BOOLEAN', but was 'NULL'\./);
    assert.equal(incident.elementInstanceKey, first.elementInstanceKey);
    assert.deepEqual(await run.activate('mi-cond-parallel-after'), [], 'the body waits');
    await setAndResolve(key, { x: 2 });
    assert.deepEqual(openIncidents(), []);
    assert.equal((await target.client.call('CompleteJob', { jobKey: second.key, variables: '' })).status, 'NOT_FOUND', 'the condition held: the others were terminated');
    assert.deepEqual(variablesOf(await only('mi-cond-parallel-after')).results, ['a', null, null]);
  });

  it('sequential: resolved with a condition that is false now, the loop goes on to the next item', async () => {
    const key = await run.create('mi-cond-sequential', { items: [1, 2] });
    await run.complete(await only('mi-cond-sequential-work'), { result: 'a' });
    assert.equal(openIncidents()[0]?.type, 'EXTRACT_VALUE_ERROR');
    assert.deepEqual(await run.activate('mi-cond-sequential-work'), [], 'the next item waits for the incident');
    await setAndResolve(key, { x: 0 });
    const second = await only('mi-cond-sequential-work');
    assert.deepEqual([variablesOf(second).item, variablesOf(second).loopCounter], [2, 2]);
    await run.complete(second, { result: 'b' });
    assert.deepEqual(openIncidents(), []);
    assert.deepEqual(variablesOf(await only('mi-cond-sequential-after')).results, ['a', 'b']);
  });

  it('an output element that fails is an incident too; resolved, the output mappings and element are evaluated again', async () => {
    const key = await run.create('mi-output-fails', { items: [1] });
    await run.complete(await only('mi-output-fails-work'));
    const [incident] = openIncidents();
    assert.equal(incident?.type, 'EXTRACT_VALUE_ERROR');
    await setAndResolve(key, { result: 'late' });
    assert.deepEqual(variablesOf(await only('mi-output-fails-after')).results, ['late']);
  });

  it('cancelling the instance while an inner instance has such an incident removes it', async () => {
    const key = await run.create('mi-cond-parallel', { items: [1] });
    await run.complete(await only('mi-cond-parallel-work'), { result: 'a' });
    assert.equal(openIncidents().length, 1);
    assert.equal((await target.client.call('CancelProcessInstance', { processInstanceKey: key })).status, 'OK');
    assert.deepEqual(openIncidents(), []);
    assert.equal(target.engine.inspect().instances, 0);
  });
});
