import assert from 'node:assert/strict';
import { driver, variablesOf, type Driver } from '../../support/drive.js';
import { deployedEngine } from '../../support/deployed-engine.js';
import type { EngineWithClient } from '../../support/engine-target.js';

/** Multi-instance activities (parallel and sequential; tasks, subprocesses, call activities), over gRPC. */
describe('engine state: multi-instance activities', () => {
  let target: EngineWithClient;
  let run: Driver;
  beforeEach(async () => {
    target = await deployedEngine(['call-child.bpmn', 'multi-instance.bpmn']);
    run = driver(target.client);
  });
  afterEach(() => target.close());

  it('parallel: one job per item at once, with item and loopCounter; the output collection keeps item order', async () => {
    await run.create('mi-parallel', { items: ['x', 'y', 'z'] });
    const jobs = await run.activate('mi-parallel-work');
    assert.deepEqual(jobs.map((j) => [variablesOf(j).item, variablesOf(j).loopCounter]), [['x', 1], ['y', 2], ['z', 3]]);
    for (const job of [...jobs].reverse()) {
      assert.deepEqual(await run.activate('mi-parallel-after'), [], 'the body waits for every inner instance');
      await run.complete(job, { result: `done-${String(variablesOf(job).item)}` });
    }
    const [after] = await run.activate('mi-parallel-after');
    assert.deepEqual(variablesOf(after), { items: ['x', 'y', 'z'], results: ['done-x', 'done-y', 'done-z'] });
  });

  it('sequential: the next item starts when the previous one completes', async () => {
    await run.create('mi-sequential', { items: [1, 2] });
    const [first, ...none] = await run.activate('mi-sequential-work');
    assert.deepEqual(none, []);
    assert.equal(variablesOf(first).item, 1);
    assert.ok(first);
    await run.complete(first, { result: 10 });
    const [second] = await run.activate('mi-sequential-work');
    assert.deepEqual([variablesOf(second).item, variablesOf(second).loopCounter], [2, 2]);
    assert.ok(second);
    await run.complete(second, { result: 20 });
    assert.deepEqual(variablesOf((await run.activate('mi-sequential-after'))[0]).results, [10, 20]);
  });

  it('an empty collection completes the activity at once', async () => {
    await run.create('mi-parallel', { items: [] });
    assert.deepEqual(await run.activate('mi-parallel-work'), []);
    assert.deepEqual(variablesOf((await run.activate('mi-parallel-after'))[0]).results, []);
  });

  it('a collection that is not a list raises an incident; fixed and resolved, the instances start', async () => {
    const key = await run.create('mi-parallel', { items: 'nope' });
    const [incident] = target.engine.inspect().incidents;
    assert.equal(incident?.type, 'EXTRACT_VALUE_ERROR');
    assert.equal(incident.message, "Expected result of the expression 'items' to be 'ARRAY', but was 'STRING'.");
    await target.client.call('SetVariables', { elementInstanceKey: key, variables: '{"items":[7]}', local: false });
    await target.client.call('ResolveIncident', { incidentKey: incident.key });
    assert.equal(variablesOf((await run.activate('mi-parallel-work'))[0]).item, 7);
  });

  it('the completion condition ends the remaining inner instances', async () => {
    await run.create('mi-condition', { items: [1, 2, 3] });
    const [a, b, c] = await run.activate('mi-condition-work');
    assert.ok(a && b && c);
    await run.complete(a, { result: 'a' });
    await run.complete(b, { result: 'b' });
    assert.equal((await target.client.call('CompleteJob', { jobKey: c.key, variables: '' })).status, 'NOT_FOUND', 'the third was terminated');
    assert.deepEqual(variablesOf((await run.activate('mi-condition-after'))[0]).results, ['a', 'b', null]);
  });

  it('a sequential subprocess runs its contents once per item, then the instance completes', async () => {
    await run.create('mi-subprocess', { items: ['p', 'q'] });
    for (const item of ['p', 'q']) {
      const [job] = await run.activate('mi-subprocess-work');
      assert.equal(variablesOf(job).item, item);
      assert.ok(job);
      await run.complete(job);
    }
    assert.equal(target.engine.inspect().instances, 0);
  });

  it('a parallel call activity starts one child per item', async () => {
    await run.create('mi-call', { items: [1, 2] });
    const children = await run.activate('child-work');
    assert.deepEqual(children.map((j) => variablesOf(j).item), [1, 2]);
    assert.equal(target.engine.inspect().instances, 3);
    for (const job of children) await run.complete(job);
    assert.equal(target.engine.inspect().instances, 0);
  });

  it('an error boundary event on the activity catches an error of one inner instance and ends them all', async () => {
    await run.create('mi-error', { items: [1, 2] });
    const [first, second] = await run.activate('mi-error-work');
    assert.ok(first && second);
    assert.equal((await target.client.call('ThrowError', { jobKey: first.key, errorCode: 'boom', errorMessage: '' })).status, 'OK');
    assert.equal((await target.client.call('CompleteJob', { jobKey: second.key, variables: '' })).status, 'NOT_FOUND', 'the other inner instance was terminated');
    const [handler] = await run.activate('mi-error-handle');
    assert.ok(handler);
    await run.complete(handler);
    assert.equal(target.engine.inspect().instances, 0);
  });

  it('a boundary event on the activity waits once, on the body: a non-interrupting signal is caught once, not per item', async () => {
    await run.create('mi-signal', { items: [1, 2] });
    assert.equal((await run.activate('mi-signal-work')).length, 2);
    assert.equal((await target.client.call('BroadcastSignal', { signalName: 'mi-ping', variables: '{}' })).status, 'OK');
    assert.equal((await run.activate('mi-signal-handle')).length, 1);
  });

  it('a long sequential collection of pass-through tasks runs to its end, each inner instance with its own item', async () => {
    await run.create('mi-many', { count: 5000 });
    const [after] = await run.activate('mi-many-after');
    assert.deepEqual(variablesOf(after), { count: 5000, doubled: 10_000 }, 'the output mapping of the last inner instance');
  });
});
