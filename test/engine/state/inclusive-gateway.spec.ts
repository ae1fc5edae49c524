import assert from 'node:assert/strict';
import { driver, type Driver } from '../../support/drive.js';
import { deployedEngine } from '../../support/deployed-engine.js';
import type { EngineWithClient } from '../../support/engine-target.js';

/** Inclusive gateways over gRPC: the fork takes every true condition (else the default), the join waits for what can still come. */
describe('engine state: inclusive gateways', () => {
  let target: EngineWithClient;
  let run: Driver;
  beforeEach(async () => {
    target = await deployedEngine(['inclusive.bpmn']);
    run = driver(target.client);
  });
  afterEach(() => target.close());
  const types = async (...jobTypes: string[]) => (await Promise.all(jobTypes.map((t) => run.activate(t)))).flat();

  it('forks on every true condition and joins once both paths arrive', async () => {
    await run.create('inclusive', { a: true, b: true });
    const [a, b, ...rest] = await types('inclusive-a', 'inclusive-b', 'inclusive-c');
    assert.deepEqual(rest, []);
    assert.ok(a && b);
    await run.complete(a);
    assert.deepEqual(await run.activate('inclusive-after'), [], 'the join waits for the second path');
    await run.complete(b);
    assert.equal((await run.activate('inclusive-after')).length, 1);
  });

  it('joins at once when only one path was taken', async () => {
    await run.create('inclusive', { a: false, b: true });
    const [b, ...rest] = await types('inclusive-a', 'inclusive-b', 'inclusive-c');
    assert.equal(b?.type, 'inclusive-b');
    assert.deepEqual(rest, []);
    await run.complete(b);
    assert.equal((await run.activate('inclusive-after')).length, 1);
  });

  it('takes the default flow when no condition holds', async () => {
    await run.create('inclusive', { a: false, b: false });
    const [c] = await types('inclusive-a', 'inclusive-b', 'inclusive-c');
    assert.equal(c?.type, 'inclusive-c');
    await run.complete(c);
    assert.equal((await run.activate('inclusive-after')).length, 1);
  });

  it('raises a CONDITION_ERROR incident when a condition is not a boolean', async () => {
    await run.create('inclusive', { a: 'yes', b: false });
    assert.deepEqual(target.engine.inspect().incidents.map((i) => i.type), ['CONDITION_ERROR']);
  });

  it('a token that arrives directly waits for the path still under way, and goes on when that path ends elsewhere', async () => {
    await run.create('inclusive-direct', { long: true, leave: false });
    assert.deepEqual(await run.activate('inclusive-direct-after'), [], 'the direct token waits');
    const [work] = await run.activate('inclusive-direct-work');
    assert.ok(work);
    await run.complete(work);
    assert.equal((await run.activate('inclusive-direct-after')).length, 1);
    await run.create('inclusive-direct', { long: true, leave: true });
    const [again] = await run.activate('inclusive-direct-work');
    assert.ok(again);
    await run.complete(again);
    assert.equal((await run.activate('inclusive-direct-after')).length, 1, 'the other path ended at an end event');
    await run.create('inclusive-direct', { long: false });
    assert.equal((await run.activate('inclusive-direct-after')).length, 1, 'only the direct path was taken');
  });
});
