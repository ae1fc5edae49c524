import assert from 'node:assert/strict';
import { driver, variablesOf, type Driver } from '../../support/drive.js';
import { deployedEngine } from '../../support/deployed-engine.js';
import type { EngineWithClient } from '../../support/engine-target.js';
import type { ActivatedJob } from '../../support/processes.js';

/**
 * Inner instances ended by ModifyProcessInstance, and the counters a completion condition sees, over gRPC, as in
 * Zeebe 8.5: a terminated inner instance counts in `numberOfTerminatedInstances`, leaves its output slot `null`, and
 * the modification ends a body it leaves without an active inner instance (the instance too, when nothing else runs).
 */
describe('engine state: terminated inner instances and multi-instance counters', () => {
  let target: EngineWithClient;
  let run: Driver;
  beforeEach(async () => {
    target = await deployedEngine(['multi-instance.bpmn', 'multi-instance-counters.bpmn']);
    run = driver(target.client);
  });
  afterEach(() => target.close());

  const terminate = async (...jobs: (ActivatedJob | undefined)[]): Promise<void> => {
    const [first] = jobs;
    const answer = await target.client.call('ModifyProcessInstance', {
      processInstanceKey: first?.processInstanceKey,
      activateInstructions: [],
      terminateInstructions: jobs.map((job) => ({ elementInstanceKey: job?.elementInstanceKey })),
    });
    assert.equal(answer.status, 'OK', answer.details);
  };
  const completeStatus = async (job: ActivatedJob | undefined): Promise<string> =>
    (await target.client.call('CompleteJob', { jobKey: job?.key, variables: '{"result":"late"}' })).status;

  it('parallel: the others run on, then the body completes; the terminated slot stays null', async () => {
    await run.create('mi-parallel', { items: ['x', 'y', 'z'] });
    const [x, y, z] = await run.activate('mi-parallel-work');
    assert.ok(x && z);
    await terminate(y);
    assert.equal(await completeStatus(y), 'NOT_FOUND', 'the job of the terminated inner instance is gone');
    await run.complete(z, { result: 'done-z' });
    assert.deepEqual(await run.activate('mi-parallel-after'), [], 'one inner instance is still active');
    await run.complete(x, { result: 'done-x' });
    const [after] = await run.activate('mi-parallel-after');
    assert.deepEqual(variablesOf(after).results, ['done-x', null, 'done-z']);
  });

  it('parallel: the completion condition sees the terminated instance (and the other counters)', async () => {
    await run.create('mi-counted', { items: [1, 2, 3] });
    const [first, second, third] = await run.activate('mi-counted-work');
    assert.ok(first && third);
    await terminate(second);
    assert.equal(target.engine.inspect().instances, 1, 'terminating evaluates nothing: the body waits for the others');
    await run.complete(first, { result: 'a' });
    assert.equal(await completeStatus(third), 'NOT_FOUND', 'the condition held (terminated 1, active 1, completed 1, instances 3) and ended the third');
    const [after] = await run.activate('mi-counted-after');
    assert.deepEqual(variablesOf(after).results, ['a', null, null]);
  });

  it('the counters are no variables: a job of an inner instance does not see them', async () => {
    await run.create('mi-counted', { items: [1, 2, 3] });
    const [, second] = await run.activate('mi-counted-work');
    assert.deepEqual(variablesOf(second), { items: [1, 2, 3], results: [null, null, null], item: 2, loopCounter: 2, result: null });
  });

  it('sequential: numberOfInstances counts the inner instances created so far, not the items', async () => {
    await run.create('mi-counted-sequential', { items: ['p', 'q', 'r'] });
    for (const item of ['p', 'q']) {
      const [job] = await run.activate('mi-counted-sequential-work');
      assert.equal(variablesOf(job).item, item);
      assert.ok(job);
      await run.complete(job);
    }
    assert.deepEqual(await run.activate('mi-counted-sequential-work'), [], 'the condition held after the second item');
    assert.equal((await run.activate('mi-counted-sequential-after')).length, 1);
  });

  it('sequential: terminating the running inner instance ends the body (no next item) and the instance', async () => {
    await run.create('mi-sequential', { items: [1, 2, 3] });
    const [first] = await run.activate('mi-sequential-work');
    await terminate(first);
    assert.deepEqual(await run.activate('mi-sequential-work'), [], 'the next item does not start');
    assert.deepEqual(await run.activate('mi-sequential-after'), [], 'the body was terminated, not completed');
    assert.equal(target.engine.inspect().instances, 0);
  });

  it('parallel: terminating the last active inner instances ends the body even after a completion', async () => {
    await run.create('mi-parallel', { items: ['x', 'y', 'z'] });
    const [x, y, z] = await run.activate('mi-parallel-work');
    assert.ok(x);
    await run.complete(x, { result: 'done-x' });
    await terminate(y, z);
    assert.deepEqual(await run.activate('mi-parallel-after'), []);
    assert.equal(target.engine.inspect().instances, 0);
  });
});
